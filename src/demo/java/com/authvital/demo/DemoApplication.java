package com.authvital.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo's JSON API lives under {@code /api}. */
@ApplicationPath("/api")
public class DemoApplication extends Application {
}
