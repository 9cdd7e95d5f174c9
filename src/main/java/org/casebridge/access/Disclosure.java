package org.casebridge.access;

import java.util.Set;
import java.util.UUID;

/**
 * What one caller may see of one case in this request: everything for the lead agency's staff, otherwise the
 * categories currently granted to the caller's agency. Computed only by {@link AccessPolicy#disclose}.
 */
public record Disclosure(UUID caseId, boolean leadAgency, Set<InformationCategory> granted) {

    public boolean allows(InformationCategory category) {
        return granted.contains(category);
    }
}
