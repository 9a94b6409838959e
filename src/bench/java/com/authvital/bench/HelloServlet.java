package com.authvital.bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The load test's endpoint, the same servlet at two paths: {@code /protected/hello} behind
 * {@code AuthVitalFilter}, {@code /open/hello} outside its mapping. It answers the same
 * five bytes on both, so the only difference between the two is the filter. For the diagnosis,
 * {@code /passthrough/hello} is behind {@link PassThroughFilter}, a filter that does nothing.
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
