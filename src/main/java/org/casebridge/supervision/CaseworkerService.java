package org.casebridge.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy.PersonMatch;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.SupervisionPolicy;
import org.casebridge.agency.Agency;
import org.casebridge.graphql.InputValidation;
import org.casebridge.supervision.SupervisionTypes.CaseworkerNode;
import org.casebridge.supervision.SupervisionTypes.Due;
import org.casebridge.supervision.SupervisionTypes.RegisterCaseworkerInput;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The caseworkers a supervisor observes: their profiles, who they are once they first sign in, and when they fall due. */
@ApplicationScoped
public class CaseworkerService {

    private final AccessPolicy access;
    private final SupervisionPolicy supervision;
    private final AuditLog audit;
    private final InputValidation validation;
    private final ObservationSchedule schedule;
    private final Clock clock;
    private final EntityManager em;

    public CaseworkerService(AccessPolicy access, SupervisionPolicy supervision, AuditLog audit, InputValidation validation,
                             ObservationSchedule schedule, Clock clock, EntityManager em) {
        this.access = access;
        this.supervision = supervision;
        this.audit = audit;
        this.validation = validation;
        this.schedule = schedule;
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public CaseworkerNode registerCaseworker(RegisterCaseworkerInput input) {
        validation.check(input);
        Caller supervisor = supervision.mayManageOwnAgency("caseworker.set");
        Agency agency = access.registeredAgency(supervisor, "caseworker.set", "Caseworker", Agency.byCode(supervisor.agencyCode()));
        CaseworkerProfile profile = CaseworkerProfile.<CaseworkerProfile>find("agencyId = ?1 and username = ?2", agency.id, input.username())
                .firstResult();
        if (profile == null) {
            profile = new CaseworkerProfile();
            profile.id = UUID.randomUUID();
            profile.agencyId = agency.id;
            profile.username = input.username();
            profile.startedOn = LocalDate.now(clock);
        }
        profile.displayName = input.displayName();
        profile.experienceLevel = input.experienceLevel();
        if (input.startedOn() != null) {
            profile.startedOn = input.startedOn();
        }
        profile.persist();
        em.flush();
        audit.allowed(supervisor, AuditLog.Entry.of("caseworker.set", "Caseworker", profile.id, null).withDetail(input.experienceLevel().name()));
        return CaseworkerNode.of(profile);
    }

    public List<CaseworkerNode> caseworkers() {
        Caller caller = supervision.mayManageOwnAgency("caseworker.list");
        return CaseworkerProfile.<CaseworkerProfile>find("agencyId = (select id from Agency where code = ?1) order by displayName",
                caller.agencyCode()).list().stream().map(CaseworkerNode::of).toList();
    }

    public List<Due> due(LocalDate asOf) {
        Caller caller = supervision.mayManageOwnAgency("observation.due");
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        List<Tuple> rows = em.createQuery("""
                        select p as profile, (select max(o.observedOn) from Observation o where o.caseworkerId = p.id and o.status in ('COMPLETED', 'FEEDBACK_GIVEN')
                                   and o.observedOn <= ?2) as last
                        from CaseworkerProfile p where p.agencyId = (select id from Agency where code = ?1) order by p.displayName""", Tuple.class)
                .setParameter(1, caller.agencyCode()).setParameter(2, day).getResultList();
        List<Due> due = new ArrayList<>();
        for (Tuple row : rows) {
            CaseworkerProfile p = row.get("profile", CaseworkerProfile.class);
            LocalDate last = row.get("last", LocalDate.class);
            LocalDate next = schedule.nextDue(p.experienceLevel, last, p.startedOn);
            if (!next.isAfter(day)) {
                due.add(new Due(CaseworkerNode.of(p), last, next, (int) ChronoUnit.DAYS.between(next, day)));
            }
        }
        return due;
    }

    /** The profiles that name the calling caseworker, bound to them on first use. */
    List<UUID> ownProfiles(Caller caller) {
        List<UUID> own = new ArrayList<>();
        for (CaseworkerProfile candidate : CaseworkerProfile.<CaseworkerProfile>list("agencyId = (select id from Agency where code = ?1)"
                + " and (subject = ?2 or (subject is null and username = ?3))", caller.agencyCode(), caller.subject(), caller.username())) {
            if (supervision.matchCaseworker(caller, caller.agencyCode(), candidate.subject, candidate.username) != PersonMatch.NONE) {
                bindOnFirstUse(caller, candidate, caller.agencyCode());
                own.add(candidate.id);
            }
        }
        return own;
    }

    CaseworkerProfile profile(UUID id) {
        return CaseworkerProfile.findById(id);
    }

    /**
     * A profile registered by username is bound to the subject of the first caseworker token that fits it
     * ({@link SupervisionPolicy#matchCaseworker}); from then on only that subject is the caseworker. Two first uses at once:
     * the first binding wins and the other caller is answered as a stranger.
     */
    void bindOnFirstUse(Caller caller, CaseworkerProfile profile, String agencyCode) {
        if (profile == null || supervision.matchCaseworker(caller, agencyCode, profile.subject, profile.username) != PersonMatch.FIRST_USE) {
            return;
        }
        int bound = em.createNativeQuery("update caseworker_profile set subject = ?1 where id = ?2 and subject is null")
                .setParameter(1, caller.subject()).setParameter(2, profile.id).executeUpdate();
        if (bound == 0) {
            access.requireBoundTo("caseworker.bind", "Caseworker", profile.id, (String) em.createNativeQuery(
                    "select subject from caseworker_profile where id = ?1").setParameter(1, profile.id).getSingleResult(), "Observation");
        }
        profile.subject = caller.subject();
        if (bound == 1) {
            audit.allowed(caller, AuditLog.Entry.of("caseworker.bind", "Caseworker", profile.id, null));
        }
    }

    String agencyCode(CaseworkerProfile profile) {
        if (profile == null) {
            return null;
        }
        Agency agency = Agency.findById(profile.agencyId);
        return agency == null ? null : agency.code;
    }
}
