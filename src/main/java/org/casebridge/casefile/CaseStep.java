package org.casebridge.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** A case's current step of the six (view {@code case_step}, migration V11): derived from its records. */
@Entity
@Immutable
@Table(name = "case_step")
public class CaseStep extends PanacheEntityBase {

    @Name("CaseStep")
    @Description("The six steps of survivor-centred case management (module 14). A case is at the furthest step with work on "
            + "record: the opening (with its intake notice), needs or risk assessed, action plan goals, referrals, activities or "
            + "conferences, a follow-up with contact, a closure requested or approved.")
    public enum Step {
        INTRODUCTION_AND_ENGAGEMENT, ASSESSMENT, ACTION_PLANNING, IMPLEMENTATION, FOLLOW_UP, CLOSURE
    }

    @Id
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Step step;
}
