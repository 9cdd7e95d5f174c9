package org.casebridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.casebridge.insight.AggregateCsv;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads every manifest under k8s/ as Kubernetes objects and checks what production relies on. Probe paths are
 * the SmallRye Health endpoints the application serves (HealthTest proves they answer).
 */
public class ManifestsTest {

    static final Path BASE = Path.of("k8s/base");
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/started", "/q/health/ready", "/q/health/live");
    /** A value given for a password, secret or token (references such as passwordSecret: name do not match). */
    static final Pattern SECRET_LOOKING = Pattern.compile("(?i)\\b(password|secret|token|client-?secret)\\b\"?\\s*[:=]\\s*\"?[^\\s\"{}$]{4,}");

    static List<HasMetadata> read(Path file) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
            if (document.isBlank() || document.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                continue;
            }
            Object parsed = Serialization.unmarshal(document);
            if (parsed instanceof KubernetesList list) {
                objects.addAll(list.getItems());
            } else if (parsed instanceof HasMetadata object) {
                objects.add(object);
            }
        }
        return objects;
    }

    static List<HasMetadata> base() throws IOException {
        List<HasMetadata> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(BASE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).toList()) {
                all.addAll(read(file));
            }
        }
        return all;
    }

    /** The one Ingress of the base. */
    public static Ingress ingress() throws IOException {
        List<Ingress> ingresses = base().stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList();
        assertEquals(1, ingresses.size());
        return ingresses.get(0);
    }

    /** Whether an Ingress path of type Prefix routes this request path (Kubernetes matches whole path elements). */
    public static boolean routes(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    static Deployment api(List<HasMetadata> objects) {
        return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().equals("casebridge-api")).findFirst().orElseThrow();
    }

    @Test
    void theApiIsProbedOnTheHealthEndpointsRunsAsNonRootWithLimits() throws IOException {
        Deployment deployment = api(base());
        assertTrue(deployment.getSpec().getReplicas() >= 2);
        assertTrue(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
                assertNotNull(probe);
                assertTrue(HEALTH_PATHS.contains(probe.getHttpGet().getPath()), probe.getHttpGet().getPath());
            }
            assertNotNull(container.getResources().getLimits().get("memory"));
            assertNotNull(container.getResources().getLimits().get("cpu"));
            assertNotNull(container.getResources().getRequests().get("memory"));
            assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
            assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
            for (EnvVar env : container.getEnv()) {
                boolean sensitive = env.getName().matches(".*(PASSWORD|USERNAME|KEYS|KEY|SECRET|OIDC).*");
                if (sensitive) {
                    assertNotNull(env.getValueFrom(), env.getName() + " must come from a Secret");
                    assertNotNull(env.getValueFrom().getSecretKeyRef(), env.getName() + " must come from a Secret");
                }
                assertTrue(env.getValue() == null || !sensitive, env.getName());
            }
        }
    }

    @Test
    void everyObjectTheDesignNamesIsThere() throws IOException {
        List<String> kinds = base().stream().map(HasMetadata::getKind).toList();
        for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress",
                "ConfigMap", "Cluster", "ScheduledBackup", "Keycloak", "KeycloakRealmImport")) {
            assertTrue(kinds.contains(kind), kind);
        }
        GenericKubernetesResource cluster = base().stream().filter(o -> o.getKind().equals("Cluster"))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        assertEquals(3, ((Number) ((Map<?, ?>) cluster.getAdditionalProperties().get("spec")).get("instances")).intValue());
        assertNotNull(((Map<?, ?>) cluster.getAdditionalProperties().get("spec")).get("backup"));
    }

    /** What the web app loads besides /graphql and the CSV: its own files and the Maven web libraries' import map and files. */
    public static final Map<String, String> WEB_APP_ROUTES = Map.of("/app", "Prefix", "/_importmap", "Prefix", "/_static", "Prefix");

    /**
     * The Ingress routes what clients call — the GraphQL endpoint, the state leads' CSV aggregates (the CSV
     * resource's own path, so a moved resource fails here) and the web app (WebAppBrowserTest checks that every path
     * the app requests in Chromium is one of these routes) — to the API's http port, and nothing else: no catch-all,
     * nothing under /q (health, metrics, GraphiQL), which stay inside the cluster.
     */
    @Test
    void theIngressRoutesGraphQLAndTheCsvAggregatesAndNoInternalEndpoint() throws IOException {
        Ingress ingress = ingress();
        String csvRoot = AggregateCsv.class.getAnnotation(jakarta.ws.rs.Path.class).value();
        assertEquals("/aggregates", csvRoot);
        Map<String, String> routed = new java.util.TreeMap<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                routed.put(path.getPath(), path.getPathType());
                assertEquals("casebridge-api", path.getBackend().getService().getName(), path.getPath());
                assertEquals("http", path.getBackend().getService().getPort().getName(), path.getPath());
            }
        }
        Map<String, String> expected = new java.util.TreeMap<>(WEB_APP_ROUTES);
        expected.put("/graphql", "Prefix");
        expected.put(csvRoot, "Prefix");
        assertEquals(expected, routed);
        assertTrue(org.casebridge.webui.WebAppConfig.class.getAnnotation(jakarta.ws.rs.Path.class).value().startsWith("/app/"),
                "the app's config is under its route");
        for (String path : routed.keySet()) {
            assertFalse(path.equals("/") || path.isEmpty() || "/q/health".startsWith(path) || path.startsWith("/q"),
                    path + " would expose the internal endpoints");
        }
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertTrue(annotations == null || annotations.keySet().stream().noneMatch(k -> k.endsWith("rewrite-target")),
                "paths reach the API as they are");
    }

    @Test
    void noSecretValueIsCommitted() throws IOException {
        assertTrue(SECRET_LOOKING.matcher("password: s3cr3t-value").find(), "the detector finds a committed value");
        assertTrue(SECRET_LOOKING.matcher("\"secret\" : \"demo-stluke-secret\"").find());
        assertFalse(SECRET_LOOKING.matcher("passwordSecret:\n  name: keycloak-db").find());
        try (Stream<Path> files = Files.walk(Path.of("k8s"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertFalse(SECRET_LOOKING.matcher(text).find(), file + " seems to hold a secret value");
                assertTrue(read(file).stream().noneMatch(o -> o.getKind().equals("Secret")), file + " declares a Secret");
            }
        }
    }

    @Test
    void prodOverlayRunsAtLeastTwoReplicas() throws IOException {
        String prod = Files.readString(Path.of("k8s/overlays/prod/kustomization.yaml"));
        var patchedReplicas = Pattern.compile("path: /spec/replicas\\s+value: (\\d+)").matcher(prod);
        assertTrue(patchedReplicas.find());
        assertTrue(Integer.parseInt(patchedReplicas.group(1)) >= 2);
        var minReplicas = Pattern.compile("path: /spec/minReplicas\\s+value: (\\d+)").matcher(prod);
        assertTrue(minReplicas.find());
        assertTrue(Integer.parseInt(minReplicas.group(1)) >= 2);
    }

    /**
     * The production realm import is the demo realm without what is demo-only: users, the direct-grant client and
     * the demo agencies' system clients. Regenerate with {@code -Dcasebridge.realm-import.update=true}.
     */
    @Test
    void realmImportIsBuiltFromTheRealmDirectory() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(Path.of("keycloak-realm/casebridge-realm.json").toFile());
        realm.remove("users");
        ArrayNode clients = json.createArrayNode();
        for (JsonNode client : realm.get("clients")) {
            String id = client.get("clientId").asText();
            if (id.equals("casebridge-api") || id.equals("casebridge-web")) {
                ObjectNode kept = client.deepCopy();
                if (id.equals("casebridge-web")) {
                    // a partner's own UI, and the web app on the API's host as the Ingress serves it
                    kept.set("redirectUris", json.createArrayNode().add("https://casebridge.example.org/*")
                            .add("https://" + ingress().getSpec().getRules().get(0).getHost() + "/app/*"));
                }
                clients.add(kept);
            }
        }
        realm.set("clients", clients);
        ObjectNode resource = json.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "casebridge");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.set("realm", realm);
        String generated = "# Generated from keycloak-realm/ by ManifestsTest (demo users and clients removed). Do not edit.\n"
                + json.writerWithDefaultPrettyPrinter().writeValueAsString(resource) + "\n";
        Path file = BASE.resolve("keycloak-realm-import.yaml");
        if (Boolean.getBoolean("casebridge.realm-import.update")) {
            Files.writeString(file, generated);
        }
        assertEquals(generated, Files.readString(file), "k8s/base/keycloak-realm-import.yaml is out of date");
        try (InputStream in = Files.newInputStream(file)) {
            assertFalse(new String(in.readAllBytes()).contains("\"password\""), "no demo credentials in the production realm");
        }
    }
}
