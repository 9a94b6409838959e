package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalCallbackServlet;
import com.authvital.jakarta.AuthVitalSignInServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Maps the module's sign-in at {@code /auth/start} and its callback at {@code /auth/back} from code. */
@WebListener
public class SignInRegistration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthVitalSignInServlet.register(event.getServletContext(), "/auth/start");
        AuthVitalCallbackServlet.register(event.getServletContext(), "/auth/back");
    }
}
