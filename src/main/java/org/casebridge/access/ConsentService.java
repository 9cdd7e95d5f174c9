package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.agency.Agency;
import org.casebridge.agency.AgencyNode;
import org.casebridge.events.Events;
import org.casebridge.events.Notice;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.InputValidation;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Recording, listing and revoking consents. They are stored apart from the case file. */
@ApplicationScoped
public class ConsentService {

    @Input("RecordConsentInput")
    public record RecordConsentInput(@Id @NonNull String caseId,
                                     @NonNull @NotNull @Size(max = 40) String recipientAgencyCode,
                                     @NonNull @NotEmpty Set<@NonNull InformationCategory> categories,
                                     @NonNull @NotNull ConsentPurpose purpose,
                                     @NonNull @NotNull Consent.GivenBy givenBy,
                                     @NonNull @NotNull Consent.ObtainedHow obtainedHow,
                                     @Description("Defaults to now.") OffsetDateTime validFrom,
                                     @Description("Open-ended when left out.") OffsetDateTime validUntil) {
    }

    @Input("RevokeConsentInput")
    public record RevokeConsentInput(@Id @NonNull String id, @Size(max = 1000) String note) {
    }

    private final CasePolicy casePolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final Events events;
    private final EntityManager em;
    private final Clock clock;

    public ConsentService(CasePolicy casePolicy, AuditLog audit, InputValidation validation, Events events, EntityManager em,
                          Clock clock) {
        this.clock = clock;
        this.casePolicy = casePolicy;
        this.audit = audit;
        this.validation = validation;
        this.events = events;
        this.em = em;
    }

    private record CaseRef(UUID id, String leadAgencyCode, String status) {
    }

    private CaseRef caseRef(UUID caseId) {
        return Rows.read(em, CaseRef.class, """
                        select c.id, a.code as lead_agency_code, c.status from survivor_case c join agency a on a.id = c.lead_agency_id
                        where c.id = ?1""", caseId).stream().findFirst().orElse(new CaseRef(caseId, null, null));
    }

    @Transactional
    public ConsentNode record(RecordConsentInput input) {
        validation.check(input);
        CaseRef ref = caseRef(GlobalId.decode(input.caseId(), "Case", "input.caseId"));
        Caller caller = casePolicy.mayWorkOnCase("consent.record", ref.id(), ref.leadAgencyCode());
        if (!"OPEN".equals(ref.status())) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "CLOSED".equals(ref.status()) ? "The case is closed; reopen it first"
                    : "Closure of the case has been requested; it cannot change until a supervisor decides");
        }
        Agency recipient = Agency.byCode(input.recipientAgencyCode())
                .orElseThrow(() -> ApiException.invalid("input.recipientAgencyCode", "No agency with this code"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.caseId = ref.id();
        consent.recipientAgencyId = recipient.id;
        consent.categories = EnumSet.copyOf(input.categories());
        consent.purpose = input.purpose();
        consent.givenBy = input.givenBy();
        consent.obtainedHow = input.obtainedHow();
        consent.validFrom = input.validFrom() == null ? now : input.validFrom();
        consent.validUntil = input.validUntil();
        if (consent.validUntil != null && !consent.validUntil.isAfter(consent.validFrom)) {
            throw ApiException.invalid("input.validUntil", "validUntil must be after validFrom");
        }
        consent.recordedBySubject = caller.subject();
        consent.recordedAt = now;
        consent.persist();
        audit.allowed(caller, AuditLog.Entry.of("consent.record", "Consent", consent.id, ref.id())
                .withCategories(consent.categories).withDetail("to " + recipient.code + " for " + consent.purpose));
        return ConsentNode.of(consent, AgencyNode.of(recipient), OffsetDateTime.now(clock));
    }

    @Transactional
    public ConsentNode revoke(RevokeConsentInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), ConsentNode.TYPE, "input.id");
        Consent consent = Consent.findById(id);
        CaseRef ref = consent == null ? new CaseRef(null, null, null) : caseRef(consent.caseId);
        Caller caller = casePolicy.mayWorkOnCase("consent.revoke", ref.id(), ref.leadAgencyCode());
        if (consent.revokedAt != null) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The consent is already revoked");
        }
        consent.revokedAt = OffsetDateTime.now(clock);
        consent.revokedBySubject = caller.subject();
        consent.revocationNote = input.note();
        audit.allowed(caller, AuditLog.Entry.of("consent.revoke", "Consent", consent.id, consent.caseId)
                .withCategories(consent.categories));
        em.flush();
        events.publish(new Notice(Notice.Kind.CONSENT, consent.id, "REVOKED", List.of(ref.leadAgencyCode()), consent.revokedAt));
        return ConsentNode.of(consent, AgencyNode.of(Agency.findById(consent.recipientAgencyId)), OffsetDateTime.now(clock));
    }

    public List<ConsentNode> consents(UUID caseId) {
        CaseRef ref = caseRef(caseId);
        casePolicy.mayWorkOnCase("consent.list", caseId, ref.leadAgencyCode());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createQuery("""
                        select c, a from Consent c, Agency a
                        where a.id = c.recipientAgencyId and c.caseId = ?1 order by c.recordedAt""", ConsentTo.class)
                .setParameter(1, caseId).getResultList().stream().map(r -> ConsentNode.of(r.consent(), AgencyNode.of(r.agency()), now)).toList();
    }

    public record ConsentTo(Consent consent, Agency agency) {
    }
}
