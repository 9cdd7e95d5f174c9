package org.casebridge.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.casebridge.access.InformationCategory;
import org.eclipse.microprofile.graphql.Name;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A report the law required the lead agency to make to an authority (module 14, "Mandatory reporting"). The
 * authority need not be in the directory; the report is a record of what was done, never a grant to anyone.
 */
@Entity
@Table(name = "mandatory_report")
public class MandatoryReport extends PanacheEntityBase {

    @Name("AuthorityKind")
    public enum AuthorityKind { POLICE, CHILD_PROTECTION_AUTHORITY, SOCIAL_WELFARE, HEALTH_AUTHORITY, COURT, OTHER }

    @Name("ReportedHow")
    public enum ReportedHow { IN_PERSON, PHONE, WRITTEN, ONLINE }

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuthorityKind authorityKind;

    @Column(nullable = false)
    public String authorityName;

    @Column(nullable = false)
    public OffsetDateTime reportedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportedHow reportedHow;

    @Column(nullable = false)
    public String informationShared;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(20)[]")
    public Set<InformationCategory> categoriesShared;

    public boolean survivorToldBeforehand;
    public String survivorToldWhat;
    public String notToldBeforehandBecause;

    @Column(nullable = false)
    public String likelyNextSteps;

    @Column(nullable = false)
    public String protectionNeedsDiscussed;

    public String supervisorConsultedName;
    /** The token subject of the supervisor named, from the agency's roster (null on reports recorded before V13). */
    public String supervisorConsultedSubject;
    public OffsetDateTime supervisorConsultedAt;
    public String supervisorNotConsultedBecause;
    public String authorityReference;

    @Column(nullable = false)
    public String recordedBySubject;

    @Column(nullable = false)
    public String recordedByName;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;
}
