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
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import org.casebridge.access.WebhookPolicy;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.URI;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts due deliveries, on every replica. A tick leases endpoints that have due deliveries ({@code FOR UPDATE SKIP
 * LOCKED}, then a lease on the row), so each endpoint is worked by one sender at a time and gets its deliveries in
 * outbox order; other replicas take other endpoints. An endpoint's round is recorded in one transaction after its posts. A
 * sender that dies mid-round leaves the round's deliveries pending: once the lease ends another sends them again, under the same
 * {@code webhook-id}. Calls follow no redirects, have connect and read timeouts and read at most a capped response.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    /** Why an attempt failed, as the delivery log shows it. */
    @org.eclipse.microprofile.graphql.Enum("WebhookDeliveryError")
    public enum Failure { HTTP_STATUS, REDIRECT_NOT_FOLLOWED, TIMEOUT, CONNECT_FAILED, TLS_FAILED, RESPONSE_TOO_LARGE, DESTINATION_REFUSED, NETWORK_ERROR }

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
    private final Clock clock;
    private final Duration connectTimeout;
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
                         Vertx vertx, Clock clock,
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
                         @ConfigProperty(name = "casebridge.webhook.send-on-commit", defaultValue = "true") boolean sendOnCommit,
                         @ConfigProperty(name = "casebridge.webhook.trust-store") Optional<String> trustStore,
                         @ConfigProperty(name = "casebridge.webhook.trust-store-password") Optional<String> trustStorePassword) {
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
        this.clock = clock;
        this.connectTimeout = connectTimeout;
        // idle connections are dropped before common servers time them out (30 s), so a post rarely meets a closed one
        HttpClientOptions options = new HttpClientOptions().setConnectTimeout((int) connectTimeout.toMillis())
                .setMaxPoolSize(parallelism).setKeepAliveTimeout(20).setVerifyHost(true);
        trustStore.ifPresent(file -> options.setTrustOptions(TrustOptions.wrap(new ReceiverTrust(Path.of(file), trustStorePassword.orElse("")))));
        this.http = vertx.createHttpClient(options);
        this.lag = Timer.builder("casebridge.webhook.lag").description("From the change's commit to the receiver's 2xx")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        kicker.shutdownNow();
        workers.shutdownNow();
        http.close();
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
            sent = deliverDue(OffsetDateTime.now(clock));
        } while (sent > 0);
    }

    @Scheduled(every = "${casebridge.webhook.notice-every:5m}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void noticeLapsed() {
        outbox.noticeLapsed(OffsetDateTime.now(clock));
    }

    @Scheduled(every = "${casebridge.webhook.purge-every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOld() {
        purge(OffsetDateTime.now(clock));
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

    /**
     * Leases endpoints with deliveries due: one per agency a round, the agencies whose oldest due delivery waited
     * longest first, so one agency's many or slow endpoints cannot keep another agency's notices waiting. The lease
     * condition stands beside {@code for update}: PostgreSQL re-checks only that level's condition against a row
     * another sender leased since this statement's snapshot.
     */
    @SuppressWarnings("unchecked")
    private List<UUID> leaseEndpoints(OffsetDateTime now, OffsetDateTime leaseUntil) {
        return em.createNativeQuery("""
                        update webhook_endpoint set lease_until = ?2 where id in (
                            select e.id from webhook_endpoint e where e.id in (
                                select id from (
                                    select e.id, due.oldest, row_number() over (partition by e.agency_id order by due.oldest, e.id) as n
                                    from webhook_endpoint e cross join lateral (
                                        select min(d.next_attempt_at) as oldest from webhook_delivery d
                                        where d.endpoint_id = e.id and d.status = 'PENDING' and d.next_attempt_at <= ?1) due
                                    where e.status = 'ACTIVE' and (e.lease_until is null or e.lease_until <= ?1) and due.oldest is not null
                                ) candidate where n = 1 order by oldest limit ?3)
                            and e.status = 'ACTIVE' and (e.lease_until is null or e.lease_until <= ?1)
                            for update skip locked)
                        returning id""").setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, endpointsPerRound).getResultList();
    }

    private record DueRow(UUID id, UUID endpointId, UUID eventId, int attempts, OffsetDateTime firstAttemptAt, String payload,
                          OffsetDateTime eventAt, String url, String secretKeyId, byte[] secretSealed, String previousKeyId,
                          byte[] previousSecretSealed, OffsetDateTime previousSecretUntil, long n) {
    }

    private Map<UUID, List<Due>> dueOf(List<UUID> endpoints, OffsetDateTime now) {
        List<DueRow> rows = Rows.read(em, DueRow.class, """
                        select * from (
                            select d.id, d.endpoint_id, d.event_id, d.attempts, d.first_attempt_at, ev.payload, ev.created_at as event_at,
                                   e.url, e.secret_key_id, e.secret_sealed, e.previous_key_id, e.previous_secret_sealed,
                                   e.previous_secret_until, row_number() over (partition by d.endpoint_id order by d.seq) as n
                            from webhook_delivery d join webhook_event ev on ev.id = d.event_id join webhook_endpoint e on e.id = d.endpoint_id
                            where d.endpoint_id = any(?1) and d.status = 'PENDING' and d.next_attempt_at <= ?2) due
                        where n <= ?3 order by endpoint_id, n""", endpoints.toArray(UUID[]::new), now, batch);
        Map<UUID, List<Due>> byEndpoint = new LinkedHashMap<>();
        for (DueRow row : rows) {
            List<String> secrets = new ArrayList<>();
            secrets.add(seal.open(row.endpointId(), row.secretKeyId(), row.secretSealed()));
            if (row.previousSecretUntil() != null && row.previousSecretUntil().isAfter(now)) {
                secrets.add(seal.open(row.endpointId(), row.previousKeyId(), row.previousSecretSealed()));
            }
            byEndpoint.computeIfAbsent(row.endpointId(), k -> new ArrayList<>()).add(new Due(row.id(), row.endpointId(), row.eventId(),
                    row.attempts(), row.firstAttemptAt(), row.payload(), row.eventAt(), row.url(), secrets));
        }
        return byEndpoint;
    }

    /**
     * Posts one endpoint's due deliveries in order, stopping at the first failure (the rest wait behind it) and once
     * the round has taken as long as one attempt may: a slow receiver holds a sender thread for two attempts at most,
     * not a whole batch, and the rest of its deliveries go in the next round.
     */
    private int send(List<Due> due, OffsetDateTime now) {
        List<Posted> posted = new ArrayList<>();
        long roundEnds = System.nanoTime() + connectTimeout.plus(readTimeout).toNanos();
        try {
            for (Due delivery : due) {
                if (!posted.isEmpty() && System.nanoTime() - roundEnds >= 0) {
                    break;
                }
                Outcome outcome = post(delivery);
                posted.add(new Posted(delivery, outcome, OffsetDateTime.now(clock)));
                if (!outcome.delivered()) {
                    break;
                }
            }
        } finally {
            // the round's bookkeeping in one transaction, not one a post: under load the commits, not the posts, were
            // the sender's pace. A sender that dies before it leaves the round's deliveries pending, sent again by id.
            if (!posted.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> posted.forEach(p -> record(p.delivery(), p.outcome(), now, p.at())));
            }
        }
        return posted.size();
    }

    /** An attempt made in a round, and when its answer came, to be recorded at the round's end. */
    private record Posted(Due delivery, Outcome outcome, OffsetDateTime at) {
    }

    /** The {@code webhook-id} of an event: the same for every attempt and every endpoint, never another. */
    static String webhookId(UUID eventId) {
        return "msg_" + eventId;
    }

    private Outcome post(Due delivery) {
        long started = System.nanoTime();
        WebhookPolicy.Destination destination;
        try {
            destination = policy.destination(delivery.url());
        } catch (WebhookPolicy.RefusedDestination refused) {
            return new Outcome(null, Failure.DESTINATION_REFUSED, refused.getMessage(), 0);
        }
        String id = webhookId(delivery.eventId());
        long timestamp = clock.instant().getEpochSecond();
        URI uri = destination.uri();
        // connect to the address that was checked, speaking to the host name (TLS server name, certificate, Host header)
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(destination.address(), destination.port())))
                .setHost(uri.getHost()).setPort(destination.port()).setSsl(destination.secure())
                .setURI((uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setFollowRedirects(false).setIdleTimeout(readTimeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Casebridge-Webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.header(delivery.secrets(), id, timestamp, delivery.payload()));
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> call = new AtomicReference<>();
        http.request(request).onFailure(answer::completeExceptionally).onSuccess(sending -> call(call, sending)
                .send(Buffer.buffer(delivery.payload())).onFailure(answer::completeExceptionally).onSuccess(response -> {
                    AtomicLong seen = new AtomicLong();
                    response.handler(chunk -> {
                        if (seen.addAndGet(chunk.length()) > maxResponseBytes && answer.complete(new Answer(response.statusCode(), false))) {
                            sending.reset();
                        }
                    });
                    response.exceptionHandler(answer::completeExceptionally);
                    response.endHandler(end -> answer.complete(new Answer(response.statusCode(), true)));
                }));
        try {
            Answer answered = answer.get(readTimeout.toMillis() + connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            long latency = (System.nanoTime() - started) / 1_000_000;
            int status = answered.status();
            if (status >= 300 && status < 400) {
                return new Outcome(status, Failure.REDIRECT_NOT_FOLLOWED, "Redirects are not followed; register the final URL", latency);
            }
            if (status < 200 || status >= 300) {
                return new Outcome(status, Failure.HTTP_STATUS, "The receiver answered " + status, latency);
            }
            if (!answered.fitted()) {
                return new Outcome(status, Failure.RESPONSE_TOO_LARGE, "The response was longer than " + maxResponseBytes + " bytes", latency);
            }
            return new Outcome(status, null, null, latency);
        } catch (TimeoutException e) {
            answer.cancel(true);
            if (call.get() != null) call.get().reset();
            return new Outcome(null, Failure.TIMEOUT, "No complete answer within the read timeout", (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, Failure.NETWORK_ERROR, "The sender stopped", (System.nanoTime() - started) / 1_000_000);
        } catch (ExecutionException e) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            Throwable cause = e.getCause();
            if (cause instanceof ConnectTimeoutException) {
                return new Outcome(null, Failure.TIMEOUT, "No connection within the connect timeout", latency);
            }
            if (cause instanceof TimeoutException) { // Vert.x's idle timeout: no data for the read timeout
                return new Outcome(null, Failure.TIMEOUT, "No answer within the read timeout", latency);
            }
            if (cause instanceof ConnectException) {
                return new Outcome(null, Failure.CONNECT_FAILED, "The connection was refused", latency);
            }
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof SSLException) {
                    return new Outcome(null, Failure.TLS_FAILED, "The TLS handshake with " + uri.getHost()
                            + " failed: its certificate is not trusted, has expired or does not name the host", latency);
                }
            }
            return new Outcome(null, Failure.NETWORK_ERROR, "The call failed (" + cause.getClass().getSimpleName() + ")", latency);
        }
    }

    private static HttpClientRequest call(AtomicReference<HttpClientRequest> holder, HttpClientRequest request) {
        holder.set(request);
        return request;
    }

    /** The receiver's status, and whether its body fitted under the cap. */
    private record Answer(int status, boolean fitted) {
    }

    private void record(Due delivery, Outcome outcome, OffsetDateTime now, OffsetDateTime at) {
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
}
