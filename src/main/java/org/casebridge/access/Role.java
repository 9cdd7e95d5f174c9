package org.casebridge.access;

import java.util.Arrays;
import java.util.Optional;

/** Realm roles of the {@code casebridge} Keycloak realm, as they appear in {@code realm_access.roles}. */
public enum Role {
    CASEWORKER("caseworker"),
    SUPERVISOR("supervisor"),
    PROVIDER("provider"),
    AGENCY_ADMIN("agency-admin"),
    FACILITATOR("facilitator"),
    STATE_LEAD("state-lead"),
    AUDITOR("auditor");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
