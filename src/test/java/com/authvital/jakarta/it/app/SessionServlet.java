package com.authvital.jakarta.it.app;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code GET /session?note=n} starts an {@code HttpSession} holding {@code n}; {@code GET /session}
 * reports whether the request's session exists and what it holds, without starting one.
 */
@WebServlet("/session")
public class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String NOTE = "note";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String note = request.getParameter(NOTE);
        HttpSession session = request.getSession(note != null);
        if (note != null) {
            session.setAttribute(NOTE, note);
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("session", session != null);
        Object held = session == null ? null : session.getAttribute(NOTE);
        if (held != null) {
            body.add(NOTE, held.toString());
        }
        response.setContentType("application/json");
        response.getWriter().write(body.build().toString());
    }
}
