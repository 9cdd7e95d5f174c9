package org.casebridge.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed SDL is the API contract: any change to the live schema must show up as a reviewed diff of
 * {@code src/main/graphql/schema.graphql}. Regenerate it with {@code mvn verify -Dcasebridge.sdl.update=true}.
 */
@QuarkusTest
class SchemaSnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/main/graphql/schema.graphql");

    @Test
    void liveSchemaMatchesCommittedSnapshot() throws IOException {
        String live = RestAssured.given().auth().oauth2(Tokens.of("pr.stluke")).get("/graphql/schema.graphql")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("casebridge.sdl.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, live);
        }
        assertTrue(Files.exists(SNAPSHOT), SNAPSHOT + " is missing; create it with -Dcasebridge.sdl.update=true");
        assertEquals(Files.readString(SNAPSHOT), live,
                "The live schema differs from " + SNAPSHOT + "; review the change and update the snapshot");
    }
}
