package org.casebridge.runtime;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN from the start of the shutdown delay, so the cluster stops routing here first. It replaces Quarkus's
 * own check (excluded in application.properties), a blocking one that SmallRye Health runs on a worker thread: while
 * every worker waited on a hung database, readiness waited with them (README "Bad days").
 */
@Readiness
@ApplicationScoped
public class ShutdownReadiness implements AsyncHealthCheck {

    private volatile boolean shuttingDown;

    public void shuttingDown(@Observes ShutdownDelayInitiatedEvent event) {
        shuttingDown = true;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(HealthCheckResponse.named("Graceful Shutdown").status(!shuttingDown).build());
    }
}
