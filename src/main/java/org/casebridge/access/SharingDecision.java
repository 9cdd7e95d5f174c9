package org.casebridge.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A supervisor's recorded decision to share without the survivor's consent: a mandatory report to an authority
 * or an override, always with its reason. For a mandatory report it records what was shared, with which
 * authority, that the survivor was told beforehand and what happens next (training module, step 4).
 */
@Entity
@Table(name = "sharing_decision")
public class SharingDecision extends PanacheEntityBase {

    public enum Kind { MANDATORY_REPORT, OVERRIDE }

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public UUID recipientAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Set<InformationCategory> categories;

    @Column(nullable = false)
    public String reason;

    public String authority;

    public String informationShared;

    public Boolean survivorInformedBeforehand;

    public String nextStepsExplained;

    @Column(nullable = false)
    public String supervisorSubject;

    @Column(nullable = false)
    public String supervisorName;

    @Column(nullable = false)
    public OffsetDateTime decidedAt;

    /** The purpose of the route it was made for: REFERRAL or CASE_CONFERENCE. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    /** The type of the one object it was made for ({@code Referral}, {@code ConferenceInvitation}). */
    @Column(nullable = false)
    public String madeFor;

    @Column(nullable = false)
    public UUID objectId;

    @Column(nullable = false)
    public OffsetDateTime validUntil;

    public OffsetDateTime withdrawnAt;

    public String withdrawnBySubject;

    public String withdrawnByName;

    public String withdrawalReason;

    public boolean inForce(OffsetDateTime now) {
        return withdrawnAt == null && now.isBefore(validUntil);
    }
}
