package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who manages an agency's webhook endpoints, which agencies a webhook event may reach, and where Casebridge may
 * post at all. Endpoints are their agency's alone: to anyone else they answer as if they did not exist. An event
 * reaches the agencies the API would show the change to, by the same routes and grants. Outbound calls go only to
 * public addresses over HTTPS, checked after DNS resolution, so an endpoint cannot turn Casebridge against the
 * network it runs in (server-side request forgery).
 */
@ApplicationScoped
public class WebhookPolicy {

    /** A destination Casebridge will not call, and why, in words for the agency's admin. */
    public static final class RefusedDestination extends Exception {
        public RefusedDestination(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Where to post: the URL, and the address its host resolved to when it was checked. Connect to {@code address}
     * and speak to {@code uri.getHost()} (TLS server name, certificate check, Host header); never resolve it again.
     */
    public record Destination(URI uri, InetAddress address) {
        public int port() {
            return uri.getPort() != -1 ? uri.getPort() : secure() ? 443 : 80;
        }

        public boolean secure() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }
    }

    private final CurrentCaller currentCaller;
    private final AccessPolicy access;
    private final ConferencePolicy conferencePolicy;
    private final HostResolver resolver;
    private final Refusals refusals;
    private final boolean allowLoopback;
    private final List<AddressRanges.Network> allowedNetworks;
    private final int maxEndpointsPerAgency;
    private final Duration referralRouteAfterEnd;

    public WebhookPolicy(CurrentCaller currentCaller, AccessPolicy access, ConferencePolicy conferencePolicy, Refusals refusals, HostResolver resolver,
                         @ConfigProperty(name = "casebridge.webhook.allow-loopback", defaultValue = "false") boolean allowLoopback,
                         @ConfigProperty(name = "casebridge.webhook.allowed-networks") Optional<List<String>> allowedNetworks,
                         @ConfigProperty(name = "casebridge.webhook.max-endpoints-per-agency", defaultValue = "10") int maxEndpointsPerAgency,
                         @ConfigProperty(name = "casebridge.access.referral-route-after-end", defaultValue = "P30D") Duration referralRouteAfterEnd) {
        this.currentCaller = currentCaller;
        this.access = access;
        this.conferencePolicy = conferencePolicy;
        this.refusals = refusals;
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
        this.allowedNetworks = allowedNetworks.orElse(List.of()).stream().map(AddressRanges.Network::parse).toList();
        this.maxEndpointsPerAgency = maxEndpointsPerAgency;
        this.referralRouteAfterEnd = referralRouteAfterEnd;
    }

    // --- managing endpoints ------------------------------------------------------------------------------

    /**
     * An agency's administrators manage its endpoints, read their delivery log and redeliver. An endpoint of another
     * agency (or none: {@code endpointAgencyCode} null with an id) answers {@code NOT_FOUND}; other roles
     * {@code FORBIDDEN}. Refusals are audited.
     */
    public Caller mayManageEndpoints(String action, UUID endpointId, String endpointAgencyCode) {
        Caller caller = currentCaller.get();
        AuditLog.Entry entry = AuditLog.Entry.of(action, "WebhookEndpoint", endpointId, null);
        if (!caller.has(Role.AGENCY_ADMIN) || caller.agencyCode() == null) {
            throw refuse(caller, entry, Refusals.forbidden("Only agency administrators manage their agency's webhooks"));
        }
        if (endpointId != null && !caller.belongsTo(endpointAgencyCode)) {
            throw refuse(caller, entry, Refusals.hidden("Webhook endpoint"));
        }
        return caller;
    }

    /** Whether the caller may read this endpoint through {@code node(id:)}: its agency's administrators only. */
    public boolean maySee(String endpointAgencyCode) {
        Caller caller = currentCaller.get();
        return caller.has(Role.AGENCY_ADMIN) && caller.belongsTo(endpointAgencyCode);
    }

    public <T> T registeredAgency(Caller caller, Optional<T> agency) {
        return access.registeredAgency(caller, "webhook.create", "WebhookEndpoint", agency);
    }

    /** An agency keeps at most {@code casebridge.webhook.max-endpoints-per-agency} endpoints. */
    public void mayAddEndpoint(Caller caller, long endpointsAlready) {
        if (endpointsAlready >= maxEndpointsPerAgency) {
            throw refuse(caller, AuditLog.Entry.of("webhook.create", "WebhookEndpoint", null, null),
                    new ApiException(ErrorCode.LIMIT_EXCEEDED, "An agency may register at most " + maxEndpointsPerAgency
                            + " webhook endpoints; delete one first"));
        }
    }

