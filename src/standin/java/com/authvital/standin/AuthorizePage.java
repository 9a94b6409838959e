package com.authvital.standin;

import java.util.Map;

/**
 * The stand-in's sign-in page: one form back to {@value AuthorizeEndpoint#LOGIN} that carries the
 * authorization request as hidden fields, and three buttons named {@code decision}.
 */
final class AuthorizePage {

    private AuthorizePage() {
    }

    static String render(AuthorizeRequest request) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sign in to AuthVital</title></head>\n<body><h1>Sign in to AuthVital</h1>\n");
        html.append("<p>The application <code>").append(Pages.escape(request.clientId()))
                .append("</code> asks you to sign in").append(request.tenant() == null ? ""
                        : " to the tenant <code>" + Pages.escape(request.tenant()) + "</code>")
                .append(". This is the stand-in IdP: choose who you are.</p>\n");
        html.append("<form method=\"post\" action=\"").append(AuthorizeEndpoint.LOGIN).append("\">\n");
        for (Map.Entry<String, String> field : request.hiddenFields().entrySet()) {
            html.append("<input type=\"hidden\" name=\"").append(Pages.escape(field.getKey()))
                    .append("\" value=\"").append(Pages.escape(field.getValue())).append("\">\n");
        }
        html.append(button(DemoUsers.DEMO, "Sign in as Demo User"))
                .append(button(DemoUsers.SECOND, "Sign in as Second User"))
                .append(button(AuthorizeEndpoint.DENY, "Deny"))
                .append("</form></body></html>\n");
        return html.toString();
    }

    private static String button(String decision, String label) {
        return "<button type=\"submit\" name=\"decision\" value=\"" + decision + "\">" + label + "</button>\n";
    }
}
