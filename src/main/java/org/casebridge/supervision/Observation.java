package org.casebridge.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.casebridge.supervision.SupervisionTypes.CaseManagementStage;
import org.casebridge.supervision.SupervisionTypes.ObservationStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