    private ApiException refuse(Caller caller, AuditLog.Entry entry, ApiException refusal) {
        return refusals.refuse(caller, entry, refusal);
    }

    // --- who hears of a change ---------------------------------------------------------------------------

    /**
     * The agencies a conference change may be announced to: those it concerns that follow the conference, the lead
     * agency and each invited agency while its invitation is an open route (the rule of its graphql-ws events,
     * {@link ConferencePolicy#follows}). One grants query for all the invited agencies.
     */
    public Set<String> conferenceAudience(String leadAgencyCode, Collection<Route> invitations, Collection<String> concerned) {
        Set<String> audience = new LinkedHashSet<>();
        if (concerned.contains(leadAgencyCode)) {
            audience.add(leadAgencyCode);
        }
        audience.addAll(conferencePolicy.conferenceFollowers(leadAgencyCode,
                invitations.stream().filter(v -> concerned.contains(v.agencyCode())).toList()).invitedWithOpenRoute());
        return audience;
    }

    /** Whether the route is open right now for the agency it is addressed to. */
    public boolean routeOpen(Route route) {
        return access.openRoutes(List.of(route)).contains(route.objectId());
    }

    /**
     * A revoked or expired consent is announced to the agency that held it, if that agency ever reached the case
     * through a route (a referral to it or its invitation): its system may hold something of the case to drop. An
     * agency that never had a route never learnt of the case, and the notice would tell it one exists.
     */
    public Set<String> consentAudience(String recipientAgencyCode, Collection<Route> routesOfRecipient) {
        return routesOfRecipient.stream().anyMatch(r -> recipientAgencyCode.equals(r.agencyCode()))
                ? Set.of(recipientAgencyCode) : Set.of();
    }

    /**
     * Whether a lapsed grant (a consent revoked or expired, a sharing decision withdrawn or run out) withdrew this
     * invitation: it could have stood on the grant, it had not ended before for another reason (its conference was
     * cancelled: that closed the route, and the agency was told), and it is closed now.
     */
    public boolean withdrawnByLapse(Route route, boolean couldStandOnGrant) {
        return route.kind() == Route.Kind.INVITATION && couldStandOnGrant && route.ending() == Route.Ending.NONE && !routeOpen(route);
    }

    /** A concluded (completed or failed) referral that ended at or before this instant is no longer a route at {@code now}. */
    public OffsetDateTime concludedRouteEndedBy(OffsetDateTime now) {
        return now.minus(referralRouteAfterEnd);
    }

    // --- where Casebridge may post -----------------------------------------------------------------------

    /**
     * The URL, if Casebridge may post to it: absolute, HTTPS (plain HTTP only to loopback where the demo and test
     * profiles allow loopback), no user info, and every address its host resolves to public, or in an operator's
     * allow-list ({@code casebridge.webhook.allowed-networks}). The addresses refused are {@link AddressRanges#NOT_PUBLIC}.
     * The host is resolved once, here; the answer names the checked address to connect to.
     */
    public Destination destination(String url) throws RefusedDestination {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedDestination("Not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw new RefusedDestination("Give an absolute https:// URL with a host name");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedDestination("Only https:// URLs are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedDestination("A URL with user information is not allowed; authenticate by the signature");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedDestination("A URL with a fragment is not allowed");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedDestination("The host name does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new RefusedDestination("The host name does not resolve");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            allLoopback &= loopback;
            String metadata = AddressRanges.neverAllowed(address);
            if (metadata != null) {
                // no allow-list opens these: they hand out the cloud's credentials
                throw new RefusedDestination("The host resolves to a " + metadata + " address, which is never allowed");
            }
            if (allowedNetworks.stream().anyMatch(n -> n.contains(address)) || loopback && allowLoopback) {
                continue;
            }
            String kind = AddressRanges.kindOf(address);
            if (kind != null) {
                // the address itself is not named: an agency admin could otherwise map the operator's internal names
                throw new RefusedDestination("The host resolves to a " + kind + " address, which is not allowed");
            }
        }
        if (scheme.equals("http") && !(allLoopback && allowLoopback)) {
            throw new RefusedDestination("Only https:// URLs are allowed");
        }
        return new Destination(uri, addresses.get(0));
    }
}
