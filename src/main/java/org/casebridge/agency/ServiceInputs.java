package org.casebridge.agency;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.casebridge.graphql.FreeText;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** Inputs and payloads of the service-directory mutations. */
public final class ServiceInputs {

    /** Some visible character: blank strings are refused without making an optional field required. */

    private ServiceInputs() {
    }

    @Input("CreateServiceInput")
    public record CreateServiceInput(
            @Description("Retrying a create with the same key returns the first result instead of creating again.")
            @Size(max = 100) String idempotencyKey,
            @NonNull ServiceType type,
            @NonNull @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @Size(max = 1000) String eligibility,
            @Nullable List<@NonNull @FreeText @Size(max = 50) String> languages,
            @Size(max = 300) String areaServed,
            @Size(max = 200) String hours,
            Boolean acceptingReferrals) {
    }

    @Input("UpdateServiceInput")
    @Description("Fields left out (null) keep their value.")
    public record UpdateServiceInput(
            @Id @NonNull String id,
            @Description("The version the caller last saw; a stale version fails with CONFLICT.") int version,
            ServiceType type,
            @FreeText @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @Size(max = 1000) String eligibility,
            @Nullable List<@NonNull @FreeText @Size(max = 50) String> languages,
            @Size(max = 300) String areaServed,
            @Size(max = 200) String hours,
            Boolean acceptingReferrals) {
    }

    @Input("RetireServiceInput")
    public record RetireServiceInput(@Id @NonNull String id, int version) {
    }

    @Input("ServiceFilter")
    public record ServiceFilter(ServiceType type,
                                @Size(max = 60) String state,
                                @Size(max = 40) String agencyCode,
                                Boolean acceptingReferrals,
                                @Description("Include retired services (default false).") Boolean includeRetired) {
    }

    @Type("CreateServicePayload")
    public record CreateServicePayload(@NonNull ServiceNode service) {
    }

    @Type("UpdateServicePayload")
    public record UpdateServicePayload(@NonNull ServiceNode service) {
    }

    @Type("RetireServicePayload")
    public record RetireServicePayload(@NonNull ServiceNode service) {
    }
}
