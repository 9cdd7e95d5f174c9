package org.casebridge.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.WebhookPolicy;
import org.casebridge.agency.Agency;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.graphql.PageRequest;
import org.casebridge.runtime.Rows;
import org.casebridge.webhook.WebhookTypes.AttemptView;
import org.casebridge.webhook.WebhookTypes.CreateWebhookEndpointInput;
import org.casebridge.webhook.WebhookTypes.WebhookDeliveryConnection;
import org.casebridge.webhook.WebhookTypes.DeliveryStatus;
import org.casebridge.webhook.WebhookTypes.DeliveryView;
import org.casebridge.webhook.WebhookTypes.WebhookEndpointConnection;
import org.casebridge.webhook.WebhookTypes.EndpointInput;
import org.casebridge.webhook.WebhookTypes.EndpointView;
import org.casebridge.webhook.WebhookTypes.PauseInput;
import org.casebridge.webhook.WebhookTypes.SecretPayload;
import org.casebridge.webhook.WebhookTypes.UpdateWebhookEndpointInput;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An agency's webhook endpoints: registering, changing, pausing, deleting, rotating secrets; the delivery log. */
@ApplicationScoped
public class WebhookService {

    private final WebhookPolicy policy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final SecretSeal seal;
    private final EntityManager em;
    private final Duration rotationGrace;
    private final Clock clock;

    public WebhookService(WebhookPolicy policy, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                          SecretSeal seal, EntityManager em, Clock clock,
                          @ConfigProperty(name = "casebridge.webhook.rotation-grace", defaultValue = "24H") Duration rotationGrace) {
        this.policy = policy;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.seal = seal;
        this.em = em;
        this.rotationGrace = rotationGrace;
        this.clock = clock;
    }

    // --- endpoints ---------------------------------------------------------------------------------------

