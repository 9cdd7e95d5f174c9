package org.casebridge.casefile;

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
import org.casebridge.agency.ServiceType;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One goal of a case's action plan, as it stands now; its revisions are kept in {@code action_plan_revision}. */
@Entity
@Table(name = "action_plan_goal")
public class ActionPlanGoal extends PanacheEntityBase {

    @org.eclipse.microprofile.graphql.Name("GoalStatus")
    public enum Status { NOT_STARTED, IN_PROGRESS, ACHIEVED, NOT_ACHIEVED, DISCONTINUED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServiceType needArea;

    @Column(nullable = false)
    public String goal;

    @Column(nullable = false)
    public String actions;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "responsible_agency_id")
    public Agency responsibleAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
