package org.casebridge.access;

import java.util.Set;

/**
 * Who is asking, as the signed token says: subject, display name, agency, state and realm roles.
 * What the caller may see is decided by {@link AccessPolicy}, never by this record alone.
 */
public record Caller(String subject, String username, String agencyCode, String state, Set<Role> roles) {

    /** Casebridge itself, for work done by scheduled jobs (referral expiry). */
    public static final Caller SYSTEM = new Caller("system", "casebridge", null, null, Set.of());

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean belongsTo(String agency) {
        return agencyCode != null && agencyCode.equals(agency);
    }

    /** The role this caller acts in, for the audit log: the first of their roles in declaration order. */
    public String primaryRole() {
        return roles.stream().sorted().findFirst().map(Role::claim).orElse("none");
    }
}
