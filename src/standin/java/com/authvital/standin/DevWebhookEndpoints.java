package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;

/**
 * The test API of the stand-in's webhooks (authvital-events.md §3), which the real IdP sets in
 * its admin console:
 *
 * <ul>
 *   <li>{@code PUT /dev/webhooks} {@code {"url","channel":"sync"|"system","applicationId","events":[..]}}:
 *       {@code 200} the registration; one URL per channel, a new one replaces it; loopback URLs only</li>
 *   <li>{@code GET /dev/webhooks}: {@code {"webhooks":[..]}}; {@code DELETE /dev/webhooks[?channel=]}: 204</li>
 *   <li>{@code GET /dev/webhooks/deliveries}: {@code {"deliveries":[{"channel","eventId","type","url",
 *       "attempt","copy","status","error","keyId","tamper","at"}],"held":N}}; {@code DELETE}: 204</li>
 *   <li>{@code GET|PUT /dev/webhooks/settings} {@code {"timeoutMs":30000,"retryScale":1.0}}</li>
 *   <li>{@code GET|PUT|DELETE /dev/webhooks/controls} {@code {"duplicates":N,"tamper":"signature"|
 *       "stale-timestamp"|"foreign-kid"|"body"|"none","hold":true}}, for events emitted from then on</li>
 *   <li>{@code POST /dev/webhooks/release} {@code {"order":"emitted"|"reverse"}}: sends the held
 *       events one after the other and ends the hold; {@code {"released":[{"channel","id","type"}]}}</li>
 *   <li>{@code GET /dev/webhooks/keys}, {@code POST /dev/webhooks/keys/rotate}: the webhook keys,
 *       {@code {"current","published"}}; after a rotation the old key stays in the JWKS. The first
 *       key is made on first use (this, or a registration): until then the JWKS has token keys only</li>
 *   <li>{@code POST /dev/events} {@code {"channel","type","data":{..},"tenantId","applicationId","timestamp"}}:
 *       emits that event as is ({@code 200 {"events":[..]}}); sync events default to the demo tenant and
 *       the stand-in's application</li>
 * </ul>
 */
final class DevWebhookEndpoints {

    private final Webhooks webhooks;
    private final WebhookSender sender;
    private final DeliveryLog log;
    private final WebhookKeys keys;
    private final Application application;

    DevWebhookEndpoints(Webhooks webhooks, WebhookSender sender, DeliveryLog log, WebhookKeys keys, Application application) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.log = log;
        this.keys = keys;
        this.application = application;
    }

    void register(Router router) {
        router.add("PUT", "/dev/webhooks", (call, p) -> call.sendJson(200, webhooks.register(call.jsonObject()).toJson()))
                .add("GET", "/dev/webhooks", (call, p) -> call.sendJson(200, webhooks.registrationsJson()))
                .add("DELETE", "/dev/webhooks", (call, p) -> done(call, () -> webhooks.unregister(call.query("channel"))))
                .add("GET", "/dev/webhooks/deliveries", (call, p) -> call.sendJson(200, Json.createObjectBuilder()
                        .add("deliveries", log.toJson()).add("held", webhooks.heldCount()).build()))
                .add("DELETE", "/dev/webhooks/deliveries", (call, p) -> done(call, log::clear))
                .add("GET", "/dev/webhooks/settings", (call, p) -> call.sendJson(200, sender.settings()))
                .add("PUT", "/dev/webhooks/settings", (call, p) -> call.sendJson(200, sender.settings(call.jsonObject())))
                .add("GET", "/dev/webhooks/controls", (call, p) -> call.sendJson(200, webhooks.controls().toJson()))
                .add("PUT", "/dev/webhooks/controls", (call, p) ->
                        call.sendJson(200, webhooks.controls(call.jsonObject()).toJson()))
                .add("DELETE", "/dev/webhooks/controls", (call, p) -> done(call, webhooks::resetControls))
                .add("POST", "/dev/webhooks/release", (call, p) -> release(call))
                .add("GET", "/dev/webhooks/keys", (call, p) -> call.sendJson(200, keys.ring().toJson()))
                .add("POST", "/dev/webhooks/keys/rotate", (call, p) -> {
                    keys.ring().rotate();
                    call.sendJson(200, keys.ring().toJson());
                })
                .add("POST", "/dev/events", (call, p) -> event(call));
    }

    private void release(IdpExchange call) throws IOException {
        String order = JsonSupport.string(call.jsonObject(), "order").orElse("emitted");
        if (!order.equals("emitted") && !order.equals("reverse")) {
            throw HttpProblem.badRequest("order must be \"emitted\" or \"reverse\"");
        }
        List<Webhooks.Job> released = webhooks.release(order.equals("reverse"));
        JsonArrayBuilder list = Json.createArrayBuilder();
        released.forEach(job -> list.add(job.event().summary()));
        call.sendJson(200, Json.createObjectBuilder().add("released", list).build());
    }

    private void event(IdpExchange call) throws IOException {
        JsonObject spec = call.jsonObject();
        WebhookEvent.Channel channel = WebhookEvent.Channel.of(JsonSupport.string(spec, "channel").orElse("sync"));
        String type = JsonSupport.string(spec, "type").filter(t -> !t.isBlank())
                .orElseThrow(() -> HttpProblem.badRequest("type is required"));
        JsonValue data = spec.getOrDefault("data", JsonValue.EMPTY_JSON_OBJECT);
        if (data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw HttpProblem.badRequest("data must be an object");
        }
        var at = JsonSupport.instant(spec, "timestamp").orElse(null);
        WebhookEvent event = channel == WebhookEvent.Channel.SYNC
                ? WebhookEvent.sync(type,
                        JsonSupport.string(spec, "tenantId").orElse(TokenService.tenantId(Members.DEMO_TENANT)),
                        JsonSupport.string(spec, "applicationId").orElse(application.id()), data.asJsonObject(), at)
                : WebhookEvent.system(type, data.asJsonObject(), at);
        webhooks.emit(event);
        call.sendJson(200, Json.createObjectBuilder().add("events", Json.createArrayBuilder().add(event.summary())).build());
    }

    private static void done(IdpExchange call, Runnable change) throws IOException {
        change.run();
        call.send(204, null, new byte[0]);
    }
}
