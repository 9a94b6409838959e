package com.authvital.bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The load test's endpoint, the same servlet at several paths and in each of the benchmark's
 * WARs ({@link BenchWar}): {@code /protected/hello} behind {@code AuthVitalFilter} (or, in the
 * mpJwt WAR, behind Liberty's {@code mpJwt-2.1}), {@code /open/hello} outside any protection.
 * It answers the same five bytes everywhere, so the only difference between two paths is what
 * protects them. For the diagnosis, {@code /passthrough/hello} is behind
 * {@link PassThroughFilter}, a filter that does nothing.
 */
@WebServlet({"/open/hello", "/protected/hello", "/passthrough/hello"})
public class HelloServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("hello");
    }
}
