package io.liaison.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.TestDatabase;
import io.liaison.fuzz.FuzzRequests.Fault;
import io.liaison.fuzz.FuzzRequests.Sent;
import io.liaison.fuzz.OpenApiDocument.Operation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every operation of {@code /v3/api-docs}, as an administrator and as a member, with requests made
 * from the document: plausible ones and ones with a single fault each. Fails on any 5xx, any status or
 * media type the document does not list for the operation, any body that does not match its schema,
 * and any problem that names a library class. The suite runs one fixed seed, so that a build
 * passes or fails the same way each time; {@code -Dfuzz.seed=N} runs another, {@code
 * -Dfuzz.seed=random} a new one each time, {@code -Dfuzz.rounds=N} a longer run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ApiFuzzIntegrationTests {

    private static final Pattern LIBRARY_CLASS =
            Pattern.compile("\\b(com|org|tools|java|javax|jakarta)\\.[a-z0-9_]+\\.[A-Za-z0-9_.]*[A-Z]");

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersWhatTheDocumentSaysToValidAndInvalidRequests() throws Exception {
        String given = System.getProperty("fuzz.seed", "20261203");
        long seed = given.equals("random") ? System.nanoTime() : Long.parseLong(given);
        int rounds = Integer.getInteger("fuzz.rounds", 3);
        FuzzWorld world = new FuzzWorld(port);
        world.build();
        String docs = world.http
                .send(
                        HttpRequest.newBuilder(URI.create(world.base + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        OpenApiDocument document = new OpenApiDocument(docs);
        FuzzValues values = new FuzzValues(new Random(seed));
        FuzzRequests requests = new FuzzRequests(document, world, values);

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<Fault, Integer> faults = new TreeMap<>();
        int sent = 0;
        for (int round = 0; round < rounds; round++) {
            for (String token : List.of(world.memberToken, world.adminToken)) {
                for (Operation op : document.operations()) {
                    for (Fault fault : faultsFor(op)) {
                        Sent request = requests.make(op, token, fault);
                        HttpResponse<byte[]> response =
                                world.http.send(request.request(), HttpResponse.BodyHandlers.ofByteArray());
                        sent++;
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                        faults.merge(fault, 1, Integer::sum);
                        List<String> wrong = check(document, op, response);
                        String actor = token.equals(world.adminToken) ? "admin" : "member";
                        wrong.forEach(w -> failures.add(
                                actor + " " + request.description() + "\n    → " + response.statusCode() + ": " + w));
                    }
                }
            }
        }
        String summary = String.format(
                "API fuzzing (seed %d): %d operations, %d requests; statuses %s; faults %s; %d failures%n",
                seed, document.operations().size(), sent, statuses, faults, failures.size());
        System.out.print(summary);
        Path report = Path.of("target", "api-fuzz.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary + String.join("\n", failures) + "\n");
        assertThat(document.operations()).hasSizeGreaterThan(60);
        assertThat(failures)
                .as("requests whose answers break the document (seed %d; all of them in %s)", seed, report)
                .isEmpty();
    }

    /** Three plausible requests and, for each part the operation has, one with a fault there. */
    private static List<Fault> faultsFor(Operation op) {
        List<Fault> faults = new ArrayList<>(List.of(Fault.NONE, Fault.NONE, Fault.NONE, Fault.NO_TOKEN));
        if (!op.in("path").isEmpty()) {
            faults.add(Fault.PATH);
        }
        if (!op.in("query").isEmpty()) {
            faults.add(Fault.QUERY);
            faults.add(Fault.QUERY);
        }
        if (!op.bodies().isEmpty()) {
            faults.addAll(List.of(Fault.BODY_FIELD, Fault.BODY_FIELD, Fault.BODY, Fault.MEDIA_TYPE, Fault.TOO_LARGE));
        }
        if (op.hasHeader("If-Match")) {
            faults.add(Fault.IF_MATCH);
        }
        return faults;
    }

    private static List<String> check(OpenApiDocument document, Operation op, HttpResponse<byte[]> response) {
        List<String> wrong = new ArrayList<>();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() >= 500) {
            wrong.add("a server error: " + FuzzRequests.abbreviate(body));
            return wrong;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        wrong.addAll(document.check(op, response.statusCode(), contentType, response.body()));
        if (response.statusCode() >= 400 && LIBRARY_CLASS.matcher(body).find()) {
            wrong.add("the problem names a library class: " + FuzzRequests.abbreviate(body));
        }
        return wrong;
    }
}
