package com.authvital.standin;

/**
 * The stand-in's webhook keys (purpose WEBHOOK at AuthVital, events §3.4), made with the first
 * key on first use: registering a webhook, reading or rotating the keys. Until then the JWKS
 * holds the token keys alone, so a stand-in whose tests never use events publishes what it did
 * before (the module's JWKS tests count its keys) and starts without a second RSA key generation.
 */
final class WebhookKeys {

    private KeyRing ring;

    /** The ring, made now with its first key if this is the first use. */
    synchronized KeyRing ring() {
        if (ring == null) {
            ring = new KeyRing(SigningKey.generateWebhookKey(), SigningKey::generateWebhookKey);
        }
        return ring;
    }

    /** The ring, or null while no webhook key was made. */
    synchronized KeyRing ifMade() {
        return ring;
    }
}
