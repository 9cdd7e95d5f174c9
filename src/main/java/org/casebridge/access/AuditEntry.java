package org.casebridge.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** One line of the append-only access audit log (written by {@link AuditLog}, never updated). */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public Long id;

    public OffsetDateTime at;

    public String actorSubject;

    public String actorName;

    public String actorAgency;

    public String actorRole;

    public String action;

    public String targetType;

    public UUID targetId;

    public UUID caseId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(20)[]")
    public Set<InformationCategory> categories;

    public boolean allowed;

    public String detail;
}
