package io.liaison.contact;

import bench.floor.FloorStatement;
import io.liaison.StatementCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests of one kind for one member, drawn once from the terms, so that Liaison, the floor
 * application and the JDBC floor answer the same ones; and the statements Liaison's query layer
 * runs for each, recorded and handed to the floor application, which runs them for the same URI.
 */
record BenchPool(List<BenchKind.Request> requests) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static BenchPool draw(BenchKind kind, BenchTerms terms, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BenchKind.Request> requests = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            requests.add(kind.next().apply(terms, random));
        }
        return new BenchPool(List.copyOf(requests));
    }

    BenchKind.Request any(SplittableRandom random) {
        return requests.get(random.nextInt(requests.size()));
    }

    /**
     * Runs each distinct request once through the query layer (which also warms it up), records
     * its statements and posts them to the floor application. GET by id needs none: the floor
     * application reads the row itself.
     */
    void handOver(BenchServer.Member member, QueryFloor floor, HttpClients http, int floorPort) throws Exception {
        List<BenchKind.Request> distinct = requests.stream()
                .filter(r -> r.shape() != BenchKind.Shape.GET)
                .distinct()
                .toList();
        if (distinct.isEmpty()) {
            return;
        }
        List<Callable<FloorStatement.Request>> work = new ArrayList<>();
        for (BenchKind.Request request : distinct) {
            URI uri = http.uri(request);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            work.add(() -> new FloorStatement.Request(
                    member.actor().memberId(),
                    path,
                    StatementCapture.record(() -> floor.run(member.actor(), request))));
        }
        List<FloorStatement.Request> recorded = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (Future<FloorStatement.Request> done : threads.invokeAll(work)) {
                recorded.add(done.get());
            }
        } finally {
            threads.shutdownNow();
        }
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + floorPort + "/floor/statements"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofMinutes(1))
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(recorded)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    "the floor application refused the statements: " + answer.statusCode() + " " + answer.body());
        }
    }
}
