package org.casebridge.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque global IDs for {@link Node}s: base64url of {@code Type:uuid}. Clients must treat them as opaque;
 * the type prefix lets {@code node(id:)} route a refetch and lets inputs reject an ID of another type.
 */
public record GlobalId(String type, UUID uuid) {

    public static String encode(String type, UUID uuid) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + uuid).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes any well-formed global ID; a malformed one is reported against {@code field}. */
    public static GlobalId decode(String id, String field) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new GlobalId(raw.substring(0, colon), UUID.fromString(raw.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw ApiException.invalid(field, "Not a valid ID");
        }
    }

    /** Decodes an ID that must name an object of {@code expectedType}; an ID of another type does not exist here. */
    public static UUID decode(String id, String expectedType, String field) {
        if (id == null) {
            throw ApiException.invalid(field, "An ID is required");
        }
        GlobalId decoded = decode(id, field);
        if (!decoded.type().equals(expectedType)) {
            throw ApiException.notFound(expectedType);
        }
        return decoded.uuid();
    }
}
