package org.casebridge.conference;

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
import org.casebridge.agency.Agency;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Something a conference decided one agency will do, by a date. Only that agency updates it. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    @org.eclipse.microprofile.graphql.Name("ActionItemStatus")
    public enum Status {
        OPEN, IN_PROGRESS, DONE, CANCELLED;

        boolean isFinal() {
            return this == DONE || this == CANCELLED;
        }
    }

    @Id
    public java.util.UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conference_id")
    public Conference conference;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assigned_agency_id")
    public Agency assignedAgency;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String completionNote;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
