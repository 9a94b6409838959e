package com.authvital.jakarta.it.events;

import com.authvital.jakarta.AuthVitalEventsServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Maps the module's events receiver from code, at {@code /events-from-code}. */
@WebListener
public class EventsRegistration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthVitalEventsServlet.register(event.getServletContext(), "/events-from-code");
    }
}
