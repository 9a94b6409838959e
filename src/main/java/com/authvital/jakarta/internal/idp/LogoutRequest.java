package com.authvital.jakarta.internal.idp;

import jakarta.json.bind.annotation.JsonbProperty;

/** Body of {@code POST /oauth/logout}: {@code {"refresh_token":".."}}. */
public record LogoutRequest(@JsonbProperty("refresh_token") String refreshToken) {

    /** Never shows the token. */
    @Override
    public String toString() {
        return "LogoutRequest[refreshToken=" + (refreshToken == null ? "null" : "***") + "]";
    }
}
