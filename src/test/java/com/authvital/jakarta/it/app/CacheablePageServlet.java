package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalCookies;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/page}: a page its application wants cached by shared
 * caches ({@code Cache-Control: public, max-age=600}, {@code Vary: Accept-Encoding}, also through
 * {@code addHeader} and {@code CDN-Cache-Control}), set after the filter ran; with {@code ?clear},
 * after clearing the token cookies with the module's writer.
 */
@WebServlet("/api/page")
public class CacheablePageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthVitalCookies cookies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("clear") != null) {
            cookies.clear(response);
        }
        response.setHeader("Cache-Control", "public, max-age=600");
        response.addHeader("Cache-Control", "s-maxage=600");
        response.setHeader("CDN-Cache-Control", "max-age=600");
        response.setHeader("Vary", "Accept-Encoding");
        response.setContentType("text/plain");
        response.getWriter().write("a page for everyone");
    }
}
