package org.casebridge.referral;

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
import org.casebridge.agency.ServiceOffering;
import org.casebridge.casefile.CaseFile;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    public enum Urgency { ROUTINE, URGENT, EMERGENCY }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    public CaseFile survivorCase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_agency_id")
    public Agency fromAgency;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_agency_id")
    public Agency toAgency;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    public ServiceOffering service;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    public String note;

    public UUID sharingDecisionId;

    @Column(nullable = false)
    public String requestedBySubject;

    @Column(nullable = false)
    public OffsetDateTime requestedAt;

    @Column(nullable = false)
    public OffsetDateTime responseDueAt;

    public OffsetDateTime acceptedAt;

    public OffsetDateTime completedAt;

    /** Why it was rejected or failed. */
    public String reason;

    public Boolean outcomeServiceProvided;

    public String outcomeNote;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
