package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.Disclosure;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the lead agency's own records of a case (activities, mandatory reports) share: recorded on an open case by its
 * case management staff, once per idempotency key, and read by the lead agency only.
 */
@ApplicationScoped
public class CaseRecords {

    private final AccessPolicy access;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final CaseService cases;
    private final Clock clock;

    public CaseRecords(AccessPolicy access, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                       CaseService cases, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.cases = cases;
        this.clock = clock;
    }

    /** A record being written: its case, who writes it, its new ID, and the ID of the first one when the key was used before. */
    public record Recording(CaseFile file, Caller caller, UUID id, Optional<UUID> earlier, OffsetDateTime now) {
    }

    /** Checks the input, finds the case open for the caller's agency's work and claims the idempotency key. */
    public Recording start(Object input, String action, String operation, String caseId, String idempotencyKey) {
        validation.check(input);
        CaseFile file = cases.openForWork(action, caseId);
        Caller caller = access.caller();
        UUID id = UUID.randomUUID();
        return new Recording(file, caller, id, idempotencyKeys.claim(caller.subject(), operation, idempotencyKey, id), OffsetDateTime.now(clock));
    }

    /** The record is stored: the case was changed now, and the change is audited in the same transaction. */
    public void recorded(Recording recording, AuditLog.Entry entry) {
        recording.file().updatedAt = recording.now();
        audit.allowed(recording.caller(), entry);
    }

    /**
     * One record, to the lead agency only (anyone else, or no such record: NOT_FOUND), viewed with what the caller may see of
     * its case (a record's texts of a category are revealed through the policy like the case's own).
     */
    public <E, V> Optional<V> one(String action, E row, Function<E, UUID> caseOf, BiFunction<E, Disclosure, V> view) {
        CaseFile file = cases.forWork(action, row == null ? null : caseOf.apply(row));
        return Optional.of(view.apply(row, disclosure(access.caller(), file)));
    }

    /** The records of the cases the caller's agency leads, each with what the caller may see of its case; others' views have none. */
    public <E, V> Map<UUID, List<V>> ofLeadCases(List<CaseView> caseViews, Function<Set<UUID>, List<E>> rows, Function<E, UUID> caseOf,
                                                 BiFunction<E, Disclosure, V> view) {
        Map<UUID, Disclosure> lead = caseViews.stream().filter(v -> v.disclosure().leadAgency())
                .collect(Collectors.toMap(v -> v.file().id, CaseView::disclosure, (a, b) -> a));
        return lead.isEmpty() ? Map.of() : Rows.group(rows.apply(lead.keySet()), caseOf, e -> view.apply(e, lead.get(caseOf.apply(e))));
    }

    /** What the one recording sees of the case a record was just written for. */
    public Disclosure disclosure(Recording recording) {
        return disclosure(recording.caller(), recording.file());
    }

    private Disclosure disclosure(Caller caller, CaseFile file) {
        return cases.views(caller, List.of(file)).get(0).disclosure();
    }
}
