package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalFilter;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Maps the filter from code, as docs/configuration.md's mapping from code shows: /api/*, browsers sent to /login. */
@WebListener
public class RegisterFilterListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthVitalFilter.register(event.getServletContext(), "/api/*").setInitParameter("login-url", "/login");
    }
}
