package org.casebridge.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What one caller may see of one case in this request: everything for the lead agency's staff; otherwise what the
 * route the caller reached the case through grants right now, and whether that route is still open. Computed only
 * by {@link AccessPolicy}.
 */
public record Disclosure(UUID caseId, boolean leadAgency, boolean routeOpen, Set<InformationCategory> granted) {

    static Disclosure lead(UUID caseId) {
        return new Disclosure(caseId, true, true, EnumSet.allOf(InformationCategory.class));
    }

    static Disclosure none(UUID caseId) {
        return new Disclosure(caseId, false, false, EnumSet.noneOf(InformationCategory.class));
    }

    public boolean allows(InformationCategory category) {
        return granted.contains(category);
    }
}
