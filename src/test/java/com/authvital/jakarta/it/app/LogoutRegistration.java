package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalLogoutServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Maps the module's logout servlet from code, at {@code /out}, with {@code Clear-Site-Data} on. */
@WebListener
public class LogoutRegistration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthVitalLogoutServlet.register(event.getServletContext(), "/out").setInitParameter("clear-site-data", "true");
    }
}
