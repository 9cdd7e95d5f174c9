package org.casebridge.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.Composition;
import org.casebridge.assessment.AssessmentEnums.Format;
import org.casebridge.assessment.AssessmentEnums.SessionStatus;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A focus-group session (or individual interviews on one guide), run by a facilitator with a note-taker. */
@Entity
@Table(name = "fg_session")
public class FocusGroupSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID guideId;

    public UUID eventId;

    /** The guide's version when the session was planned: a later version of the guide does not change it. */
    public int guideVersion;

    public String cohort;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Format format;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public LocalTime startsAt;

    @Column(nullable = false)
    public LocalTime endsAt;

    @Column(nullable = false)
    public String location;

    @Column(nullable = false)
    public String facilitatorSubject;

    @Column(nullable = false)
    public String facilitatorUsername;

    /** The facilitator's agency when planning: the note-taker is a facilitator of the same agency. */
    public String facilitatorAgency;

    @Column(nullable = false)
    public String noteTakerUsername;

    /**
     * The note-taker's token subject, bound on first use by a facilitator token of the session's agency carrying
     * the named username (see {@code SessionPolicy.partInSession}); null until then. Written only by that binding.
     */
    @Column(insertable = false, updatable = false)
    public String noteTakerSubject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Composition composition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    public Integer participantCount;
    public Integer femaleCount;
    public Integer maleCount;
    public Integer otherGenderCount;
    public Integer assentCount;
    public Integer parentalConsentCount;
    public Integer reportRequestedCount;
    public OffsetDateTime consentConfirmedAt;
    public String groupDynamics;
    public OffsetDateTime facilitatorAgreedAt;
    public OffsetDateTime noteTakerAgreedAt;
    public OffsetDateTime finalisedAt;

    /** The preparation (V14): "suitable experience and expertise", the facilitators' training, the documents used. */
    public String facilitatorSuitability;
    public LocalDate trainingAttendedOn;
    public String trainingGivenBy;
    public Integer trainingMinutes;
    public String trainingNotApplicableReason;
    public String informationSheetTitle;
    public String informationSheetVersion;
    public String informationSheetNotApplicableReason;
    public String consentFormTitle;
    public String consentFormVersion;
    public String consentFormNotApplicableReason;
    public OffsetDateTime preparedAt;

    /** Participants who withdrew during the session ("withdraw at any time"), so far. */
    public int withdrawnCount;
    public LocalDate reportSentOn;
    public Integer reportSentCount;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
