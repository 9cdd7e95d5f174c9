package org.casebridge.casefile;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.CasePolicy;
import org.casebridge.access.Disclosure;
import org.casebridge.access.InformationCategory;
import org.casebridge.access.Route;
import org.casebridge.agency.Agency;
import org.casebridge.casefile.CaseEnums.CaseStatus;
import org.casebridge.casefile.CaseInputs.CaseFilter;
import org.casebridge.casefile.CaseInputs.CaseSummary;
import org.casebridge.casefile.CaseInputs.OpenCaseInput;
import org.casebridge.casefile.CaseInputs.UpdateCaseInput;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.TotalCount;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Survivor cases: who may open, read and change them, and how their information is disclosed. */
@ApplicationScoped
public class CaseService {

    private final AccessPolicy access;
    private final CasePolicy casePolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final IdentityCipher cipher;
    private final EntityManager em;
    private final Clock clock;
    private final IntakeNotices intakeNotices;

    public CaseService(AccessPolicy access, CasePolicy casePolicy, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                       IdentityCipher cipher, EntityManager em, Clock clock, IntakeNotices intakeNotices) {
        this.clock = clock;
        this.intakeNotices = intakeNotices;
        this.access = access;
        this.casePolicy = casePolicy;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.cipher = cipher;
        this.em = em;
    }

    public CaseConnection cases(CaseFilter filter, PageRequest page) {
        Caller caller = casePolicy.mayManageCases("case.list");
        // the agency as a scalar subquery, so PostgreSQL walks the (agency, opened_at) index and stops at the page
        List<String> where = new ArrayList<>(List.of("c.leadAgency.id = (select ag.id from Agency ag where ag.code = :agency)"));
        Parameters params = Parameters.with("agency", caller.agencyCode());
        if (filter != null && filter.status() != null) {
            where.add("c.status = :status");
            params.and("status", filter.status());
        }
        if (filter != null && filter.riskLevel() != null) {
            where.add("c.riskLevel = :risk");
            params.and("risk", filter.riskLevel());
        }
        if (filter != null && Boolean.TRUE.equals(filter.assignedToMe())) {
            where.add("c.caseworkerSubject = :me");
            params.and("me", caller.subject());
        }
        if (filter != null && filter.step() != null) {
            where.add("c.id in (select s.caseId from CaseStep s where s.step = :step)");
            params.and("step", filter.step());
        }
        if (filter != null && filter.openedSince() != null) {
            where.add("c.openedAt >= :since");
            params.and("since", filter.openedSince());
        }
        String condition = String.join(" and ", where);
        long total = TotalCount.of("from CaseFile c where " + condition, params);
        PageRequest.TimeAndId after = page.afterTimeAndId();
        if (after != null) {
            params.and("afterAt", after.at()).and("afterId", after.id());
            condition += " and (c.openedAt < :afterAt or (c.openedAt = :afterAt and c.id < :afterId))";
        }
        List<CaseFile> rows = CaseFile.<CaseFile>find("from CaseFile c join fetch c.leadAgency a where " + condition
                + " order by c.openedAt desc, c.id desc" + page.limit(), params).list();
        return new CaseConnection(page, views(caller, rows), total);
    }

    public Optional<CaseView> caseById(UUID id) {
        Caller caller = access.caller();
        CaseFile file = load(id);
        casePolicy.mayWorkOnCase("case.read", id, file == null ? null : file.leadAgency.code);
        return Optional.of(views(caller, List.of(file)).get(0));
    }

    /** Views of cases reached directly: in full for the lead agency's staff, nothing of the survivor's for anyone else. */
    public List<CaseView> views(Caller caller, Collection<CaseFile> files) {
        Map<UUID, String> leads = new LinkedHashMap<>();
        files.forEach(f -> leads.put(f.id, f.leadAgency.code));
        Map<UUID, Disclosure> disclosures = access.disclose(caller, leads);
        return files.stream().map(f -> new CaseView(f, disclosures.get(f.id))).toList();
    }

    /** Views of the case behind each route (keyed by the route's object id), with one grant computation for all. */
    public Map<UUID, CaseView> viewsThrough(Caller caller, Map<Route, CaseFile> routes) {
        Map<UUID, Disclosure> disclosures = access.discloseRoutes(caller, routes.keySet());
        Map<UUID, CaseView> views = new HashMap<>();
        routes.forEach((route, file) -> views.put(route.objectId(), new CaseView(file, disclosures.get(route.objectId()))));
        return views;
    }

