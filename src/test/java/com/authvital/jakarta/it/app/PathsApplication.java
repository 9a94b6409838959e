package com.authvital.jakarta.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A JAX-RS application under {@code /api}: {@link AdminResource} behind the filter, {@link PublicResources} public. */
@ApplicationPath("/api")
public class PathsApplication extends Application {
}
