package org.casebridge.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

/** The IDENTITY category: stored only sealed (see {@link IdentityCipher}). */
@Type("SurvivorIdentity")
@Input("SurvivorIdentityInput")
@Description("Name, date of birth, contact and address (category IDENTITY).")
public record SurvivorIdentity(@NonNull @NotBlank @Size(max = 200) String fullName,
                               @Past @org.casebridge.graphql.PlausibleDate(yearsBack = 120, yearsAhead = 0) LocalDate dateOfBirth,
                               @Size(max = 40) String phone,
                               @Size(max = 500) String address) {
}
