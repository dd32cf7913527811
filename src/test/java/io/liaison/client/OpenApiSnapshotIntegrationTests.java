package io.liaison.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed copy of {@code /v3/api-docs} that the build generates the Java client from
 * ({@code openapi-generator-maven-plugin} in pom.xml) is the document Liaison serves: an API change
 * fails here until the copy is rewritten, so the change shows in review and the client follows it.
 */
@LiaisonIntegrationTest
class OpenApiSnapshotIntegrationTests {

    static final Path SNAPSHOT = Path.of("src", "test", "resources", "openapi", "liaison-api.json");
    private static final String UPDATE = "./mvnw -B test -Dtest=OpenApiSnapshotIntegrationTests -Dopenapi.update=true";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Autowired
    MockMvc mvc;

    @Test
    void theCommittedDocumentIsTheOneLiaisonServes() throws Exception {
        String served = canonical(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
            System.out.println("Rewrote " + SNAPSHOT.toAbsolutePath() + "; review its diff and commit it.");
            return;
        }
        String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT, StandardCharsets.UTF_8) : "";
        if (!committed.equals(served)) {
            fail(
                    "%s is not the document Liaison serves at /v3/api-docs.%n%s%nIf the API change is intended,"
                            + " rewrite the file with%n  %s%nthen review its diff and commit it; the next build generates"
                            + " the client from it.",
                    SNAPSHOT, firstDifference(committed, served), UPDATE);
        }
    }

    /** A generated client names its methods after them: each one once, none numbered by springdoc. */
    @Test
    void everyOperationHasANameOfItsOwn() throws Exception {
        String served =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        List<String> names = JsonPath.read(served, "$.paths.*.*.operationId");
        assertThat(names)
                .hasSizeGreaterThan(60)
                .doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z][A-Za-z]+"));
        assertThat(names).contains("contactList", "contactUpdate", "contactTimeline", "tagGroupCreateTag");
    }

    /**
     * The document with its keys sorted and indented, so that the committed file changes only where the
     * API does; without {@code servers}, which names the host the document was read from.
     */
    static String canonical(String document) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = JSON.readValue(document, Map.class);
        tree.remove("servers");
        return JSON.writeValueAsString(tree) + "\n";
    }

    private static String firstDifference(String committed, String served) {
        List<String> was = committed.lines().toList();
        List<String> is = served.lines().toList();
        int line = 0;
        while (line < was.size() && line < is.size() && was.get(line).equals(is.get(line))) {
            line++;
        }
        return String.format(
                "First difference, line %d:%n  file:   %s%n  served: %s",
                line + 1,
                line < was.size() ? was.get(line).strip() : "(end of file)",
                line < is.size() ? is.get(line).strip() : "(end of document)");
    }
}
