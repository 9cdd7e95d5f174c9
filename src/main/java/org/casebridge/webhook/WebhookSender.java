package org.casebridge.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.casebridge.access.WebhookPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts due deliveries, on every replica. A tick leases endpoints that have due deliveries ({@code FOR UPDATE SKIP
 * LOCKED}, then a lease on the row), so each endpoint is worked by one sender at a time and gets its deliveries in
 * outbox order; other replicas take other endpoints. Each attempt is recorded in its own transaction. A sender that
 * dies mid-send leaves its deliveries pending: once the lease ends another sends them again, under the same
 * {@code webhook-id}. Calls follow no redirects, have connect and read timeouts and read at most a capped response.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    /** Why an attempt failed, as the delivery log shows it. */
    @org.eclipse.microprofile.graphql.Enum("WebhookDeliveryError")
    public enum Failure { HTTP_STATUS, REDIRECT_NOT_FOLLOWED, TIMEOUT, CONNECT_FAILED, RESPONSE_TOO_LARGE, DESTINATION_REFUSED, NETWORK_ERROR }

    private record Due(UUID deliveryId, UUID endpointId, UUID eventId, int attempts, OffsetDateTime firstAttemptAt,
                       String payload, OffsetDateTime eventAt, String url, List<String> secrets) {
    }

    private record Outcome(Integer statusCode, Failure failure, String message, long latencyMillis) {
        boolean delivered() {
            return failure == null;
        }
    }

    private final WebhookPolicy policy;
    private final WebhookOutbox outbox;
    private final SecretSeal seal;
    private final EntityManager em;
    private final HttpClient http;
    private final ExecutorService workers;
    private final ExecutorService kicker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "casebridge-webhook-kick");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean kickPending = new AtomicBoolean();
    private final boolean sendOnCommit;
    private final Duration readTimeout;
    private final int maxResponseBytes;
    private final Duration lease;
    private final int batch;
    private final int endpointsPerRound;
    private final Duration retryBase;
    private final Duration retryMaxDelay;
    private final Duration giveUpAfter;
    private final int pauseAfter;
    private final Duration retention;
    private final MeterRegistry metrics;
    private final Timer lag;

    public WebhookSender(WebhookPolicy policy, WebhookOutbox outbox, SecretSeal seal, EntityManager em, MeterRegistry metrics,
                         @ConfigProperty(name = "casebridge.webhook.connect-timeout", defaultValue = "5S") Duration connectTimeout,
                         @ConfigProperty(name = "casebridge.webhook.read-timeout", defaultValue = "10S") Duration readTimeout,
                         @ConfigProperty(name = "casebridge.webhook.max-response-bytes", defaultValue = "65536") int maxResponseBytes,
                         @ConfigProperty(name = "casebridge.webhook.lease", defaultValue = "5M") Duration lease,
                         @ConfigProperty(name = "casebridge.webhook.batch", defaultValue = "20") int batch,
                         @ConfigProperty(name = "casebridge.webhook.endpoints-per-round", defaultValue = "50") int endpointsPerRound,
                         @ConfigProperty(name = "casebridge.webhook.parallelism", defaultValue = "4") int parallelism,
                         @ConfigProperty(name = "casebridge.webhook.retry.base", defaultValue = "10S") Duration retryBase,
                         @ConfigProperty(name = "casebridge.webhook.retry.max-delay", defaultValue = "6H") Duration retryMaxDelay,
                         @ConfigProperty(name = "casebridge.webhook.retry.give-up-after", defaultValue = "P1D") Duration giveUpAfter,
                         @ConfigProperty(name = "casebridge.webhook.pause-after-failures", defaultValue = "15") int pauseAfter,
                         @ConfigProperty(name = "casebridge.webhook.retention", defaultValue = "P30D") Duration retention,
                         @ConfigProperty(name = "casebridge.webhook.send-on-commit", defaultValue = "true") boolean sendOnCommit) {
        this.policy = policy;
        this.outbox = outbox;
        this.seal = seal;
        this.em = em;
        this.metrics = metrics;
        this.readTimeout = readTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.lease = lease;
        this.batch = batch;
        this.endpointsPerRound = endpointsPerRound;
        this.retryBase = retryBase;
        this.retryMaxDelay = retryMaxDelay;
        this.giveUpAfter = giveUpAfter;
        this.pauseAfter = pauseAfter;
        this.retention = retention;
        this.sendOnCommit = sendOnCommit;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread thread = new Thread(r, "casebridge-webhook-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).build();
        this.lag = Timer.builder("casebridge.webhook.lag").description("From the change's commit to the receiver's 2xx")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        kicker.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * After a transaction that wrote deliveries commits, this replica sends them at once instead of at its next tick
     * (other replicas' ticks may take them too: the leases keep that to one sender). Kicks coalesce.
     */
    void sendSoon(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookOutbox.Written written) {
        if (sendOnCommit && kickPending.compareAndSet(false, true)) {
            kicker.execute(() -> {
                kickPending.set(false);
                try {
                    tick();
                } catch (RuntimeException e) {
                    LOG.warnf("Sending after commit failed (%s); the schedule retries", e.getClass().getSimpleName());
                }
            });
        }
    }

    @Scheduled(every = "${casebridge.webhook.send-every:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int sent;
        do {
            sent = deliverDue(OffsetDateTime.now(ZoneOffset.UTC));
        } while (sent > 0);
    }

    @Scheduled(every = "${casebridge.webhook.notice-every:5m}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void noticeLapsed() {
        outbox.noticeLapsed(OffsetDateTime.now(ZoneOffset.UTC));
    }

    @Scheduled(every = "${casebridge.webhook.purge-every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOld() {
        purge(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * One round: lease endpoints with deliveries due at {@code now}, post up to a batch of each in outbox order (an
     * endpoint's round stops at its first failure), record every attempt, release the leases. Returns the number of
     * attempts made.
     */
    public int deliverDue(OffsetDateTime now) {
        OffsetDateTime leaseUntil = now.plus(lease);
        List<UUID> endpoints = QuarkusTransaction.requiringNew().call(() -> leaseEndpoints(now, leaseUntil));
        if (endpoints.isEmpty()) {
            return 0;
        }
        Map<UUID, List<Due>> byEndpoint = QuarkusTransaction.requiringNew().call(() -> dueOf(endpoints, now));
        List<Future<Integer>> rounds = new ArrayList<>();
        for (UUID endpoint : endpoints) {
            List<Due> due = byEndpoint.getOrDefault(endpoint, List.of());
            rounds.add(workers.submit(() -> {
                try {
                    return send(due, now);
                } finally {
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                    "update webhook_endpoint set lease_until = null where id = ?1 and lease_until = ?2")
                            .setParameter(1, endpoint).setParameter(2, leaseUntil).executeUpdate());
                }
            }));
        }
        int attempts = 0;
        for (Future<Integer> round : rounds) {
            try {
                attempts += round.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.warnf("A webhook round failed (%s)", e.getCause().getClass().getSimpleName());
            }
        }
        return attempts;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> leaseEndpoints(OffsetDateTime now, OffsetDateTime leaseUntil) {
        return em.createNativeQuery("""
                        update webhook_endpoint set lease_until = ?2 where id in (
                            select e.id from webhook_endpoint e
                            where e.status = 'ACTIVE' and (e.lease_until is null or e.lease_until <= ?1)
                              and exists (select 1 from webhook_delivery d where d.endpoint_id = e.id and d.status = 'PENDING'
                                          and d.next_attempt_at <= ?1)
                            limit ?3 for update skip locked)
                        returning id""").setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, endpointsPerRound).getResultList();
    }

    private Map<UUID, List<Due>> dueOf(List<UUID> endpoints, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select * from (
                            select d.id, d.endpoint_id, d.event_id, d.attempts, d.first_attempt_at, ev.payload, ev.created_at as event_at,
                                   e.url, e.secret_key_id, e.secret_sealed, e.previous_key_id, e.previous_secret_sealed,
                                   e.previous_secret_until, row_number() over (partition by d.endpoint_id order by d.seq) as n
                            from webhook_delivery d join webhook_event ev on ev.id = d.event_id join webhook_endpoint e on e.id = d.endpoint_id
                            where d.endpoint_id = any(?1) and d.status = 'PENDING' and d.next_attempt_at <= ?2) due
                        where n <= ?3 order by endpoint_id, n""", Tuple.class)
                .setParameter(1, endpoints.toArray(UUID[]::new)).setParameter(2, now).setParameter(3, batch).getResultList();
        Map<UUID, List<Due>> byEndpoint = new LinkedHashMap<>();
        for (Tuple t : rows) {
            UUID endpoint = t.get("endpoint_id", UUID.class);
            List<String> secrets = new ArrayList<>();
            secrets.add(seal.open(endpoint, t.get("secret_key_id", String.class), t.get("secret_sealed", byte[].class)));
            OffsetDateTime previousUntil = Rows.at(t, "previous_secret_until");
            if (previousUntil != null && previousUntil.isAfter(now)) {
                secrets.add(seal.open(endpoint, t.get("previous_key_id", String.class), t.get("previous_secret_sealed", byte[].class)));
            }
            byEndpoint.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(new Due(t.get("id", UUID.class), endpoint,
                    t.get("event_id", UUID.class), t.get("attempts", Integer.class), Rows.at(t, "first_attempt_at"),
                    t.get("payload", String.class), Rows.at(t, "event_at"), t.get("url", String.class), secrets));
        }
        return byEndpoint;
    }

    /** Posts one endpoint's due deliveries in order, stopping at the first failure (the rest wait behind it). */
    private int send(List<Due> due, OffsetDateTime now) {
        int attempts = 0;
        for (Due delivery : due) {
            Outcome outcome = post(delivery);
            attempts++;
            QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome, now));
            if (!outcome.delivered()) {
                break;
            }
        }
        return attempts;
    }

    /** The {@code webhook-id} of an event: the same for every attempt and every endpoint, never another. */
    static String webhookId(UUID eventId) {
        return "msg_" + eventId;
    }

    private Outcome post(Due delivery) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = policy.destination(delivery.url());
        } catch (WebhookPolicy.RefusedDestination refused) {
            return new Outcome(null, Failure.DESTINATION_REFUSED, refused.getMessage(), 0);
        }
        String id = webhookId(delivery.eventId());
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("content-type", "application/json")
                .header("user-agent", "Casebridge-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.header(delivery.secrets(), id, timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        CompletableFuture<HttpResponse<Boolean>> response = http.sendAsync(request, info -> new CappedBody(maxResponseBytes));
        try {
            HttpResponse<Boolean> answer = response.get(readTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            long latency = (System.nanoTime() - started) / 1_000_000;
            int status = answer.statusCode();
            if (status >= 300 && status < 400) {
                return new Outcome(status, Failure.REDIRECT_NOT_FOLLOWED, "Redirects are not followed; register the final URL", latency);
            }
            if (status < 200 || status >= 300) {
                return new Outcome(status, Failure.HTTP_STATUS, "The receiver answered " + status, latency);
            }
            if (!answer.body()) {
                return new Outcome(status, Failure.RESPONSE_TOO_LARGE, "The response was longer than " + maxResponseBytes + " bytes", latency);
            }
            return new Outcome(status, null, null, latency);
        } catch (TimeoutException e) {
            response.cancel(true);
            return new Outcome(null, Failure.TIMEOUT, "No complete answer within the read timeout", (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, Failure.NETWORK_ERROR, "The sender stopped", (System.nanoTime() - started) / 1_000_000);
        } catch (ExecutionException e) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                return new Outcome(null, Failure.TIMEOUT, "No connection within the connect timeout", latency);
            }
            if (cause instanceof HttpTimeoutException) {
                return new Outcome(null, Failure.TIMEOUT, "No answer within the read timeout", latency);
            }
            if (cause instanceof ConnectException) {
                return new Outcome(null, Failure.CONNECT_FAILED, "The connection was refused", latency);
            }
            return new Outcome(null, Failure.NETWORK_ERROR, "The call failed (" + cause.getClass().getSimpleName() + ")", latency);
        }
    }

    private void record(Due delivery, Outcome outcome, OffsetDateTime now) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("""
                        insert into webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, error, message)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, delivery.deliveryId()).setParameter(2, at).setParameter(3, outcome.statusCode())
                .setParameter(4, (int) outcome.latencyMillis()).setParameter(5, outcome.failure() == null ? null : outcome.failure().name())
                .setParameter(6, outcome.message()).executeUpdate();
        OffsetDateTime first = delivery.firstAttemptAt() != null ? delivery.firstAttemptAt() : now;
        if (outcome.delivered()) {
            em.createNativeQuery("""
                            update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, first_attempt_at = ?2,
                                   delivered_at = ?3, last_status_code = ?4, last_error = null, next_attempt_at = null
                            where id = ?1 and status = 'PENDING'""")
                    .setParameter(1, delivery.deliveryId()).setParameter(2, first).setParameter(3, at)
                    .setParameter(4, outcome.statusCode()).executeUpdate();
            em.createNativeQuery("update webhook_endpoint set consecutive_failures = 0 where id = ?1 and consecutive_failures > 0")
                    .setParameter(1, delivery.endpointId()).executeUpdate();
            counter("delivered").increment();
            lag.record(Duration.between(delivery.eventAt(), at));
            return;
        }
        OffsetDateTime next = now.plus(backoff(delivery.attempts() + 1));
        boolean giveUp = !next.isBefore(first.plus(giveUpAfter));
        em.createNativeQuery("""
                        update webhook_delivery set status = ?2, attempts = attempts + 1, first_attempt_at = ?3, next_attempt_at = ?4,
                               last_status_code = ?5, last_error = ?6
                        where id = ?1 and status = 'PENDING'""")
                .setParameter(1, delivery.deliveryId()).setParameter(2, giveUp ? "FAILED" : "PENDING").setParameter(3, first)
                .setParameter(4, giveUp ? null : next).setParameter(5, outcome.statusCode())
                .setParameter(6, outcome.failure().name()).executeUpdate();
        if (!giveUp) {
            // the endpoint's later deliveries wait behind this one: one attempt per backoff while it fails, and order kept
            em.createNativeQuery("""
                            update webhook_delivery set next_attempt_at = ?3
                            where endpoint_id = ?1 and status = 'PENDING' and id <> ?2 and next_attempt_at < ?3""")
                    .setParameter(1, delivery.endpointId()).setParameter(2, delivery.deliveryId()).setParameter(3, next).executeUpdate();
        }
        em.createNativeQuery("""
                        update webhook_endpoint set consecutive_failures = consecutive_failures + 1,
                               status = case when consecutive_failures + 1 >= ?2 then 'PAUSED' else status end,
                               paused_at = case when consecutive_failures + 1 >= ?2 then ?3 else paused_at end,
                               paused_reason = case when consecutive_failures + 1 >= ?2 then ?4 else paused_reason end
                        where id = ?1""")
                .setParameter(1, delivery.endpointId()).setParameter(2, pauseAfter).setParameter(3, at)
                .setParameter(4, "Paused by Casebridge after " + pauseAfter + " failed attempts in a row; the last: "
                        + outcome.failure() + (outcome.statusCode() == null ? "" : " " + outcome.statusCode()) + ". Resume it when the receiver works.")
                .executeUpdate();
        counter(giveUp ? "failed" : "retrying").increment();
    }

    /** 10 s, 40 s, 160 s, … by default, at most 6 hours, each ±25 %: about ten attempts in a day. */
    Duration backoff(int attemptsMade) {
        double exponential = retryBase.toMillis() * Math.pow(4, Math.max(0, attemptsMade - 1));
        double jittered = Math.min(exponential, retryMaxDelay.toMillis()) * ThreadLocalRandom.current().nextDouble(0.75, 1.25);
        return Duration.ofMillis((long) jittered);
    }

    private Counter counter(String outcome) {
        return Counter.builder("casebridge.webhook.deliveries").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(metrics);
    }

    /** Attempts, finished deliveries and their events older than {@code casebridge.webhook.retention} are deleted. */
    public int purge(OffsetDateTime now) {
        OffsetDateTime before = now.minus(retention);
        return QuarkusTransaction.requiringNew().call(() -> {
            int attempts = em.createNativeQuery("delete from webhook_attempt where attempted_at < ?1").setParameter(1, before).executeUpdate();
            em.createNativeQuery("delete from webhook_delivery where status <> 'PENDING' and created_at < ?1").setParameter(1, before).executeUpdate();
            em.createNativeQuery("""
                            delete from webhook_event ev where ev.created_at < ?1
                            and not exists (select 1 from webhook_delivery d where d.event_id = ev.id)""").setParameter(1, before).executeUpdate();
            return attempts;
        });
    }

    /** Reads a response body up to a cap and no further: true if it fitted. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<Boolean> {
        private final CompletableFuture<Boolean> result = new CompletableFuture<>();
        private final long cap;
        private long seen;
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) return;
            for (ByteBuffer buffer : buffers) seen += buffer.remaining();
            if (seen > cap) {
                result.complete(false);
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(true);
        }

        @Override
        public CompletionStage<Boolean> getBody() {
            return result;
        }
    }
}
