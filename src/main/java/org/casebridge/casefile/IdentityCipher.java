package org.casebridge.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
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
 * Seals a survivor's identity with AES-256-GCM. Keys come from configuration as {@code id:base64,id:base64};
 * new ciphertexts use the active key and carry its id, old ones open with the key they name, so keys rotate
 * without rewriting every row at once. The case id is bound as associated data: a ciphertext copied onto
 * another case does not open.
 */
@ApplicationScoped
public class IdentityCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Jsonb JSON = JsonbBuilder.create();

    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public IdentityCipher(@ConfigProperty(name = "casebridge.identity.keys") String keyring,
                          @ConfigProperty(name = "casebridge.identity.active-key") String activeKeyId) {
        for (String entry : keyring.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            byte[] key = Base64.getDecoder().decode(parts[1].trim());
            if (key.length != 32) {
                throw new IllegalStateException("Identity key " + parts[0] + " must be 256 bits");
            }
            keys.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("The active identity key " + activeKeyId + " is not in the keyring");
        }
        this.activeKeyId = activeKeyId;
    }

    public record Sealed(String keyId, byte[] bytes) {
    }

    public Sealed seal(UUID caseId, SurvivorIdentity identity) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(caseId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(JSON.toJson(identity).getBytes(StandardCharsets.UTF_8));
            return new Sealed(activeKeyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal identity", e);
        }
    }

    public SurvivorIdentity open(UUID caseId, String keyId, byte[] sealed) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new ApiException(ErrorCode.INTERNAL, "The identity key of this case is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(caseId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return JSON.fromJson(new String(plain, StandardCharsets.UTF_8), SurvivorIdentity.class);
        } catch (GeneralSecurityException e) {
            throw new ApiException(ErrorCode.INTERNAL, "The identity of this case cannot be opened");
        }
    }
}
