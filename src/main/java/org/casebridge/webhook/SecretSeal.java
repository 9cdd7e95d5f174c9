package org.casebridge.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Seals endpoint signing secrets as identities are sealed (casefile/IdentityCipher): AES-256-GCM under a keyring
 * {@code id:base64,...} whose active key seals and whose named key opens, with the endpoint's id bound as associated
 * data so a sealed secret copied onto another endpoint does not open. The keyring defaults to the identity keyring.
 */
@ApplicationScoped
public class SecretSeal {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    public record Sealed(String keyId, byte[] bytes) {
    }

    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public SecretSeal(@ConfigProperty(name = "casebridge.webhook.secret-keys") String keyring,
                      @ConfigProperty(name = "casebridge.webhook.secret-active-key") String activeKeyId) {
        for (String entry : keyring.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            byte[] key = Base64.getDecoder().decode(parts[1].trim());
            if (key.length != 32) {
                throw new IllegalStateException("Webhook secret key " + parts[0] + " must be 256 bits");
            }
            keys.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("The active webhook secret key " + activeKeyId + " is not in the keyring");
        }
        this.activeKeyId = activeKeyId;
    }

    public Sealed seal(UUID endpointId, String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new Sealed(activeKeyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a webhook secret", e);
        }
    }

    public String open(UUID endpointId, String keyId, byte[] sealed) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("The webhook secret key " + keyId + " is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret cannot be opened", e);
        }
    }
}
