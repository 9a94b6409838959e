package com.authvital.jakarta;

import com.authvital.jakarta.internal.events.EventReceiver;
import com.authvital.jakarta.internal.message.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Receives AuthVital's signed events (its webhooks) so that a user AuthVital suspends, removes or
 * cuts off from the application is refused at once on every server, and one whose roles changed
 * is refreshed: register its URL at AuthVital for this application's events. {@code POST} only;
 * the signature is checked over the exact bytes with the IdP's key the request names, the signed
 * timestamp within {@code authvital.events.max-age}; anything else is answered 401 and acted on in
 * nothing. Needs {@code authvital.application-id}, AuthVital's id of the application (its events
 * name it so, not by the client id).
 *
 * <p>Map it by setting {@code authvital.events.path}, or as a {@code <servlet>} in {@code web.xml},
 * or with {@link #register(ServletContext, String)}. It must not be behind the module's filter or
 * any sign-in: AuthVital authenticates by its signature. docs/events.md says what each event does.
 */
public class AuthVitalEventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The servlet name the module uses when it maps the servlet itself or through {@link #register}. */
    public static final String NAME = "authvital-events";

    @Inject
    transient EventReceiver receiver;

    /** Maps the servlet from code, e.g. {@code register(context, "/authvital/events")}. */
    public static ServletRegistration.Dynamic register(ServletContext context, String path) {
        return ModuleServlets.register(context, NAME, AuthVitalEventsServlet.class, path);
    }

    @Override
    public void init() throws ServletException {
        ModuleServlets.requireInjected(receiver, AuthVitalEventsServlet.class);
        if (!receiver.knowsTheApplication()) {
            throw new ServletException(Messages.eventsWithoutApplicationId());
        }
    }

    /** Every method comes here: only {@code POST} is an event, the others get 405 with {@code Allow}. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        receiver.service(request, response);
    }
}
