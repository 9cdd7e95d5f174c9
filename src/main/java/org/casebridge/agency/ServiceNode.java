package org.casebridge.agency;

import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

@Type("Service")
@Description("A service an agency offers on the referral pathway.")
public record ServiceNode(@Id @NonNull String id,
                          @NonNull AgencyNode agency,
                          @NonNull ServiceType type,
                          @NonNull String name,
                          String description,
                          String eligibility,
                          @NonNull List<@NonNull String> languages,
                          String areaServed,
                          String hours,
                          boolean acceptingReferrals,
                          @Description("When the agency retired the service; retired services take no new referrals.")
                          OffsetDateTime retiredAt,
                          @Description("Give this back when updating, to detect concurrent edits.")
                          int version) implements Node {

    public static final String TYPE = "Service";

    public static ServiceNode of(ServiceOffering s) {
        return new ServiceNode(GlobalId.encode(TYPE, s.id), AgencyNode.of(s.agency), s.type, s.name, s.description,
                s.eligibility, s.languages, s.areaServed, s.hours, s.acceptingReferrals, s.retiredAt, s.version);
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }
}
