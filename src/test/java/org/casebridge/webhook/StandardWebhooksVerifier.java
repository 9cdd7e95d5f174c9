package org.casebridge.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * A receiver's verification, written from the Standard Webhooks specification (spec/standard-webhooks.md) without
 * the project's signing code: the secret is {@code whsec_} + base64 key; the signed content is
 * {@code msg_id.timestamp.body}; {@code webhook-signature} is a space-delimited list of {@code v1,<base64>}; any
 * one matching signature (compared in constant time) within a five-minute timestamp tolerance verifies the message.
 */
final class StandardWebhooksVerifier {

    static final long TOLERANCE_SECONDS = 5 * 60;

    private StandardWebhooksVerifier() {
    }

    /** Whether any of the header's v1 signatures is the HMAC of the message under {@code secret}. */
    static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
        if (id == null || timestamp == null || signatureHeader == null) return false;
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - sentAt) > TOLERANCE_SECONDS) return false;
        byte[] expected = expected(secret, id, timestamp, body);
        for (String versioned : signatureHeader.split(" ")) {
            String[] parts = versioned.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** How many of the header's signatures verify under each secret, in order. */
    static List<Boolean> eachVerifies(List<String> secrets, String id, String timestamp, String body, String signatureHeader) {
        return secrets.stream().map(s -> verifies(s, id, timestamp, body, signatureHeader)).toList();
    }

    private static byte[] expected(String secret, String id, String timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret);
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
