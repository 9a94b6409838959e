/**
 * AuthVital session management for Jakarta EE and MicroProfile web applications: list the
 * caller's sessions, revoke one, revoke all ("log out everywhere") and log out by refresh token.
 *
 * <p>Inject {@link com.authvital.jakarta.AuthVitalSessions} and hand it the incoming request; the
 * caller's access token is taken from its {@code Authorization: Bearer} header, else from its
 * {@code access_token} cookie, and forwarded to the IdP.
 *
 * <pre>{@code
 * @Path("/sessions")
 * public class SessionsResource {
 *     @Inject AuthVitalSessions sessions;
 *     @Context HttpServletRequest request;
 *
 *     @GET
 *     public SessionList list() {
 *         return sessions.list(request);
 *     }
 *
 *     @POST @Path("{id}/revoke")
 *     public RevokeResult revoke(@PathParam("id") String id) {
 *         return sessions.revoke(request, id);
 *     }
 * }
 * }</pre>
 *
 * <p>Configuration is read once, when the application is deployed, from MicroProfile Config:
 * {@code authvital.host} and {@code authvital.client-id} are required (or the environment
 * variables {@code AUTHVITAL_HOST} and {@code AUTHVITAL_CLIENT_ID}); docs/configuration.md lists
 * every key.
 * Every failure is an {@link com.authvital.jakarta.AuthVitalException}; its subclasses name the
 * cause and carry the HTTP status to answer with, which the module's JAX-RS exception mapper
 * answers unless the application maps them itself. {@code AuthVitalSessions} and
 * {@code AuthVitalCookies} are interfaces: a unit test hands the code under test a fake.
 */
package com.authvital.jakarta;