    @Transactional
    public CaseView openCase(OpenCaseInput input) {
        Caller caller = casePolicy.mayManageCases("case.open");
        validation.check(input);
        intakeNotices.requireGiven(input.intakeNotice(), "input.intakeNotice");
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "openCase", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return caseById(earlier.get()).orElseThrow();
        }
        CaseFile file = new CaseFile();
        file.id = id;
        file.leadAgency = access.registeredAgency(caller, "case.open", "Case", Agency.byCode(caller.agencyCode()));
        file.caseNumber = "%s-%d-%06d".formatted(file.leadAgency.code, Year.now(clock).getValue(),
                ((Number) em.createNativeQuery("select nextval('case_number_seq')").getSingleResult()).longValue());
        file.caseworkerSubject = caller.subject();
        file.caseworkerName = caller.username();
        file.status = CaseStatus.OPEN;
        file.openedAt = OffsetDateTime.now(clock);
        file.lastContactAt = file.openedAt;
        file.needs = EnumSet.noneOf(org.casebridge.agency.ServiceType.class);
        Set<InformationCategory> touched = apply(file, input.identity(), input.needs(), input.serviceRequested(),
                input.riskLevel(), input.ageBand(), input.sex(), input.safetyPlan(), input.incident(),
                input.healthNotes(), input.reportingConsent());
        file.persist();
        intakeNotices.record(id, input.intakeNotice(), caller, file.openedAt);
        audit.allowed(caller, AuditLog.Entry.of("case.open", "Case", id, id).withCategories(touched));
        return views(caller, List.of(file)).get(0);
    }

    @Transactional
    public CaseView updateCase(UpdateCaseInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), CaseView.TYPE, "input.id");
        CaseFile file = openForWork("case.update", id);
        Caller caller = access.caller();
        ApiException.requireVersion("case", file.version, input.version());
        Set<InformationCategory> touched = apply(file, input.identity(), input.needs(), input.serviceRequested(),
                input.riskLevel(), input.ageBand(), input.sex(), input.safetyPlan(), input.incident(),
                input.healthNotes(), input.reportingConsent());
        em.flush();
        audit.allowed(caller, AuditLog.Entry.of("case.update", "Case", id, id).withCategories(touched));
        return views(caller, List.of(file)).get(0);
    }

    /** A case the caller's agency leads, for the action given: NOT_FOUND for anyone else (rule 3). */
    public CaseFile forWork(String action, UUID caseId) {
        CaseFile file = load(caseId);
        casePolicy.mayWorkOnCase(action, caseId, file == null ? null : file.leadAgency.code);
        return file;
    }

    /** As {@link #forWork}, and open for changes. */
    public CaseFile openForWork(String action, UUID caseId) {
        CaseFile file = forWork(action, caseId);
        requireOpen(file);
        return file;
    }

    /** As {@link #forWork}, the case named by a mutation's {@code input.caseId}. */
    public CaseFile forWork(String action, String inputCaseId) {
        return forWork(action, GlobalId.decode(inputCaseId, CaseView.TYPE, "input.caseId"));
    }

    /** As {@link #openForWork}, the case named by a mutation's {@code input.caseId}. */
    public CaseFile openForWork(String action, String inputCaseId) {
        return openForWork(action, GlobalId.decode(inputCaseId, CaseView.TYPE, "input.caseId"));
    }

    /**
     * The lead agency changes a case only while it is open: a closed case is read-only until it is reopened, and
     * while a closure waits for the supervisor the file stays as it was reviewed.
     */
    public static void requireOpen(CaseFile file) {
        requireNotClosed(file);
        if (file.status == CaseStatus.CLOSURE_REQUESTED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "Closure of the case has been requested; it cannot change until a supervisor decides");
        }
    }

    /** Nothing about a closed case changes until it is reopened. */
    public static void requireNotClosed(CaseFile file) {
        if (file.status == CaseStatus.CLOSED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The case is closed; reopen it first");
        }
    }

    private Set<InformationCategory> apply(CaseFile file, SurvivorIdentity identity, Set<org.casebridge.agency.ServiceType> needs,
                                           String serviceRequested, CaseEnums.RiskLevel risk, CaseEnums.AgeBand ageBand,
                                           CaseEnums.Sex sex, String safetyPlan, String incident, String healthNotes,
                                           Boolean reportingConsent) {
        Set<InformationCategory> touched = EnumSet.noneOf(InformationCategory.class);
        if (identity != null) {
            IdentityCipher.Sealed sealed = cipher.seal(file.id, identity);
            file.identityKeyId = sealed.keyId();
            file.identitySealed = sealed.bytes();
            touched.add(InformationCategory.IDENTITY);
        }
        if (needs != null || serviceRequested != null || risk != null || ageBand != null || sex != null || reportingConsent != null) {
            touched.add(InformationCategory.CASE_SUMMARY);
        }
        if (needs != null) file.needs = needs.isEmpty() ? EnumSet.noneOf(org.casebridge.agency.ServiceType.class) : EnumSet.copyOf(needs);
        if (serviceRequested != null) file.serviceRequested = serviceRequested;
        if (risk != null) file.riskLevel = risk;
        if (ageBand != null) file.ageBand = ageBand;
        if (sex != null) file.sex = sex;
        if (reportingConsent != null) file.reportingConsent = reportingConsent;
        if (safetyPlan != null) {
            file.safetyPlan = safetyPlan;
            touched.add(InformationCategory.SAFETY_PLAN);
        }
        if (incident != null) {
            file.incident = incident;
            touched.add(InformationCategory.INCIDENT);
        }
        if (healthNotes != null) {
            file.healthNotes = healthNotes;
            touched.add(InformationCategory.HEALTH);
        }
        file.updatedAt = OffsetDateTime.now(clock);
        return touched;
    }

    private CaseFile load(UUID id) {
        return CaseFile.<CaseFile>find("from CaseFile c join fetch c.leadAgency where c.id = ?1", id).firstResult();
    }

    // --- survivor information, each through the consent policy ------------------------------------------

    public SurvivorIdentity identity(CaseView view) {
        access.reveal(view.disclosure(), InformationCategory.IDENTITY);
        CaseFile f = view.file();
        return cipher.open(f.id, f.identityKeyId, f.identitySealed);
    }

    public CaseSummary summary(CaseView view) {
        access.reveal(view.disclosure(), InformationCategory.CASE_SUMMARY);
        CaseFile f = view.file();
        return new CaseSummary(f.needs, f.serviceRequested, f.riskLevel, f.ageBand, f.sex, f.reportingConsent);
    }

    public String safetyPlan(CaseView view) {
        access.reveal(view.disclosure(), InformationCategory.SAFETY_PLAN);
        return view.file().safetyPlan;
    }

    public String incident(CaseView view) {
        access.reveal(view.disclosure(), InformationCategory.INCIDENT);
        return view.file().incident;
    }

    public String healthNotes(CaseView view) {
        access.reveal(view.disclosure(), InformationCategory.HEALTH);
        return view.file().healthNotes;
    }
}
