package org.casebridge.webhook;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The certificates an operator trusts for webhook receivers instead of the JVM's ({@code casebridge.webhook.trust-store},
 * PKCS12), read at every TLS handshake: a renewed file (a rotated Kubernetes Secret) counts without a restart. The
 * JDK's PKIX checks do the work, the receiver's host name included (Vert.x asks for HTTPS endpoint identification).
 */
final class ReceiverTrust extends X509ExtendedTrustManager {

    private final Path file;
    private final char[] password;

    ReceiverTrust(Path file, String password) {
        this.file = file;
        this.password = password.toCharArray();
    }

    private X509ExtendedTrustManager current() throws CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new CertificateException("The webhook trust store holds no X.509 trust");
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateException("The webhook trust store cannot be read", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        current().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        current().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("Webhook calls are client calls only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("Webhook calls are client calls only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Webhook calls are client calls only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return current().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }
}
