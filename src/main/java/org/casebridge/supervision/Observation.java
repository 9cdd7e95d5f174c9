package org.casebridge.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.casebridge.supervision.ProcedureTypes.CaseSelectionGround;
import org.casebridge.supervision.ProcedureTypes.ChildAgreement;
import org.casebridge.supervision.ProcedureTypes.InterventionReason;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.casebridge.supervision.SupervisionTypes.CaseManagementStage;
import org.casebridge.supervision.SupervisionTypes.ObservationStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID agencyId;

    @Column(nullable = false)
    public UUID templateId;

    @Column(nullable = false)
    public UUID caseworkerId;

    @Column(nullable = false)
    public String supervisorSubject;

    @Column(nullable = false)
    public String supervisorName;

    @Column(nullable = false)
    public LocalDate observedOn;

    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseManagementStage stage;

    public boolean childConsent;

    public boolean caregiverConsent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObservationStatus status;

    public String supervisorActions;

    public String caseworkerActions;

    public LocalDate feedbackSessionOn;

    /** Consent or assent (seed 002: "the child's informed consent/assent"), when and by whom it was obtained. */
    @Enumerated(EnumType.STRING)
    public ChildAgreement childAgreement;

    public LocalDate childAgreementOn;

    public String childAgreementBy;

    /** "The consent of the caregiver when needed": false with a reason where asking the caregiver is not appropriate. */
    public boolean caregiverConsentNeeded = true;

    public String caregiverConsentNotNeededReason;

    public Boolean purposeAndConfidentialityExplained;

    /** Set when the observation was scheduled in advance (planObservation); null when recorded after the session. */
    public OffsetDateTime plannedAt;

    public Boolean caseChosenTogether;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public List<CaseSelectionGround> caseSelectionGrounds = new ArrayList<>();

    public String caseSelectionNote;

    public Boolean supervisorIntervened;

    @Enumerated(EnumType.STRING)
    public InterventionReason interventionReason;

    public String interventionNote;

    public String feedbackStrengths;

    public String feedbackAreasToImprove;

    /** "Shortly after the session": the feedback session's due day, set on completion. */
    public LocalDate feedbackDueOn;

    public String caseworkerReflections;

    public String caseworkerQuestions;

    public OffsetDateTime completedAt;

    public OffsetDateTime acknowledgedAt;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
