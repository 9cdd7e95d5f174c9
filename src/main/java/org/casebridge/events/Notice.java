package org.casebridge.events;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A change as announced to subscribers: what kind of thing, which one, its new state, the agencies it concerns
 * (the first is the lead or referring agency) and when. Deliberately without survivor information. CONSENT notices
 * (a revocation) and SHARING_DECISION notices (a withdrawal) feed webhooks only; no subscription announces them. A conference notice about one of its action
 * items names the item too ({@code itemId}; {@code id} stays the conference, which subscribers follow).
 */
public record Notice(Kind kind, UUID id, String change, List<String> agencies, OffsetDateTime at, UUID itemId) {

    public enum Kind { REFERRAL, CONFERENCE, CONSENT, SHARING_DECISION }

    public Notice(Kind kind, UUID id, String change, List<String> agencies, OffsetDateTime at) {
        this(kind, id, change, agencies, at, null);
    }

    String toJson() {
        var list = Json.createArrayBuilder();
        agencies.forEach(list::add);
        var json = Json.createObjectBuilder().add("kind", kind.name()).add("id", id.toString()).add("change", change)
                .add("agencies", list).add("at", at.toString());
        if (itemId != null) json.add("itemId", itemId.toString());
        return json.build().toString();
    }

    /** A notice of a kind this replica does not know: a newer replica's, during a rolling deploy. */
    static final class UnknownKind extends RuntimeException {
        final String kind;

        UnknownKind(String kind) {
            super("unknown notice kind " + kind, null, false, false);
            this.kind = kind;
        }
    }

    /** The notice in {@code payload}; {@link UnknownKind} for a kind this code does not know, another exception for a payload that is no notice. */
    static Notice parse(String payload) {
        JsonObject json = Json.createReader(new StringReader(payload)).readObject();
        String kind = json.getString("kind");
        if (java.util.Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw new UnknownKind(kind);
        }
        return new Notice(Kind.valueOf(kind), UUID.fromString(json.getString("id")), json.getString("change"),
                json.getJsonArray("agencies").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                OffsetDateTime.parse(json.getString("at")), json.containsKey("itemId") ? UUID.fromString(json.getString("itemId")) : null);
    }
}
