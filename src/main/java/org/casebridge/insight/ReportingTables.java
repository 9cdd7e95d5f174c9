package org.casebridge.insight;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.runtime.LongWork;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds the reporting tables (migration V6) from the case records: the counting rules of the case-management
 * indicators live here — only cases with reporting consent, outcomes grouped as the indicators show them, days in UTC.
 * One transaction, so a state lead reads either the previous or the new figures, never half of each; one replica at a
 * time (a transaction-scoped advisory lock: a replica that finds it taken skips its turn).
 */
@ApplicationScoped
public class ReportingTables {

    private static final Logger LOG = Logger.getLogger(ReportingTables.class);

    private static final String COUNTED_CASES = """
            join survivor_case c on c.id = %s and c.reporting_consent
            join agency a on a.id = c.lead_agency_id""";

    private static final List<String> REBUILD = List.of(
            "delete from report_referral",
            """
            insert into report_referral (state, day, service_type, outcome, referrals)
            select a.state, (r.requested_at at time zone 'UTC')::date, s.type,
                   case when r.status in ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'FAILED') then 'ACCEPTED'
                        when r.status = 'REQUESTED' then 'AWAITING_ANSWER' else r.status end, count(*)
            from referral r %s join agency_service s on s.id = r.service_id
            group by 1, 2, 3, 4""".formatted(COUNTED_CASES.formatted("r.case_id")),
            "delete from report_acceptance",
            """
            insert into report_acceptance (state, day, service_type, minutes)
            select a.state, (r.requested_at at time zone 'UTC')::date, s.type, extract(epoch from r.accepted_at - r.requested_at) / 60
            from referral r %s join agency_service s on s.id = r.service_id
            where r.accepted_at is not null""".formatted(COUNTED_CASES.formatted("r.case_id")),
            "delete from report_follow_up",
            """
            insert into report_follow_up (state, lead_agency, day, timeliness, follow_ups)
            select a.state, a.code, (f.scheduled_at at time zone 'UTC')::date,
                   case when f.status = 'COMPLETED' and f.contact_at <= f.scheduled_at + interval '1 day' then 'ON_TIME'
                        when f.status = 'COMPLETED' then 'LATE' else 'OVERDUE' end, count(*)
            from follow_up f %s
            where f.status = 'COMPLETED' or f.scheduled_at < now()
            group by 1, 2, 3, 4""".formatted(COUNTED_CASES.formatted("f.case_id")),
            "delete from report_closure",
            """
            insert into report_closure (state, lead_agency, day, reason, closures)
            select a.state, a.code, (k.decided_at at time zone 'UTC')::date, k.reason, count(*)
            from case_closure k %s
            where k.status = 'APPROVED'
            group by 1, 2, 3, 4""".formatted(COUNTED_CASES.formatted("k.case_id")),
            "delete from report_feedback",
            """
            insert into report_feedback (state, period, section, answer, answers)
            select a.state, r.period, q.section, x.answer, count(*) from feedback_response r join agency a on a.id = r.agency_id
            join feedback_answer x on x.response_id = r.id join feedback_question q on q.id = x.question_id
            group by 1, 2, 3, 4""",
            """
            insert into report_refresh (id, refreshed_at) values (1, now())
            on conflict (id) do update set refreshed_at = excluded.refreshed_at""");

    private final EntityManager em;
    private final Duration rebuildTimeout;

    public ReportingTables(EntityManager em, @ConfigProperty(name = "casebridge.reporting.rebuild-timeout") int rebuildTimeoutSeconds) {
        this.em = em;
        this.rebuildTimeout = Duration.ofSeconds(rebuildTimeoutSeconds);
    }

    @Scheduled(every = "${casebridge.reporting.refresh-every:5m}", delayed = "${casebridge.reporting.first-refresh-after:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        long started = System.nanoTime();
        if (refresh()) {
            LOG.infof("Reporting tables rebuilt in %d ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Rebuilds every reporting table; false when another replica is rebuilding them at this moment. About 4 s on the
     * benchmark volume (500,000 referrals); the transaction and its statements may take far longer than a request's on
     * bigger databases ({@code casebridge.reporting.rebuild-timeout}).
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "casebridge.reporting.rebuild-timeout")
    public boolean refresh() {
        if (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('casebridge.reporting'))").getSingleResult()) {
            return false;
        }
        try (LongWork rebuild = LongWork.within(em, rebuildTimeout)) {
            REBUILD.forEach(sql -> em.createNativeQuery(sql).executeUpdate());
        }
        return true;
    }

    /** When the reporting tables were last rebuilt; empty before the first rebuild. */
    public Optional<OffsetDateTime> refreshedAt() {
        return em.createNativeQuery("select refreshed_at from report_refresh where id = 1", OffsetDateTime.class)
                .getResultStream().findFirst().map(t -> ((OffsetDateTime) t).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
