package com.authvital.standin;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stand-in's page of controls for a person watching the demo ({@code GET /dev/demo}): what an
 * AuthVital administrator would do in its console, one button each. "Suspend Demo User" and
 * "Activate Demo User" post a plain form to {@code /dev/demo/suspend|activate}, which change the
 * current Demo User in the demo tenant {@code acme} exactly as {@code POST /dev/members/{id}/suspend}
 * does (the member, then the signed {@code member.*} event to the registered URL) and send the
 * browser back to the page (303, so a reload posts nothing again).
 *
 * <p>The posts must come from this page: one whose {@code Origin} is another site's is refused
 * (403), so a page elsewhere cannot suspend the demo's user behind a visitor's back. The rest of
 * {@code /dev/} is as open as ever: keep the stand-in on loopback.
 */
final class DevDemoPage {

    static final String PAGE = "/dev/demo";

    /** What the page says after each control, by the {@code done} its redirect carries. */
    private static final Map<String, String> DONE = Map.of(
            "suspended", "The Demo User is suspended in acme: member.suspended was sent.",
            "activated", "The Demo User is active in acme again: member.activated was sent.");

    private final DemoUsers users;
    private final Members members;
    private final DevMemberControls controls;
    private final Webhooks webhooks;

    DevDemoPage(DemoUsers users, Members members, DevMemberControls controls, Webhooks webhooks) {
        this.users = users;
        this.members = members;
        this.controls = controls;
        this.webhooks = webhooks;
    }

    void register(Router router) {
        router.add("GET", PAGE, (call, p) -> call.sendHtml(200, render(call.query("done").map(DONE::get))))
                .add("POST", PAGE + "/suspend", (call, p) -> change(call, Members.Status.SUSPENDED, "suspended"))
                .add("POST", PAGE + "/activate", (call, p) -> change(call, Members.Status.ACTIVE, "activated"));
    }

    private void change(IdpExchange call, Members.Status status, String done) throws IOException {
        if (!sameOrigin(call)) {
            call.sendHtml(403, Pages.page("Refused", "These controls take posts from their own page only."));
            return;
        }
        controls.status(demo(), Members.DEMO_TENANT, status);
        call.redirect(303, PAGE + "?done=" + done);
    }

    /** No {@code Origin} (an older client, curl) or this server's own, as the browser named it. */
    private static boolean sameOrigin(IdpExchange call) {
        Optional<String> origin = call.header("Origin");
        return origin.isEmpty() || call.header("Host").map(host -> origin.get().equals("http://" + host)).orElse(false);
    }

    private String render(Optional<String> notice) {
        User demo = demo();
        String status = members.find(Members.DEMO_TENANT, demo.id()).map(Members.Membership::status)
                .orElse(Members.Status.ACTIVE).name().toLowerCase(Locale.ROOT);
        String receiver = webhooks.registration(WebhookEvent.Channel.SYNC)
                .map(r -> "Events go to <code data-testid=\"webhook-url\">" + Pages.escape(r.url().toString()) + "</code>.")
                .orElse("No webhook is registered: a control changes the stand-in but sends no event "
                        + "(<code>PUT /dev/webhooks</code>, or start the stand-in with <code>--webhook-url</code>).");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>IdP controls · AuthVital stand-in</title></head>\n<body><h1>IdP controls (stand-in)</h1>\n"
                + "<p>What an AuthVital administrator does in its console. " + receiver + "</p>\n"
                + notice.map(text -> "<p data-testid=\"notice\" role=\"status\">" + Pages.escape(text) + "</p>\n").orElse("")
                + "<p>The Demo User (<code>" + Pages.escape(demo.email()) + "</code>) in the tenant <code>"
                + Members.DEMO_TENANT + "</code>: <strong data-testid=\"status\">" + status + "</strong></p>\n"
                + "<form method=\"post\">\n"
                + button("suspend", "Suspend Demo User") + button("activate", "Activate Demo User")
                + "</form></body></html>\n";
    }

    /** A button of the page's one form, posting to {@code /dev/demo/<control>}. */
    private static String button(String control, String label) {
        return "<button type=\"submit\" formaction=\"" + PAGE + "/" + control + "\" data-testid=\"" + control + "\">"
                + label + "</button>\n";
    }

    private User demo() {
        return users.byDecision(DemoUsers.DEMO).orElseThrow();
    }
}
