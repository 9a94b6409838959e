package com.authvital.jakarta.internal.idp;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Body of {@code POST /oauth/logout-all}: {@code {"application_id":".."}}, or {@code {}} when
 * {@code applicationId} is null (JSON-B leaves nulls out).
 */
public record RevokeAllRequest(@JsonbProperty("application_id") String applicationId) {
}
