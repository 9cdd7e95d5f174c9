package org.casebridge.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.casebridge.supervision.SupervisionTypes.ExperienceLevel;

import java.time.LocalDate;
import java.util.UUID;

/** A caseworker as their agency's supervisors know them: Keycloak username, agency and experience; one profile per agency and username. */
@Entity
@Table(name = "caseworker_profile")
public class CaseworkerProfile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID agencyId;

    @Column(nullable = false)
    public String username;

    /**
     * The caseworker's token subject, bound on first use by a caseworker token of the agency carrying the username
     * (see {@code AccessPolicy.matchPerson}); null until then. Written only by that binding statement.
     */
    @Column(insertable = false, updatable = false)
    public String subject;

    @Column(nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExperienceLevel experienceLevel;

    @Column(nullable = false)
    public LocalDate startedOn;

    @Version
    public int version;
}
