package com.authvital.jakarta.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A JAX-RS application under {@code /rest} with no exception mapper of its own, unless its WAR adds {@link OwnErrors}. */
@ApplicationPath("/rest")
public class RestApplication extends Application {
}
