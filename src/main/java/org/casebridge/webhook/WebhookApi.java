package org.casebridge.webhook;

import jakarta.enterprise.inject.Produces;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.graphql.PageRequest;
import org.casebridge.webhook.WebhookTypes.CreateWebhookEndpointInput;
import org.casebridge.webhook.WebhookTypes.DeletePayload;
import org.casebridge.webhook.WebhookTypes.WebhookDeliveryConnection;
import org.casebridge.webhook.WebhookTypes.WebhookEndpointConnection;
import org.casebridge.webhook.WebhookTypes.EndpointInput;
import org.casebridge.webhook.WebhookTypes.EndpointPayload;
import org.casebridge.webhook.WebhookTypes.EndpointView;
import org.casebridge.webhook.WebhookTypes.PauseInput;
import org.casebridge.webhook.WebhookTypes.RedeliverInput;
import org.casebridge.webhook.WebhookTypes.RedeliverPayload;
import org.casebridge.webhook.WebhookTypes.SecretPayload;
import org.casebridge.webhook.WebhookTypes.UpdateWebhookEndpointInput;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class WebhookApi {

    private final WebhookService webhooks;

    public WebhookApi(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Query
    @Description("Your agency's webhook endpoints (agency administrators).")
    public WebhookEndpointConnection webhookEndpoints(Integer first, String after) {
        return webhooks.endpoints(PageRequest.of(first, after));
    }

    @Query
    @Description("The delivery log of one of your agency's endpoints, newest first: optionally of one event (its webhook-id) "
            + "or of one object (the global ID in the payload's data.id).")
    public WebhookDeliveryConnection webhookDeliveries(@Id @NonNull String endpointId, String webhookId, @Id String objectId,
                                                Integer first, String after) {
        return webhooks.deliveries(endpointId, webhookId, objectId, PageRequest.of(first, after));
    }

    @Mutation
    @Description("Registers an endpoint for your agency; the answer shows its signing secret, once.")
    public SecretPayload createWebhookEndpoint(@NonNull CreateWebhookEndpointInput input) {
        return webhooks.create(input);
    }

    @Mutation
    @Description("Changes an endpoint's URL, event types or description (with the version you read).")
    public EndpointPayload updateWebhookEndpoint(@NonNull UpdateWebhookEndpointInput input) {
        return new EndpointPayload(webhooks.update(input));
    }

    @Mutation
    @Description("Stops sending to the endpoint; its events are kept and sent when it is resumed.")
    public EndpointPayload pauseWebhookEndpoint(@NonNull PauseInput input) {
        return new EndpointPayload(webhooks.pause(input));
    }

    @Mutation
    @Description("Sends to the endpoint again, first the events kept while it was paused, in order.")
    public EndpointPayload resumeWebhookEndpoint(@NonNull EndpointInput input) {
        return new EndpointPayload(webhooks.resume(input));
    }

    @Mutation
    @Description("Deletes the endpoint with its pending deliveries and its log.")
    public DeletePayload deleteWebhookEndpoint(@NonNull EndpointInput input) {
        return new DeletePayload(webhooks.delete(input));
    }

    @Mutation
    @Description("A new signing secret, shown once; the previous one keeps signing too for the grace period.")
    public SecretPayload rotateWebhookSecret(@NonNull EndpointInput input) {
        return webhooks.rotateSecret(input);
    }

    @Mutation
    @Description("Sends a delivery again under the same webhook-id.")
    public RedeliverPayload redeliverWebhook(@NonNull RedeliverInput input) {
        return new RedeliverPayload(webhooks.redeliver(input.deliveryId()));
    }

    @Produces
    static NodeLoader webhookEndpoints(WebhookService webhooks) {
        return new NodeLoader(EndpointView.TYPE, webhooks::endpoint);
    }
}