    @Transactional
    public SecretPayload create(CreateWebhookEndpointInput input) {
        Caller caller = policy.mayManageEndpoints("webhook.create", null, null);
        validation.check(input);
        String url = destination(input.url());
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "createWebhookEndpoint", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            WebhookEndpoint first = owned("webhook.create", earlier.get());
            return new SecretPayload(EndpointView.of(first, OffsetDateTime.now(clock)), seal.open(first.id, first.secretKeyId, first.secretSealed));
        }
        Agency agency = policy.registeredAgency(caller, Agency.byCode(caller.agencyCode()));
        policy.mayAddEndpoint(caller, WebhookEndpoint.count("agency.id", agency.id));
        OffsetDateTime now = OffsetDateTime.now(clock);
        String secret = Signatures.newSecret();
        SecretSeal.Sealed sealed = seal.seal(id, secret);
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = id;
        endpoint.agency = agency;
        endpoint.url = url;
        endpoint.description = input.description();
        endpoint.eventTypes = EnumSet.copyOf(input.eventTypes());
        endpoint.secretKeyId = sealed.keyId();
        endpoint.secretSealed = sealed.bytes();
        endpoint.status = WebhookEndpoint.Status.ACTIVE;
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        endpoint.persist();
        em.flush();
        audit.allowed(caller, AuditLog.Entry.of("webhook.create", EndpointView.TYPE, id, null).withDetail(String.valueOf(endpoint.eventTypes)));
        return new SecretPayload(EndpointView.of(endpoint, now), secret);
    }

    @Transactional
    public EndpointView update(UpdateWebhookEndpointInput input) {
        WebhookEndpoint endpoint = editable("webhook.update", input.id(), input.version());
        validation.check(input);
        if (input.url() != null) endpoint.url = destination(input.url());
        if (input.eventTypes() != null) {
            if (input.eventTypes().isEmpty() || input.eventTypes().contains(null)) {
                throw ApiException.invalid("input.eventTypes", "Choose at least one event type");
            }
            endpoint.eventTypes = EnumSet.copyOf(input.eventTypes());
        }
        if (input.description() != null) endpoint.description = input.description();
        return changed("webhook.update", endpoint);
    }

    /** Paused, an endpoint keeps collecting its events; they are sent when it is resumed. */
    @Transactional
    public EndpointView pause(PauseInput input) {
        validation.check(input);
        WebhookEndpoint endpoint = editable("webhook.pause", input.id(), input.version());
        if (endpoint.status != WebhookEndpoint.Status.PAUSED) {
            endpoint.status = WebhookEndpoint.Status.PAUSED;
            endpoint.pausedAt = OffsetDateTime.now(clock);
            endpoint.pausedReason = input.reason() == null || input.reason().isBlank() ? "Paused by the agency's administrator" : input.reason();
        }
        return changed("webhook.pause", endpoint);
    }

    /** Resuming sends what is pending at once and starts the count of failures afresh. */
    @Transactional
    public EndpointView resume(EndpointInput input) {
        WebhookEndpoint endpoint = editable("webhook.resume", input.id(), input.version());
        if (endpoint.status == WebhookEndpoint.Status.PAUSED) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            endpoint.status = WebhookEndpoint.Status.ACTIVE;
            endpoint.pausedAt = null;
            endpoint.pausedReason = null;
            endpoint.consecutiveFailures = 0;
            em.createNativeQuery("update webhook_delivery set next_attempt_at = ?2 where endpoint_id = ?1 and status = 'PENDING'")
                    .setParameter(1, endpoint.id).setParameter(2, now).executeUpdate();
        }
        return changed("webhook.resume", endpoint);
    }

    /** Deleting drops the endpoint with its pending deliveries and its log. */
    @Transactional
    public String delete(EndpointInput input) {
        WebhookEndpoint endpoint = editable("webhook.delete", input.id(), input.version());
        endpoint.delete();
        em.flush();
        audit.allowed(policy.mayManageEndpoints("webhook.delete", endpoint.id, endpoint.agency.code),
                AuditLog.Entry.of("webhook.delete", EndpointView.TYPE, endpoint.id, null));
        return input.id();
    }

    /**
     * A new secret signs from now on; the previous one also signs for {@code casebridge.webhook.rotation-grace}, so a
     * receiver can switch without dropping a notice. The new secret is shown once.
     */
    @Transactional
    public SecretPayload rotateSecret(EndpointInput input) {
        WebhookEndpoint endpoint = editable("webhook.rotate-secret", input.id(), input.version());
        String secret = Signatures.newSecret();
        SecretSeal.Sealed sealed = seal.seal(endpoint.id, secret);
        endpoint.previousKeyId = endpoint.secretKeyId;
        endpoint.previousSecretSealed = endpoint.secretSealed;
        endpoint.previousSecretUntil = OffsetDateTime.now(clock).plus(rotationGrace);
        endpoint.secretKeyId = sealed.keyId();
        endpoint.secretSealed = sealed.bytes();
        return new SecretPayload(changed("webhook.rotate-secret", endpoint), secret);
    }

    public WebhookEndpointConnection endpoints(PageRequest page) {
        Caller caller = policy.mayManageEndpoints("webhook.list", null, null);
        String where = "from WebhookEndpoint e where e.agency.code = ?1";
        long total = WebhookEndpoint.count(where, caller.agencyCode());
        PageRequest.TimeAndId after = page.afterTimeAndId();
        List<WebhookEndpoint> rows = after == null
                ? WebhookEndpoint.<WebhookEndpoint>find(where + " order by e.createdAt desc, e.id desc" + page.limit(), caller.agencyCode()).list()
                : WebhookEndpoint.<WebhookEndpoint>find(where + " and (e.createdAt < ?2 or (e.createdAt = ?2 and e.id < ?3))"
                + " order by e.createdAt desc, e.id desc" + page.limit(), caller.agencyCode(), after.at(), after.id()).list();
        return new WebhookEndpointConnection(page, rows, total, OffsetDateTime.now(clock));
    }

    /** For {@code node(id:)}: the endpoint, only to its agency's administrators. */
    public Optional<EndpointView> endpoint(UUID id) {
        return WebhookEndpoint.<WebhookEndpoint>find("from WebhookEndpoint e join fetch e.agency where e.id = ?1", id).firstResultOptional()
                .filter(e -> policy.maySee(e.agency.code)).map(e -> EndpointView.of(e, OffsetDateTime.now(clock)));
    }

    private String destination(String url) {
        try {
            return policy.destination(url.strip()).uri().toString();
        } catch (WebhookPolicy.RefusedDestination refused) {
            throw ApiException.invalid("input.url", refused.getMessage());
        }
    }

    private WebhookEndpoint owned(String action, UUID id) {
        WebhookEndpoint endpoint = WebhookEndpoint.<WebhookEndpoint>find("from WebhookEndpoint e join fetch e.agency where e.id = ?1", id)
                .firstResult();
        policy.mayManageEndpoints(action, id, endpoint == null ? null : endpoint.agency.code);
        return endpoint;
    }

    private WebhookEndpoint editable(String action, String globalId, int version) {
        policy.mayManageEndpoints(action, null, null);
        WebhookEndpoint endpoint = owned(action, GlobalId.decode(globalId, EndpointView.TYPE, "input.id"));
        ApiException.requireVersion("endpoint", endpoint.version, version);
        return endpoint;
    }

    private EndpointView changed(String action, WebhookEndpoint endpoint) {
        endpoint.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        audit.allowed(policy.mayManageEndpoints(action, endpoint.id, endpoint.agency.code),
                AuditLog.Entry.of(action, EndpointView.TYPE, endpoint.id, null));
        return EndpointView.of(endpoint, endpoint.updatedAt);
    }

    // --- the delivery log --------------------------------------------------------------------------------

    /** An endpoint's deliveries, newest first, optionally of one event (by webhook-id) or one object (global ID). */
    public WebhookDeliveryConnection deliveries(String endpointGlobalId, String webhookId, String objectId, PageRequest page) {
        policy.mayManageEndpoints("webhook.deliveries", null, null);
        UUID endpointId = GlobalId.decode(endpointGlobalId, EndpointView.TYPE, "endpointId");
        owned("webhook.deliveries", endpointId);
        UUID eventId = null;
        if (webhookId != null) {
            try {
                eventId = UUID.fromString(webhookId.startsWith("msg_") ? webhookId.substring(4) : webhookId);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("webhookId", "Not a webhook-id sent by Casebridge");
            }
        }
        Map<String, Object> params = new HashMap<>(Map.of("endpoint", endpointId));
        StringBuilder filter = new StringBuilder(" where d.endpoint_id = :endpoint");
        if (eventId != null) {
            filter.append(" and d.event_id = :event");
            params.put("event", eventId);
        }
        if (objectId != null) {
            filter.append(" and ev.object_id = :object");
            params.put("object", objectId);
        }
        String from = " from webhook_delivery d join webhook_event ev on ev.id = d.event_id";
        var count = em.createNativeQuery("select count(*)" + from + filter);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        PageRequest.TimeAndId after = page.afterTimeAndId();
        if (after != null) {
            filter.append(" and (d.created_at < :afterAt or (d.created_at = :afterAt and d.id < :afterId))");
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        var rows = em.createNativeQuery("select" + DELIVERY_COLUMNS + from + filter
                + " order by d.created_at desc, d.id desc limit " + page.fetchSize(), Tuple.class);
        params.forEach(rows::setParameter);
        List<DeliveryRow> deliveries = Rows.read(rows, DeliveryRow.class);
        Map<UUID, List<AttemptView>> attempts = attempts(deliveries.stream().map(DeliveryRow::id).toList());
        List<WebhookDeliveryConnection.Row> views = deliveries.stream()
                .map(d -> new WebhookDeliveryConnection.Row(d.id(), d.createdAt(), d.view(attempts))).toList();
        return new WebhookDeliveryConnection(page, views, total);
    }

    /**
     * Sends a delivery again, under the same webhook-id, with a fresh day of retries: a failed one, or a delivered
     * one the receiver lost.
     */
    @Transactional
    public DeliveryView redeliver(String deliveryGlobalId) {
        policy.mayManageEndpoints("webhook.redeliver", null, null);
        UUID id = GlobalId.decode(deliveryGlobalId, DeliveryView.TYPE, "input.deliveryId");
        @SuppressWarnings("unchecked")
        List<UUID> endpoint = em.createNativeQuery("select endpoint_id from webhook_delivery where id = ?1 for update")
                .setParameter(1, id).getResultList();
        UUID endpointId = endpoint.isEmpty() ? null : endpoint.get(0);
        WebhookEndpoint owner = endpointId == null ? null : WebhookEndpoint.findById(endpointId);
        Caller caller = policy.mayManageEndpoints("webhook.redeliver", id, owner == null ? null : owner.agency.code);
        em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = ?2, first_attempt_at = null
                        where id = ?1""").setParameter(1, id).setParameter(2, OffsetDateTime.now(clock)).executeUpdate();
        audit.allowed(caller, AuditLog.Entry.of("webhook.redeliver", DeliveryView.TYPE, id, null));
        return Rows.read(em, DeliveryRow.class, "select" + DELIVERY_COLUMNS
                + " from webhook_delivery d join webhook_event ev on ev.id = d.event_id where d.id = ?1", id).get(0).view(attempts(List.of(id)));
    }

    private Map<UUID, List<AttemptView>> attempts(List<UUID> deliveries) {
        if (deliveries.isEmpty()) {
            return Map.of();
        }
        return Rows.group(Rows.read(em, AttemptRow.class, """
                        select delivery_id, attempted_at, status_code, latency_ms, error, message from webhook_attempt
                        where delivery_id = any(?1) order by attempted_at, id""", (Object) deliveries.toArray(UUID[]::new)),
                AttemptRow::deliveryId, AttemptRow::view);
    }

    private static final String DELIVERY_COLUMNS = " d.id, d.event_id, ev.type, ev.object_id, d.status, d.attempts, d.next_attempt_at,"
            + " d.last_status_code, d.last_error, d.created_at, d.delivered_at";

    private record DeliveryRow(UUID id, UUID eventId, WebhookEventType type, String objectId, DeliveryStatus status, int attempts,
                               OffsetDateTime nextAttemptAt, Integer lastStatusCode, WebhookSender.Failure lastError,
                               OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
        DeliveryView view(Map<UUID, List<AttemptView>> attemptLogs) {
            return new DeliveryView(GlobalId.encode(DeliveryView.TYPE, id), WebhookSender.webhookId(eventId), type, objectId, status,
                    attempts, nextAttemptAt, lastStatusCode, lastError, createdAt, deliveredAt, attemptLogs.getOrDefault(id, List.of()));
        }
    }

    private record AttemptRow(UUID deliveryId, OffsetDateTime attemptedAt, Integer statusCode, int latencyMs,
                              WebhookSender.Failure error, String message) {
        AttemptView view() {
            return new AttemptView(attemptedAt, statusCode, latencyMs, error, message);
        }
    }
}
