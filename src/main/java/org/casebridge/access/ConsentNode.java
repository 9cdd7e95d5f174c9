package org.casebridge.access;

import org.casebridge.agency.AgencyNode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

@Type("Consent")
@Description("A survivor's consent to share categories of her information with one agency, for a purpose.")
public record ConsentNode(@Id @NonNull String id,
                          @NonNull AgencyNode recipientAgency,
                          @NonNull List<@NonNull InformationCategory> categories,
                          @NonNull ConsentPurpose purpose,
                          @NonNull Consent.GivenBy givenBy,
                          @NonNull Consent.ObtainedHow obtainedHow,
                          @NonNull OffsetDateTime validFrom,
                          OffsetDateTime validUntil,
                          @NonNull OffsetDateTime recordedAt,
                          OffsetDateTime revokedAt,
                          String revocationNote,
                          @Description("Valid now: not revoked, not expired, already in force.") boolean current)
        implements Node {

    public static final String TYPE = "Consent";

    static ConsentNode of(Consent c, AgencyNode recipient, OffsetDateTime now) {
        return new ConsentNode(GlobalId.encode(TYPE, c.id), recipient, c.categories.stream().sorted().toList(), c.purpose,
                c.givenBy, c.obtainedHow, c.validFrom, c.validUntil, c.recordedAt, c.revokedAt, c.revocationNote,
                c.isCurrent(now));
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }
}
