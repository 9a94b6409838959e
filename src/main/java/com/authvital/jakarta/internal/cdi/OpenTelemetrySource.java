package com.authvital.jakarta.internal.cdi;

import com.authvital.jakarta.internal.telemetry.OpenTelemetryTelemetry;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * The server's OpenTelemetry, as MicroProfile Telemetry offers it for injection. The only class of
 * the CDI layer that names an OpenTelemetry type: loaded only once {@link ServerFeatures} saw the API.
 */
final class OpenTelemetrySource {

    private OpenTelemetrySource() {
    }

    /** The module's telemetry over the server's OpenTelemetry bean; {@link Telemetry#NONE} when there is none. */
    static Telemetry telemetry(BeanManager beans) {
        Instance<OpenTelemetry> found = beans.createInstance().select(OpenTelemetry.class);
        return found.isResolvable() ? new OpenTelemetryTelemetry(found.get()) : Telemetry.NONE;
    }
}
