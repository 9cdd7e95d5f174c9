package org.casebridge.followup;

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

/** A follow-up with the survivor (step 5): scheduled for a date, time, place and mode, then recorded. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @org.eclipse.microprofile.graphql.Name("FollowUpMode")
    public enum Mode { IN_PERSON, HOME_VISIT, PHONE, VIDEO }

    @org.eclipse.microprofile.graphql.Name("FollowUpStatus")
    public enum Status { SCHEDULED, COMPLETED }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    public CaseFile survivorCase;

    @Column(nullable = false)
    public OffsetDateTime scheduledAt;

    public String place;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public String scheduledBySubject;

    public OffsetDateTime contactAt;
    public Boolean safetyReassessed;
    public Boolean safetyPlanUpdated;
    public String safetyNotes;
    public String psychosocialState;
    public String servicesAccessed;
    public String referralOutcomes;
    public String challenges;
    public String newNeeds;
    public String planRevisions;
    /** Follow-up ends here: why no next follow-up was scheduled. */
    public String noNextFollowUpBecause;
    public String recordedBySubject;
    public String recordedByName;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
