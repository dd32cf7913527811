package io.liaison.contact;

import io.liaison.BenchProcess;
import java.time.Duration;
import java.util.List;

/**
 * The two servers the benchmark's clients send the same requests to, Liaison and the floor
 * application, and what a measured run over HTTP cost each of them and PostgreSQL in CPU.
 */
final class BenchTargets {

    /** A server: the client for its API and its JVM. */
    record Target(HttpClients http, BenchProcess process) {}

    /** Latencies and throughput of a run, and the CPU per request it cost. */
    record Measured(LoadLoop.Stats stats, BenchReport.Cpu cpu) {}

    final LoadLoop loop;
    final Target liaison;
    final Target floorApp;
    private final BenchServer server;

    BenchTargets(BenchServer server, LoadLoop loop) {
        this.server = server;
        this.loop = loop;
        this.liaison = new Target(new HttpClients(server.liaison.port), server.liaison);
        this.floorApp = new Target(new HttpClients(server.floor.port), server.floor);
    }

    /**
     * {@code warm} of the pool's requests to {@code target}, then {@code seconds} measured, with
     * the CPU time the server's JVM and PostgreSQL spent meanwhile divided by the requests.
     */
    Measured overHttp(Target target, BenchServer.Member member, BenchPool pool, Duration warm, Duration seconds)
            throws Exception {
        LoadLoop.Op op = r -> target.http().run(member.token(), pool.any(r));
        loop.run(warm, op);
        long serverBefore = target.process().cpuMillis();
        long postgresBefore = server.postgresCpuMillis();
        LoadLoop.Stats stats = loop.run(seconds, op);
        long serverMillis = target.process().cpuMillis() - serverBefore;
        long postgresMillis = server.postgresCpuMillis() - postgresBefore;
        return new Measured(stats, BenchReport.Cpu.of(serverMillis, postgresMillis, stats.requests()));
    }

    /**
     * Every kind for every member against both servers, before any is measured: a fresh server
     * compiles its hot paths and fills PostgreSQL's page cache on the first kinds otherwise, and they
     * would pay for all the others ({@code benchmark.server-warmup-seconds} in all, 60 by default: two servers to warm).
     */
    void warmUp(List<BenchServer.Member> members, List<List<BenchPool>> pools) throws Exception {
        int total = Integer.getInteger("benchmark.server-warmup-seconds", 60);
        int runs = members.size() * pools.get(0).size() * 2;
        Duration each = Duration.ofMillis(Math.max(200, total * 1000L / runs));
        System.out.printf("benchmark: warming both servers up on every kind for %d s%n", total);
        for (int m = 0; m < members.size(); m++) {
            BenchServer.Member member = members.get(m);
            for (BenchPool pool : pools.get(m)) {
                for (Target target : List.of(floorApp, liaison)) {
                    loop.run(each, r -> target.http().run(member.token(), pool.any(r)));
                }
            }
        }
    }
}
