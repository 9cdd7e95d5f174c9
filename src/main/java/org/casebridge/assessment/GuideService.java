package org.casebridge.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.SessionPolicy;
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

    private final SessionPolicy sessionPolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final EntityManager em;
    private final Clock clock;

    public GuideService(SessionPolicy sessionPolicy, AuditLog audit, InputValidation validation, EntityManager em, Clock clock) {
        this.sessionPolicy = sessionPolicy;
        this.audit = audit;
        this.validation = validation;
        this.em = em;
        this.clock = clock;
    }

    // --- guides and events -------------------------------------------------------------------------------

    public List<GuideView> guides(Audience audience) {
        sessionPolicy.mayFacilitate("guide.list");
        return find(null, audience);
    }

    public Optional<GuideView> guide(UUID id) {
        sessionPolicy.mayFacilitate("guide.read");
        return find(id, null).stream().findFirst();
    }

    /** The current version of the guides (one, or those of an audience). */
    List<GuideView> find(UUID id, Audience audience) {
        return views(Rows.read(em, GuideRow.class, SELECT_GUIDE + """
                        where g.current and (cast(?1 as varchar) is null or g.guide_id = cast(cast(?1 as varchar) as uuid))
                          and (cast(?2 as varchar) is null or g.audience = cast(?2 as varchar))
                        order by g.created_at, g.title""", id == null ? null : id.toString(), audience == null ? null : audience.name()));
    }

    /** A guide as it was in a version, for the sessions planned on it. */
    public record Version(UUID guideId, int version) {
    }

    Map<Version, GuideView> versions(Collection<Version> versions) {
        List<GuideView> views = views(Rows.read(em, GuideRow.class, SELECT_GUIDE + """
                        where (g.guide_id, g.version) in (select * from unnest(?1, ?2))""",
                versions.stream().map(Version::guideId).toArray(UUID[]::new), versions.stream().map(Version::version).toArray(Integer[]::new)));
        Map<Version, GuideView> byVersion = new java.util.HashMap<>();
        views.forEach(v -> byVersion.put(new Version(GlobalId.decode(v.id(), GuideTypes.GUIDE, "id"), v.version()), v));
        return byVersion;
    }

    /** Each session's guide, in the version it was planned on; one query per table for any number of sessions. */
    public List<GuideView> ofSessions(List<FocusGroupSession> sessions) {
        Map<Version, GuideView> versions = versions(sessions.stream().map(s -> new Version(s.guideId, s.guideVersion)).distinct().toList());
        return sessions.stream().map(s -> versions.get(new Version(s.guideId, s.guideVersion))).toList();
    }

    private static final String SELECT_GUIDE = """
            select g.guide_id as id, g.version, g.title, g.audience, g.purpose, g.expected_minutes, g.min_participants, g.max_participants,
                   g.cohorts, g.before_instructions, g.during_instructions, g.after_instructions, g.created_by_name
            from discussion_guide_text g
            """;

    private List<GuideView> views(List<GuideRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Version> versions = rows.stream().map(r -> new Version(r.id(), r.version())).toList();
        Map<Version, List<QuestionView>> questions = questionsOf(versions);
        Map<Version, List<GuideSections.SectionView>> sections = Rows.group(Rows.read(em, SectionRow.class, """
                        select guide_id, version, position, placement, heading, body, minutes from guide_section
                        where (guide_id, version) in (select * from unnest(?1, ?2)) order by guide_id, version, position""",
                versions.stream().map(Version::guideId).toArray(UUID[]::new), versions.stream().map(Version::version).toArray(Integer[]::new)),
                r -> new Version(r.guideId(), r.version()),
                r -> new GuideSections.SectionView(r.position(), r.placement(), r.heading(), r.body(), r.minutes()));
        return rows.stream().map(r -> {
            Version v = new Version(r.id(), r.version());
            return new GuideView(GlobalId.encode(GuideTypes.GUIDE, r.id()), r.version(), r.title(), r.audience(), r.purpose(),
                    r.expectedMinutes(), r.minParticipants(), r.maxParticipants(), r.cohorts(), r.audience().signsIn(),
                    sections.getOrDefault(v, List.of()), r.beforeInstructions(), r.duringInstructions(), r.afterInstructions(),
                    r.createdByName(), questions.getOrDefault(v, List.of()));
        }).toList();
    }

    private record GuideRow(UUID id, int version, String title, Audience audience, String purpose, Integer expectedMinutes,
                            Integer minParticipants, Integer maxParticipants, List<String> cohorts,
                            String beforeInstructions, String duringInstructions, String afterInstructions, String createdByName) {
    }

    private record SectionRow(UUID guideId, int version, int position, GuideSections.SectionPlacement placement, String heading,
                              String body, Integer minutes) {
    }

    private record QuestionRow(UUID guideId, int version, UUID id, int position, String text, List<String> probes) {
    }

    /** The questions of guides in the versions given. */
    Map<Version, List<QuestionView>> questionsOf(Collection<Version> versions) {
        return Rows.group(Rows.read(em, QuestionRow.class, """
                        select guide_id, version, id, position, text, probes from guide_question
                        where (guide_id, version) in (select * from unnest(?1, ?2)) order by guide_id, version, position""",
                versions.stream().map(Version::guideId).toArray(UUID[]::new), versions.stream().map(Version::version).toArray(Integer[]::new)),
                r -> new Version(r.guideId(), r.version()),
                r -> new QuestionView(GlobalId.encode(GuideTypes.QUESTION, r.id()), r.position(), r.text(), r.probes()));
    }

    @Transactional
    public GuideView createGuide(CreateGuideInput input) {
        Caller caller = sessionPolicy.mayFacilitate("guide.create");
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
        Caller caller = sessionPolicy.mayFacilitate("event.create");
        validation.check(input);
        if (input.endsOn().isBefore(input.startsOn())) {
            throw ApiException.invalid("input.endsOn", "The event ends before it starts");
        }
        requirePlausible(input.startsOn(), "input.startsOn");
        String steeringGroup = input.steeringGroup() == null || input.steeringGroup().isBlank() ? null : input.steeringGroup().strip();
        if (input.partOf() == AssessmentEnums.PartOf.CONTEXTUAL_SAFEGUARDING_AUDIT && steeringGroup == null) {
            throw ApiException.invalid("input.steeringGroup", "A Contextual Safeguarding audit has a steering group: who sits on it, what it agreed");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into assessment_event (id, name, location, starts_on, ends_on, created_by_subject, part_of, steering_group)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, input.name()).setParameter(3, input.location()).setParameter(4, input.startsOn())
                .setParameter(5, input.endsOn()).setParameter(6, caller.subject())
                .setParameter(7, input.partOf() == null ? null : input.partOf().name()).setParameter(8, steeringGroup).executeUpdate();
        audit.allowed(caller, AuditLog.Entry.of("event.create", GuideTypes.EVENT, id, null));
        return new EventView(GlobalId.encode(GuideTypes.EVENT, id), input.name(), input.location(), input.startsOn(), input.endsOn(),
                input.partOf(), steeringGroup);
    }

    void requirePlausible(LocalDate date, String field) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today.minusYears(5)) || date.isAfter(today.plusYears(1))) {
            throw ApiException.invalid(field, "A date within the last five years or the coming year");
        }
    }
}
