package com.authvital.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo page's links for operators, wherever the server puts them: {@code operations/ready}
 * to the server's readiness ({@code demo.ready-url}, MicroProfile Health's {@code /health/ready}),
 * {@code operations/metrics} to the metrics the server exported ({@code demo.metrics-url}, the
 * stand-in collector's Prometheus page), {@code operations/idp-controls} to the stand-in IdP's page of
 * controls ({@code demo.idp-controls-url}, where "Suspend Demo User" shows issue 21's events). A
 * redirect, so that the page holds no address of its own.
 */
@WebServlet({"/operations/ready", "/operations/metrics", "/operations/idp-controls"})
public class OperatorLinks extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "demo.ready-url", defaultValue = "/health/ready")
    String readyUrl;

    @Inject
    @ConfigProperty(name = "demo.metrics-url", defaultValue = "http://127.0.0.1:9181/metrics")
    String metricsUrl;

    @Inject
    @ConfigProperty(name = "demo.idp-controls-url", defaultValue = "http://127.0.0.1:9180/dev/demo")
    String idpControlsUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        response.sendRedirect(path.endsWith("/ready") ? readyUrl : path.endsWith("/metrics") ? metricsUrl : idpControlsUrl);
    }
}
