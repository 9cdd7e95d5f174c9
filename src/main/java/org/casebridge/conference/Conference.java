package org.casebridge.conference;

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
import org.casebridge.casefile.CaseFile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case conference: a planned, structured meeting called by the caseworker with the invited service providers. */
@Entity
@Table(name = "conference")
public class Conference extends PanacheEntityBase {

    @org.eclipse.microprofile.graphql.Name("ConferenceStatus")
    public enum Status { SCHEDULED, HELD, CANCELLED }

    /** Why the conference was called: "Often scheduled when survivor's needs aren't being met" (module 14). */
    @org.eclipse.microprofile.graphql.Name("ConferenceCalledBecause")
    public enum CalledBecause { NEEDS_NOT_MET, REVIEW_PROGRESS, NEW_RISK, COORDINATE_ROLES, RESOLVE_CONFLICT, OTHER }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    public CaseFile survivorCase;

    @Column(nullable = false)
    public String calledBySubject;

    @Column(nullable = false)
    public String calledByName;

    @Column(nullable = false)
    public OffsetDateTime scheduledAt;

    public String place;

    public String link;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public boolean survivorInvited;

    public String supportsInvited;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public Boolean survivorAttended;
    public String progressReviewed;
    public String barriersReviewed;
    public String decisions;
    public String ongoingIssues;

    @Enumerated(EnumType.STRING)
    public CalledBecause calledBecause;
    public String calledBecauseNote;

    public OffsetDateTime cancelledAt;
    public String cancellationReason;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
