package org.casebridge.casefile;

import org.casebridge.access.Disclosure;
import org.casebridge.access.InformationCategory;
import org.casebridge.agency.AgencyNode;
import org.casebridge.casefile.CaseEnums.CaseStatus;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as one caller may see it. The fields here are case administration, visible to whoever may see the
 * case at all; every field holding survivor information is resolved through the consent policy (CaseApi).
 */
@Type("Case")
@Description("A survivor's case. Fields of survivor information resolve to null with CONSENT_REQUIRED outside the caller's grant.")
public class CaseView implements Node {

    public static final String TYPE = "Case";

    private final CaseFile file;
    private final Disclosure disclosure;

    public CaseView(CaseFile file, Disclosure disclosure) {
        this.file = file;
        this.disclosure = disclosure;
    }

    @Ignore
    public CaseFile file() {
        return file;
    }

    @Ignore
    public Disclosure disclosure() {
        return disclosure;
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return GlobalId.encode(TYPE, file.id);
    }

    @NonNull
    public String getCaseNumber() {
        return file.caseNumber;
    }

    @NonNull
    public CaseStatus getStatus() {
        return file.status;
    }

    @NonNull
    public AgencyNode getLeadAgency() {
        return AgencyNode.of(file.leadAgency);
    }

    @Description("Null for another agency once its route to the case has closed (as are the dates and version below).")
    public String getCaseworkerName() {
        return whileRouteOpen(file.caseworkerName);
    }

    public OffsetDateTime getOpenedAt() {
        return whileRouteOpen(file.openedAt);
    }

    @Description("The lead agency's only, as are lastContactAt and version: they move with its own records of the case.")
    public OffsetDateTime getUpdatedAt() {
        return leadAgencyOnly(file.updatedAt);
    }

    @Description("The last successful contact with the survivor, kept by the system: the opening, then follow-ups and activities with the survivor present.")
    public OffsetDateTime getLastContactAt() {
        return leadAgencyOnly(file.lastContactAt);
    }

    @Description("Give this back when updating, to detect concurrent edits. Null outside the lead agency, which alone updates a case.")
    public Integer getVersion() {
        return leadAgencyOnly(file.version);
    }

    /** When the lead agency last wrote, or last met the survivor, is its own record: a provider would learn of activities it may not see. */
    private <T> T leadAgencyOnly(T value) {
        return disclosure.leadAgency() ? value : null;
    }

    /** After a route closes another agency keeps the case's number, status and lead agency, not how it goes on. */
    private <T> T whileRouteOpen(T value) {
        return disclosure.routeOpen() ? value : null;
    }

    @NonNull
    @Description("The categories of this survivor's information the caller may see right now.")
    public List<@NonNull InformationCategory> getSharedCategories() {
        return disclosure.granted().stream().sorted().toList();
    }
}
