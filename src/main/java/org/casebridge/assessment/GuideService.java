package org.casebridge.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.GuideTypes.CreateEventInput;
import org.casebridge.assessment.GuideTypes.CreateGuideInput;
import org.casebridge.assessment.GuideTypes.EventView;
import org.casebridge.assessment.GuideTypes.GuideView;
import org.casebridge.assessment.GuideTypes.QuestionInput;
import org.casebridge.assessment.GuideTypes.QuestionView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.InputValidation;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Discussion guides with their questions, and the assessment events sessions belong to (seeds 000, 001, 003). */
@ApplicationScoped
public class GuideService {

    private final AccessPolicy access;
    private final AuditLog audit;
    private final InputValidation validation;
    private final EntityManager em;
    private final Clock clock;

    public GuideService(AccessPolicy access, AuditLog audit, InputValidation validation, EntityManager em, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.validation = validation;
        this.em = em;
        this.clock = clock;
    }

    // --- guides and events -------------------------------------------------------------------------------

    public List<GuideView> guides(Audience audience) {
        access.mayFacilitate("guide.list");
        return find(null, audience);
    }

    public Optional<GuideView> guide(UUID id) {
        access.mayFacilitate("guide.read");
        return find(id, null).stream().findFirst();
    }

    List<GuideView> find(UUID id, Audience audience) {
        List<GuideRow> rows = Rows.read(em, GuideRow.class, """
                        select g.id, g.title, g.audience, g.purpose, g.expected_minutes, g.before_instructions,
                               g.during_instructions, g.after_instructions, g.created_by_name
                        from discussion_guide g
                        where (cast(?1 as varchar) is null or g.id = cast(cast(?1 as varchar) as uuid))
                          and (cast(?2 as varchar) is null or g.audience = cast(?2 as varchar))
                        order by g.created_at, g.title""", id == null ? null : id.toString(), audience == null ? null : audience.name());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<QuestionView>> questions = questions(rows.stream().map(GuideRow::id).toList());
        return rows.stream().map(r -> new GuideView(GlobalId.encode(GuideTypes.GUIDE, r.id()), r.title(), r.audience(), r.purpose(),
                r.expectedMinutes(), r.beforeInstructions(), r.duringInstructions(), r.afterInstructions(), r.createdByName(),
                questions.getOrDefault(r.id(), List.of()))).toList();
    }

    private record GuideRow(UUID id, String title, Audience audience, String purpose, Integer expectedMinutes,
                            String beforeInstructions, String duringInstructions, String afterInstructions, String createdByName) {
    }

    private record QuestionRow(UUID guideId, UUID id, int position, String text, List<String> probes) {
    }

    Map<UUID, List<QuestionView>> questions(Collection<UUID> guideIds) {
        return Rows.group(Rows.read(em, QuestionRow.class, """
                        select guide_id, id, position, text, probes from guide_question where guide_id = any(?1) order by guide_id, position""",
                (Object) guideIds.toArray(UUID[]::new)), QuestionRow::guideId,
                r -> new QuestionView(GlobalId.encode(GuideTypes.QUESTION, r.id()), r.position(), r.text(), r.probes()));
    }

    @Transactional
    public GuideView createGuide(CreateGuideInput input) {
        Caller caller = access.mayFacilitate("guide.create");
        validation.check(input);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into discussion_guide (id, title, audience, purpose, expected_minutes, before_instructions,
                            during_instructions, after_instructions, created_by_subject, created_by_name, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, now())""")
                .setParameter(1, id).setParameter(2, input.title()).setParameter(3, input.audience().name())
                .setParameter(4, input.purpose()).setParameter(5, input.expectedMinutes()).setParameter(6, input.beforeInstructions())
                .setParameter(7, input.duringInstructions()).setParameter(8, input.afterInstructions())
                .setParameter(9, caller.subject()).setParameter(10, caller.username()).executeUpdate();
        for (int i = 0; i < input.questions().size(); i++) {
            QuestionInput q = input.questions().get(i);
            if (q == null) {
                throw ApiException.invalid("input.questions[" + i + "]", "A question is required");
            }
            List<String> probes = q.probes() == null ? List.of() : q.probes();
            if (probes.stream().anyMatch(p -> p == null || p.isBlank())) {
                throw ApiException.invalid("input.questions[" + i + "].probes", "A probe must not be blank");
            }
            em.createNativeQuery("insert into guide_question (id, guide_id, position, text, probes) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, id).setParameter(3, i + 1).setParameter(4, q.text())
                    .setParameter(5, probes.toArray(String[]::new)).executeUpdate();
        }
        audit.allowed(caller, AuditLog.Entry.of("guide.create", GuideTypes.GUIDE, id, null));
        return find(id, null).get(0);
    }

    @Transactional
    public EventView createEvent(CreateEventInput input) {
        Caller caller = access.mayFacilitate("event.create");
        validation.check(input);
        if (input.endsOn().isBefore(input.startsOn())) {
            throw ApiException.invalid("input.endsOn", "The event ends before it starts");
        }
        requirePlausible(input.startsOn(), "input.startsOn");
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into assessment_event (id, name, location, starts_on, ends_on, created_by_subject)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, input.name()).setParameter(3, input.location()).setParameter(4, input.startsOn())
                .setParameter(5, input.endsOn()).setParameter(6, caller.subject()).executeUpdate();
        audit.allowed(caller, AuditLog.Entry.of("event.create", GuideTypes.EVENT, id, null));
        return new EventView(GlobalId.encode(GuideTypes.EVENT, id), input.name(), input.location(), input.startsOn(), input.endsOn());
    }

    void requirePlausible(LocalDate date, String field) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today.minusYears(5)) || date.isAfter(today.plusYears(1))) {
            throw ApiException.invalid(field, "A date within the last five years or the coming year");
        }
    }
}
