package io.liaison.integration.dav;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.TestDatabase;
import io.liaison.identity.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A real CardDAV client, tsdav under node, against Liaison on a random port: it discovers the book
 * through /.well-known/carddav, fetches the cards, and after a contact changed and a share was
 * withdrawn, syncs with its saved sync token and gets just those two. The node packages are those
 * of src/test/node/carddav, installed with npm ci into target/ once per package-lock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
class CardDavClientIntegrationTests {

    private static final Path SOURCE = Paths.get("src/test/node/carddav");
    private static final Path CLIENT = Paths.get("target/carddav-client");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void tsdavFetchesTheBookAndSyncsOnlyWhatChanged() throws Exception {
        install();
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person member = api.newMember(org, "MEMBER");
        String password = Dav.appPassword(mvc, member.token());
        String own = api.createdId(json(post("/api/v1/contacts"), member.token(), """
                {"name":"王小明","mobile":"13900139000"}"""));
        String kept = api.createdId(json(post("/api/v1/contacts"), member.token(), "{\"name\":\"孙七\"}"));
        String shared = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), """
                {"name":"李四","mobile":"13800138000","emails":[{"address":"lisi@example.cn"}],"shareUserIds":["%s"]}""".formatted(member.id())));
        Path state = Files.createTempFile(CLIENT, "state", ".json");
        Files.delete(state);

        String first = node(member.login(), password, state);
        assertThat((String) JsonPath.read(first, "$.account.homeUrl"))
                .endsWith("/dav/addressbooks/" + member.id() + "/");
        assertThat((List<String>) JsonPath.read(first, "$.books[0].reports")).contains("syncCollection");
        List<String> urls = JsonPath.read(first, "$.cards[*].url");
        assertThat(urls).hasSize(3).allMatch(u -> u.contains("/dav/addressbooks/" + member.id() + "/contacts/"));
        String sharedCard = JsonPath.<List<String>>read(first, "$.cards[?(@.url =~ /.*" + shared + ".vcf/)].data")
                .get(0);
        assertThat(sharedCard).contains("FN:李四", "+86 138****8000", "l***@example.cn");
        assertThat(sharedCard).doesNotContain("13800138000", "lisi@example.cn");

        api.answer(
                json(patch("/api/v1/contacts/" + own), member.token(), "{\"title\":\"经理\"}")
                        .contentType("application/merge-patch+json"),
                200);
        api.answer(
                json(patch("/api/v1/contacts/" + shared), org.adminToken(), "{\"shareUserIds\":[]}")
                        .contentType("application/merge-patch+json"),
                200);

        String second = node(member.login(), password, state);
        assertThat((String) JsonPath.read(second, "$.syncToken"))
                .isNotEqualTo(JsonPath.read(second, "$.previousToken"));
        assertThat((List<String>) JsonPath.read(second, "$.created")).isEmpty();
        List<String> updated = JsonPath.read(second, "$.updated[*].url");
        assertThat(updated).singleElement().asString().endsWith(own + ".vcf");
        assertThat((String) JsonPath.read(second, "$.updated[0].data")).contains("经理");
        List<String> deleted = JsonPath.read(second, "$.deleted[*].url");
        assertThat(deleted).singleElement().asString().endsWith(shared + ".vcf");
        assertThat(second).doesNotContain(kept);
    }

    private String node(String user, String password, Path state) throws IOException, InterruptedException {
        Path out = Files.createTempFile(CLIENT, "out", ".json");
        Path err = Files.createTempFile(CLIENT, "err", ".txt");
        Process process = new ProcessBuilder(
                        "node",
                        "client.mjs",
                        "http://127.0.0.1:" + port + "/",
                        user,
                        password,
                        state.toAbsolutePath().toString())
                .directory(CLIENT.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tsdav did not finish in 60 s");
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Copies the client to target/ and runs npm ci, unless the same package-lock is installed there already. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(CLIENT);
        for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
            Files.copy(SOURCE.resolve(file), CLIENT.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String lock = Files.readString(SOURCE.resolve("package-lock.json"));
        Path installed = CLIENT.resolve("node_modules/.installed-lock.json");
        if (Files.exists(installed) && Files.readString(installed).equals(lock)) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(CLIENT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(CLIENT.resolve("npm.log").toFile())
                .start();
        if (!npm.waitFor(300, TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new AssertionError("npm ci did not finish in 300 s");
        }
        assertThat(npm.exitValue())
                .as(Files.readString(CLIENT.resolve("npm.log")))
                .isZero();
        Files.writeString(installed, lock);
    }
}
