package org.casebridge.webui;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the web app under {@code /app/} needs to know before anyone is signed in: where to log in. Served by the API
 * so that one build works against any realm (the demo's, the tests', production's).
 */
@Path("/app/config.json")
public class WebAppConfig {

    private final String config;

    public WebAppConfig(@ConfigProperty(name = "casebridge.web.issuer") String issuer,
                        @ConfigProperty(name = "casebridge.web.client-id") String clientId) {
        this.config = Json.createObjectBuilder().add("issuer", issuer).add("clientId", clientId).build().toString();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String config() {
        return config;
    }
}
