package org.casebridge.closure;

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
import org.casebridge.casefile.CaseFile;
import org.casebridge.followup.FollowUp;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A request to close a case (step 6), its supervisor's decision and, if it came to that, the reopening. */
@Entity
@Table(name = "case_closure")
public class CaseClosure extends PanacheEntityBase {

    @org.eclipse.microprofile.graphql.Name("ClosureReason")
    public enum Reason { NEEDS_MET, SURVIVOR_REQUEST, RELOCATED, UNREACHABLE }

    @org.eclipse.microprofile.graphql.Name("ClosureStatus")
    public enum Status { REQUESTED, APPROVED, REJECTED }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    public CaseFile survivorCase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;

    public boolean safetyPlanReviewed;
    public boolean actionPlanReviewed;
    public boolean survivorToldCanReturn;
    public boolean fileComplete;
    public String safetyPlanNotReviewedBecause;
    public String actionPlanNotReviewedBecause;
    public String notToldCanReturnBecause;
    public String note;

    public OffsetDateTime closingContactAt;
    @Enumerated(EnumType.STRING)
    public FollowUp.Mode closingContactMode;
    public String progressAndChangesReviewed;
    public String futureAspirations;

    @Column(nullable = false)
    public OffsetDateTime lastContactAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public String requestedBySubject;
    @Column(nullable = false)
    public String requestedByName;
    @Column(nullable = false)
    public OffsetDateTime requestedAt;

    public String decidedBySubject;
    public String decidedByName;
    public OffsetDateTime decidedAt;
    public String decisionComment;

    public OffsetDateTime reopenedAt;
    public String reopenedBySubject;
    public String reopenedByName;
    public String reopenReason;
}
