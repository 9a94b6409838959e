package com.authvital.jakarta;

import com.authvital.jakarta.internal.message.Messages;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;

/** What the module's servlets share: mapping one from code, and refusing to run without CDI. */
final class ModuleServlets {

    private ModuleServlets() {
    }

    /** Maps {@code type} under {@code name} at {@code path}; a name taken already is an error. */
    static ServletRegistration.Dynamic register(ServletContext context, String name, Class<? extends Servlet> type,
                                                String path) {
        ServletRegistration.Dynamic registration = context.addServlet(name, type);
        if (registration == null) {
            throw new IllegalStateException(Messages.servletNameTaken(name, type.getSimpleName()));
        }
        registration.addMapping(path);
        return registration;
    }

    /** Fails {@code init} when the container did not inject the servlet's part. */
    static void requireInjected(Object part, Class<? extends Servlet> type) throws ServletException {
        if (part == null) {
            throw new ServletException(Messages.servletNotFromCdi(type.getSimpleName()));
        }
    }
}
