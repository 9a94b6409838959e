package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalCookies;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code POST /clear-cookies}: an application's own code logs the browser out with the module's cookie writer. */
@WebServlet("/clear-cookies")
public class ClearCookiesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthVitalCookies cookies;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        cookies.clear(response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
