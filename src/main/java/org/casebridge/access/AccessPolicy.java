package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.graphql.ApiException;

/**
 * The one place where Casebridge decides who may do what. Services ask it; GraphQL classes never decide.
 * Each capability adds its decisions here so that a reader finds every authorization rule in one file.
 */
@ApplicationScoped
public class AccessPolicy {

    private final CurrentCaller currentCaller;

    public AccessPolicy(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    /** The authenticated caller of this request; {@code UNAUTHENTICATED} without a valid token. */
    public Caller caller() {
        return currentCaller.get();
    }

    /** Every authenticated role may read the agency and service directory (the referral pathway). */
    public Caller mayReadDirectory() {
        return caller();
    }

    /** Only an agency's own administrators change its profile and service directory. */
    public Caller mayManageDirectoryOf(String agencyCode) {
        Caller caller = caller();
        if (!caller.has(Role.AGENCY_ADMIN)) {
            throw ApiException.forbidden("Only agency administrators manage the service directory");
        }
        if (!caller.belongsTo(agencyCode)) {
            throw ApiException.forbidden("Agency administrators manage only their own agency's services");
        }
        return caller;
    }
}
