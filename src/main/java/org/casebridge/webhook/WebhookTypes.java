package org.casebridge.webhook;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The GraphQL shapes of webhook endpoints, their deliveries and the mutations that manage them. */
public final class WebhookTypes {

    private WebhookTypes() {
    }

    @Type("WebhookEndpoint")
    @Description("A URL of the agency's own system that Casebridge posts signed, id-only events to (README \"Webhooks for partner systems\").")
    public record EndpointView(@Id @NonNull String id,
                               @NonNull String url,
                               String description,
                               @NonNull Set<@NonNull WebhookEventType> eventTypes,
                               @NonNull WebhookEndpoint.Status status,
                               OffsetDateTime pausedAt,
                               @Description("Why the endpoint is paused: by its agency's admin, or by Casebridge after failed attempts in a row.")
                               String pausedReason,
                               @Description("Failed attempts in a row since the last success.") int consecutiveFailures,
                               @Description("While a secret rotation's grace period lasts, every event is signed with the new and the previous secret.")
                               OffsetDateTime previousSecretValidUntil,
                               @NonNull OffsetDateTime createdAt,
                               @NonNull OffsetDateTime updatedAt,
                               @Description("Give this back when updating, to detect concurrent edits.") int version) implements Node {

        public static final String TYPE = "WebhookEndpoint";

        static EndpointView of(WebhookEndpoint e, OffsetDateTime now) {
            return new EndpointView(GlobalId.encode(TYPE, e.id), e.url, e.description, e.eventTypes, e.status, e.pausedAt,
                    e.pausedReason, e.consecutiveFailures,
                    e.previousSecretUntil != null && e.previousSecretUntil.isAfter(now) ? e.previousSecretUntil : null,
                    e.createdAt, e.updatedAt, e.version);
        }

        @Override
        @Id
        @NonNull
        public String getId() {
            return id;
        }
    }

    @Type("WebhookAttempt")
    @Description("One attempt to post a delivery.")
    public record AttemptView(@NonNull OffsetDateTime at,
                              @Description("The receiver's HTTP status, when it answered.") Integer statusCode,
                              @Description("Milliseconds from sending to the answer or the failure.") int latencyMs,
                              @Description("Why the attempt failed; null when it succeeded.") WebhookSender.Failure error,
                              String message) {
    }

    @Type("WebhookDelivery")
    @Description("One event for one endpoint: its attempts, and the next one while it is pending.")
    public record DeliveryView(@Id @NonNull String id,
                               @Description("The webhook-id header: the same on every attempt and redelivery; de-duplicate by it.")
                               @NonNull String webhookId,
                               @NonNull WebhookEventType eventType,
                               @Description("The global ID of the object the event is about (the payload's data.id).")
                               @Id @NonNull String objectId,
                               @NonNull DeliveryStatus status,
                               int attempts,
                               OffsetDateTime nextAttemptAt,
                               Integer lastStatusCode,
                               WebhookSender.Failure lastError,
                               @NonNull OffsetDateTime createdAt,
                               OffsetDateTime deliveredAt,
                               @NonNull List<@NonNull AttemptView> attemptLog) implements Node {

        public static final String TYPE = "WebhookDelivery";

        @Override
        @Id
        @NonNull
        public String getId() {
            return id;
        }
    }

    @org.eclipse.microprofile.graphql.Enum("WebhookDeliveryStatus")
    public enum DeliveryStatus { PENDING, DELIVERED, FAILED }

    public static class WebhookEndpointConnection extends Connection<EndpointView, WebhookEndpointConnection.WebhookEndpointEdge> {
        public record WebhookEndpointEdge(@NonNull String cursor, @NonNull EndpointView node) implements Edge<EndpointView> {
        }

        WebhookEndpointConnection(PageRequest page, List<WebhookEndpoint> rows, long total, OffsetDateTime now) {
            super(page, rows, e -> PageRequest.TimeAndId.key(e.createdAt, e.id), e -> EndpointView.of(e, now), WebhookEndpointEdge::new, total);
        }
    }

    public static class WebhookDeliveryConnection extends Connection<DeliveryView, WebhookDeliveryConnection.WebhookDeliveryEdge> {
        public record WebhookDeliveryEdge(@NonNull String cursor, @NonNull DeliveryView node) implements Edge<DeliveryView> {
        }

        record Row(UUID id, OffsetDateTime createdAt, DeliveryView view) {
        }

        WebhookDeliveryConnection(PageRequest page, List<Row> rows, long total) {
            super(page, rows, r -> PageRequest.TimeAndId.key(r.createdAt(), r.id()), Row::view, WebhookDeliveryEdge::new, total);
        }
    }

    @Input("CreateWebhookEndpointInput")
    public record CreateWebhookEndpointInput(
            @Description("Retrying a create with the same key returns the first result (and its secret) instead of creating again.")
            @Size(max = 100) String idempotencyKey,
            @Description("HTTPS URL of the agency's receiver; it must resolve to public addresses.")
            @NonNull @NotBlank @Size(max = 2000) String url,
            @NonNull @NotEmpty Set<@NonNull WebhookEventType> eventTypes,
            @Size(max = 500) String description) {
    }

    @Input("UpdateWebhookEndpointInput")
    @Description("Fields left out (null) keep their value.")
    public record UpdateWebhookEndpointInput(@Id @NonNull String id,
                                             @Description("The version the caller last saw; a stale version fails with CONFLICT.") int version,
                                             @Size(max = 2000) String url,
                                             @Nullable Set<@NonNull WebhookEventType> eventTypes,
                                             @Size(max = 500) String description) {
    }

    @Input("WebhookEndpointInput")
    public record EndpointInput(@Id @NonNull String id,
                                @Description("The version the caller last saw; a stale version fails with CONFLICT.") int version) {
    }

    @Input("PauseWebhookEndpointInput")
    public record PauseInput(@Id @NonNull String id, int version, @Size(max = 300) String reason) {
    }

    @Input("RedeliverWebhookInput")
    public record RedeliverInput(@Id @NonNull String deliveryId) {
    }

    @Type("WebhookEndpointSecretPayload")
    public record SecretPayload(@NonNull EndpointView endpoint,
                                @Description("The signing secret (whsec_…), shown only in this answer: store it in the receiver.")
                                @NonNull String secret) {
    }

    @Type("WebhookEndpointPayload")
    public record EndpointPayload(@NonNull EndpointView endpoint) {
    }

    @Type("DeleteWebhookEndpointPayload")
    public record DeletePayload(@Id @NonNull String deletedId) {
    }

    @Type("RedeliverWebhookPayload")
    public record RedeliverPayload(@NonNull DeliveryView delivery) {
    }
}
