package com.authvital.jakarta.internal.idp;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * Hands the REST client's JSON-B provider one {@link Jsonb} for the application's lifetime:
 * building one per call would cost as much as the call itself.
 */
final class JsonbContext implements ContextResolver<Jsonb>, AutoCloseable {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing to recover: the instance is discarded
        }
    }
}
