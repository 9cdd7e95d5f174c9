package org.casebridge.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.casebridge.access.Consent;
import org.eclipse.microprofile.graphql.Name;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Step 1 (introduction and engagement), recorded when the case is opened: she was told the limits of
 * confidentiality and the caseworker's obligation to report, how she was told, and her informed consent to case
 * management. Without it no case is opened.
 */
@Entity
@Table(name = "case_intake_notice")
public class IntakeNotice extends PanacheEntityBase {

    @Name("IntakeToldHow")
    public enum ToldHow { VERBAL, WRITTEN, VERBAL_AND_WRITTEN }

    @Id
    public UUID caseId;

    public boolean confidentialityLimitsExplained;
    public boolean mandatoryReportingExplained;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ToldHow toldHow;

    public String language;
    public boolean interpreterUsed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consent.GivenBy consentGivenBy;

    public boolean consentToCaseManagement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consent.ObtainedHow consentObtainedHow;

    public String note;

    @Column(nullable = false)
    public String recordedBySubject;

    @Column(nullable = false)
    public String recordedByName;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;
}
