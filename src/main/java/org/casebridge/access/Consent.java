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

/** A survivor's (or caregiver's) consent to share categories of her information with one agency. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    public enum GivenBy { SURVIVOR, CAREGIVER }

    public enum ObtainedHow { WRITTEN, VERBAL, THUMBPRINT }

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public UUID recipientAgencyId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Set<InformationCategory> categories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GivenBy givenBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObtainedHow obtainedHow;

    @Column(nullable = false)
    public OffsetDateTime validFrom;

    public OffsetDateTime validUntil;

    @Column(nullable = false)
    public String recordedBySubject;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    public OffsetDateTime revokedAt;

    public String revokedBySubject;

    public String revocationNote;

    public boolean isCurrent(OffsetDateTime now) {
        return revokedAt == null && !validFrom.isAfter(now) && (validUntil == null || validUntil.isAfter(now));
    }
}
