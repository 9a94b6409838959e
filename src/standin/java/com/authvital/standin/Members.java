package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenant memberships of the stand-in's users, as far as its events need them: a member is made on
 * first use in a tenant (ACTIVE, with access to the application, its user's first app role or
 * {@code user}, a "Pro" licence), and the dev controls change it. Tenants are named by subdomain;
 * their id is the {@code tenant_id} of the stand-in's tokens. {@code acme} is the demo tenant.
 */
final class Members {

    static final String DEMO_TENANT = "acme";

    enum Status { ACTIVE, SUSPENDED, REMOVED }

    /**
     * One user's membership of one tenant.
     *
     * @param licenceType the licence type's name, or null when the licence was revoked
     */
    record Membership(String id, String tenant, String userId, Status status, boolean appAccess, String role,
            String assignmentId, String licenceType) {

        Membership with(Status newStatus) {
            return new Membership(id, tenant, userId, newStatus, appAccess, role, assignmentId, licenceType);
        }

        Membership withAccess(boolean access) {
            return new Membership(id, tenant, userId, status, access, role, assignmentId, licenceType);
        }

        Membership withRole(String newRole) {
            return new Membership(id, tenant, userId, status, appAccess, newRole, assignmentId, licenceType);
        }

        Membership withLicence(String type) {
            return new Membership(id, tenant, userId, status, appAccess, role, assignmentId, type);
        }

        JsonObject toJson() {
            return Json.createObjectBuilder()
                    .add("membershipId", id)
                    .add("tenant", tenant)
                    .add("tenantId", TokenService.tenantId(tenant))
                    .add("userId", userId)
                    .add("status", status.name())
                    .add("appAccess", appAccess)
                    .add("appRole", role)
                    .add("assignmentId", assignmentId)
                    .add("licenseType", JsonSupport.nullable(licenceType))
                    .build();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Membership> memberships = new ConcurrentHashMap<>();
    private final Map<String, Boolean> deletedTenants = new ConcurrentHashMap<>();

    /** The user's membership of the tenant, made ACTIVE on first use. */
    Membership of(User user, String tenant) {
        return memberships.computeIfAbsent(key(tenant, user.id()), k -> new Membership(cuid(), tenant, user.id(),
                Status.ACTIVE, true, user.appRoles().isEmpty() ? "user" : user.appRoles().get(0), cuid(), "Pro"));
    }

    Optional<Membership> find(String tenant, String userId) {
        return Optional.ofNullable(memberships.get(key(tenant, userId)));
    }

    void put(Membership membership) {
        memberships.put(key(membership.tenant(), membership.userId()), membership);
    }

    /** Whether new tokens may be minted for this user in this tenant: an ACTIVE member of a live tenant. */
    boolean mayHaveTokens(String tenant, String userId) {
        return !deletedTenants.containsKey(tenant)
                && find(tenant, userId).map(m -> m.status() == Status.ACTIVE).orElse(true);
    }

    /** Deletes the tenant: its memberships go with it, as they cascade at the IdP (events §1). */
    void deleteTenant(String tenant) {
        deletedTenants.put(tenant, true);
        memberships.replaceAll((k, m) -> m.tenant().equals(tenant) ? m.with(Status.REMOVED) : m);
    }

    JsonArrayBuilder tenantsJson() {
        return Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("slug", DEMO_TENANT)
                .add("name", "Acme")
                .add("tenantId", TokenService.tenantId(DEMO_TENANT))
                .add("deleted", deletedTenants.containsKey(DEMO_TENANT)));
    }

    /** A cuid-shaped id ({@code c} and 24 lower-case base-36 characters), as AuthVital's rows have. */
    static String cuid() {
        StringBuilder id = new StringBuilder("c");
        for (int i = 0; i < 24; i++) {
            id.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return id.toString();
    }

    private static String key(String tenant, String userId) {
        return tenant + "\n" + userId;
    }
}
