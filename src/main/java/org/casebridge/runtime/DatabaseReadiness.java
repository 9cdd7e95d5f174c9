package org.casebridge.runtime;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database: a probe on a connection of its own with a short timeout ({@link DatabaseCircuit}). The
 * stock check borrows a pooled connection, and on a database that no longer answers waited as long as any request,
 * past the probe's own timeout. A probe that gives no answer also opens the circuit.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    static final String NAME = "Database connections health check";

    private final DatabaseCircuit circuit;

    public DatabaseReadiness(DatabaseCircuit circuit) {
        this.circuit = circuit;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(circuit::probe)
                .ifNoItem().after(circuit.timeout().plusMillis(500)).recoverWithItem(false)
                .map(up -> HealthCheckResponse.named(NAME).status(up).build());
    }
}
