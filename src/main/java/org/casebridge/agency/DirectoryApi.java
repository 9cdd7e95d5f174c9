package org.casebridge.agency;

import jakarta.enterprise.inject.Produces;
import org.casebridge.agency.ServiceInputs.CreateServiceInput;
import org.casebridge.agency.ServiceInputs.CreateServicePayload;
import org.casebridge.agency.ServiceInputs.RetireServiceInput;
import org.casebridge.agency.ServiceInputs.RetireServicePayload;
import org.casebridge.agency.ServiceInputs.ServiceFilter;
import org.casebridge.agency.ServiceInputs.UpdateServiceInput;
import org.casebridge.agency.ServiceInputs.UpdateServicePayload;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.UUID;

@GraphQLApi
public class DirectoryApi {

    private final DirectoryService directory;

    public DirectoryApi(DirectoryService directory) {
        this.directory = directory;
    }

    @Query
    @Description("Agencies on the referral pathway.")
    public AgencyConnection agencies(Integer first, String after) {
        return directory.agencies(PageRequest.of(first, after));
    }

    @Description("One agency of the referral pathway, by its code.")
    @Query
    public AgencyNode agency(@NonNull String code) {
        return directory.agency(code).orElseThrow(() -> ApiException.notFound("Agency"));
    }

    @Query
    @Description("The service directory: what each agency offers, for choosing where to refer.")
    public ServiceConnection services(ServiceFilter filter, Integer first, String after) {
        return directory.services(filter, PageRequest.of(first, after));
    }

    @Mutation
    @Description("An agency administrator adds a service to their agency's directory.")
    public CreateServicePayload createService(@NonNull CreateServiceInput input) {
        return new CreateServicePayload(directory.createService(input));
    }

    @Description("An agency administrator changes one of their agency's services, with the version they saw (CONFLICT when stale).")
    @Mutation
    public UpdateServicePayload updateService(@NonNull UpdateServiceInput input) {
        return new UpdateServicePayload(directory.updateService(input));
    }

    @Mutation
    @Description("Stops new referrals to a service; it stays visible for the referrals that name it.")
    public RetireServicePayload retireService(@NonNull RetireServiceInput input) {
        return new RetireServicePayload(directory.retireService(input));
    }

    @Produces
    static NodeLoader services(DirectoryService directory) {
        return new NodeLoader(ServiceNode.TYPE, directory::service);
    }

    @Produces
    static NodeLoader agencies(DirectoryService directory) {
        return new NodeLoader(AgencyNode.TYPE, directory::agencyById);
    }
}
