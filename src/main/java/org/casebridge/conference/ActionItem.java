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
import java.util.List;
import java.util.Map;

/** Something a conference decided one agency will do, by a date. Only that agency updates it. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    @org.eclipse.microprofile.graphql.Name("ActionItemStatus")
    public enum Status {
        OPEN, IN_PROGRESS, DONE, CANCELLED;

        /** The moves updateActionItem makes: forward only, none back to open and none from a final status. */
        private static final Map<Status, List<Status>> MOVES = Map.of(
                OPEN, List.of(IN_PROGRESS, DONE, CANCELLED),
                IN_PROGRESS, List.of(DONE, CANCELLED));

        /** The statuses an item in this status may be moved to, in the enum's order. */
        public List<Status> moves() {
            return MOVES.getOrDefault(this, List.of());
        }

        public boolean mayMoveTo(Status target) {
            return moves().contains(target);
        }

        boolean isFinal() {
            return moves().isEmpty();
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
