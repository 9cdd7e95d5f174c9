package org.casebridge.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.casebridge.agency.Agency;
import org.casebridge.agency.ServiceType;
import org.casebridge.casefile.CaseEnums.AgeBand;
import org.casebridge.casefile.CaseEnums.CaseStatus;
import org.casebridge.casefile.CaseEnums.RiskLevel;
import org.casebridge.casefile.CaseEnums.Sex;
import org.casebridge.graphql.ApiException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A survivor's case, owned by its lead agency. Identity is held only sealed. */
@Entity
@Table(name = "survivor_case")
public class CaseFile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String caseNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_agency_id")
    public Agency leadAgency;

    @Column(nullable = false)
    public String caseworkerSubject;

    @Column(nullable = false)
    public String caseworkerName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(nullable = false)
    public String identityKeyId;

    @Column(nullable = false)
    public byte[] identitySealed;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(30)[]")
    public Set<ServiceType> needs;

    public String serviceRequested;

    @Enumerated(EnumType.STRING)
    public RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    public String safetyPlan;

    public String incident;

    public String healthNotes;

    @Column(nullable = false)
    public boolean reportingConsent;

    @Column(nullable = false)
    public OffsetDateTime openedAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    /** The last time the caseworker reached the survivor: the opening, then each follow-up with contact made. */
    @Column(nullable = false)
    public OffsetDateTime lastContactAt;

    @Version
    public int version;

    /** Work on her case happens after it was opened: an earlier moment is refused naming the field. */
    public void requireSinceOpening(OffsetDateTime at, String field) {
        if (at.isBefore(openedAt)) {
            throw ApiException.invalid(field, "The case was opened after this time");
        }
    }
}
