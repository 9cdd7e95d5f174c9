package org.casebridge.agency;

import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Agency")
@Description("A partner agency on the referral pathway.")
public record AgencyNode(@Id @NonNull String id,
                         @NonNull String code,
                         @NonNull String name,
                         @NonNull AgencyType type,
                         @NonNull String state,
                         String contactEmail,
                         String contactPhone,
                         @Description("Days the agency has to answer a referral before it expires.")
                         int referralResponseDeadlineDays) implements Node {

    public static final String TYPE = "Agency";

    public static AgencyNode of(Agency a) {
        return new AgencyNode(GlobalId.encode(TYPE, a.id), a.code, a.name, a.type, a.state, a.contactEmail,
                a.contactPhone, a.referralResponseDeadlineDays);
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }
}
