package org.casebridge.webhook;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.casebridge.access.HostResolver;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks over HTTPS: receivers with self-signed certificates made here by the JDK's keytool. The test profile trusts
 * one of them ({@code casebridge.webhook.trust-store}, written here); a post to it is delivered and verifies. A receiver
 * whose certificate is not trusted, and a trusted certificate presented for another host name, are contained: the
 * delivery log says {@code TLS_FAILED} in words, and the receiver gets nothing.
 */
@QuarkusTest
class WebhookTlsTest {

    static final String PASSWORD = "test-trust";
    static final Path TRUST_STORE = Path.of("target/webhook-tls/trust.p12");

    @Inject
    WebhookSender sender;

    @BeforeEach
    @AfterEach
    void noEndpoints() {
        Db.execute("delete from webhook_endpoint");
    }

    /** A PKCS12 key store with a new self-signed certificate for {@code host}, made by keytool. */
    static KeyStore selfSigned(Path dir, String host) throws Exception {
        Path file = dir.resolve(host + "-" + UUID.randomUUID() + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + host,
                "-ext", "SAN=dns:" + host, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    static SSLContext serving(KeyStore keys) throws Exception {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    /** The test profile's trust store: exactly the receiver certificates given. */
    static void trustOnly(KeyStore... receivers) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < receivers.length; i++) {
            trust.setCertificateEntry("receiver-" + i, receivers[i].getCertificate("receiver"));
        }
        try (OutputStream out = Files.newOutputStream(TRUST_STORE)) {
            trust.store(out, PASSWORD.toCharArray());
        }
    }

    static WebhookTest.Endpoint register(String url) {
        JsonPath created = ok(Tokens.of("admin.stluke"), WebhookTest.CREATE, Map.of("i", Map.of("url", url,
                "eventTypes", List.of("REFERRAL_REQUESTED"))));
        return new WebhookTest.Endpoint(created.getString("data.createWebhookEndpoint.endpoint.id"),
                created.getString("data.createWebhookEndpoint.secret"), "/hook");
    }

    @Test
    void aTrustedReceiverGetsTheNoticeOverHttpsAndAnUntrustedOneIsContained() throws Exception {
        Path dir = Files.createDirectories(TRUST_STORE.getParent());
        KeyStore partner = selfSigned(dir, "partner.test");
        KeyStore stranger = selfSigned(dir, "stranger.test");
        trustOnly(partner);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                return Set.of("partner.test", "stranger.test", "misnamed.test").contains(host) ? List.of(loopback) : super.resolve(host);
            }
        }, HostResolver.class);

        try (Receiver trusted = new Receiver(serving(partner)); Receiver untrusted = new Receiver(serving(stranger))) {
            WebhookTest.Endpoint good = register("https://partner.test:" + trusted.port() + "/hook");
            WebhookTest.Endpoint bad = register("https://stranger.test:" + untrusted.port() + "/hook");
            // the trusted certificate, but the URL names another host: the certificate does not name it
            WebhookTest.Endpoint misnamed = register("https://misnamed.test:" + trusted.port() + "/misnamed");
            String referral = Cases.refer("cw.amani", consentedCase(), Cases.CLINIC_CARE);
            while (sender.deliverDue(WebhookTest.now()) > 0) {
                // until nothing is due
            }

            List<Receiver.Received> got = WebhookTest.about(trusted, referral);
            assertEquals(1, got.size(), () -> WebhookTest.log("admin.stluke", good, referral).prettify());
            assertEquals("/hook", got.get(0).path());
            WebhookTest.assertSigned(good, got.get(0));
            assertEquals("DELIVERED", WebhookTest.log("admin.stluke", good, referral).getString("data.webhookDeliveries.edges[0].node.status"));

            assertTrue(untrusted.received.isEmpty(), "a receiver whose certificate is not trusted got the notice");
            for (WebhookTest.Endpoint refused : List.of(bad, misnamed)) {
                JsonPath entry = WebhookTest.log("admin.stluke", refused, referral);
                assertEquals("PENDING", entry.getString("data.webhookDeliveries.edges[0].node.status"), entry::prettify);
                assertEquals("TLS_FAILED", entry.getString("data.webhookDeliveries.edges[0].node.lastError"), entry::prettify);
                String message = entry.getString("data.webhookDeliveries.edges[0].node.attemptLog[0].message");
                assertTrue(message.startsWith("The TLS handshake with "), message);
                assertFalse(message.contains("Exception") || message.contains("\tat ") || message.contains("sun."), message);
            }
        }
    }

    static String consentedCase() {
        String caseId = Cases.open("cw.amani", "TLS Survivor " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        return caseId;
    }
}
