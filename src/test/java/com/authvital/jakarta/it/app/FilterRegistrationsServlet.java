package com.authvital.jakarta.it.app;

import com.authvital.jakarta.AuthVitalFilter;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /filters}: every registration of {@link AuthVitalFilter} in the application, as
 * {@code {"filters":[{"name","urlPatterns":[..]}]}}, to see how many the wiring produced.
 */
@WebServlet("/filters")
public class FilterRegistrationsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder filters = Json.createArrayBuilder();
        for (Map.Entry<String, ? extends FilterRegistration> entry
                : request.getServletContext().getFilterRegistrations().entrySet()) {
            if (AuthVitalFilter.class.getName().equals(entry.getValue().getClassName())) {
                filters.add(Json.createObjectBuilder().add("name", entry.getKey())
                        .add("urlPatterns", Json.createArrayBuilder(entry.getValue().getUrlPatternMappings())));
            }
        }
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("filters", filters).build().toString());
    }
}
