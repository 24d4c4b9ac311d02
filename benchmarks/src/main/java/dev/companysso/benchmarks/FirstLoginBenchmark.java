package dev.companysso.benchmarks;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import dev.companysso.harness.LoginHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker's brokered login through the company flow against the same login through Keycloak's
 * built-in broker, in one run on one Keycloak ({@code start-dev}), interleaved:
 *
 * <ul>
 *   <li>company flow: {@code /auth?company=perf} → the company's Okta ({@code okta} type) → {@code
 *       company first login} (JIT: user, managed membership, Worker) → one group-to-role table →
 *       code → token, in the {@code workforce} realm;
 *   <li>built-in: {@code /auth?kc_idp_hint=initrode-okta} → the same Okta org (an {@code oidc}
 *       provider) → Keycloak's {@code first broker login} → its Claim to Role mapper, Worker as a
 *       default role → code → token, in a plain realm with events on as well.
 * </ul>
 *
 * <p>Measured with one client and with {@code benchmark.clients} (8) at once: first logins (a new
 * upstream user each), returning logins (a user who signed in before, a new browser), and the
 * discovery step alone against the {@code kc_idp_hint} request, until the redirect to the broker:
 * the Single Sign-On page's submit of the company code, and the {@code company=} request. Then, on
 * a fresh server that logs Hibernate's SQL, the statements of each path's first and returning login
 * ({@link LoginStatements}). System properties: {@code benchmark.samples} (per path and kind, 80),
 * {@code benchmark.clients} (8), {@code benchmark.jfr} (a directory: before timing, a profile of
 * each path's first logins is recorded there), {@code benchmark.report}.
 */
public final class FirstLoginBenchmark {

  private static final int WARMUP = 40;
  private static final int PROFILED_LOGINS = 150;
  private static final String[] KINDS = {
    "first login", "returning login", "discovery: Single Sign-On page", "discovery: deep link"
  };

  private FirstLoginBenchmark() {}

  public static void main(String[] args) throws Exception {
    int samples = Integer.getInteger("benchmark.samples", 80);
    int clients = Integer.getInteger("benchmark.clients", 8);
    Path report = Path.of(System.getProperty("benchmark.report", "docs/benchmarks.md"));
    KeycloakDistribution distribution = KeycloakDistribution.fromSystemProperties();
    Map<Integer, Latencies[][]> timings = new LinkedHashMap<>();
    String profiles = System.getProperty("benchmark.jfr", "");
    Map<String, String> deepStacks =
        profiles.isBlank()
            ? Map.of()
            : Map.of("JAVA_OPTS_APPEND", "-XX:FlightRecorderOptions:stackdepth=256");
    try (CompanySsoStack stack =
        CompanySsoStack.start(
            distribution,
            CompanySsoStack.Ports.free(),
            Path.of("target", "keycloak-first-login-benchmark.log").toAbsolutePath(),
            deepStacks)) {
      int profiled = profiles.isBlank() ? 0 : PROFILED_LOGINS;
      LoginPair pair = LoginPair.install(stack, (WARMUP + 2 * samples + profiled) * 2 + 10);
      pair.run(1, WARMUP);
      if (!profiles.isBlank()) {
        profileFirstLogins(stack, pair, Path.of(profiles));
      }
      for (int concurrency : new int[] {1, clients}) {
        Latencies[][] measured = pair.run(concurrency, samples);
        timings.put(concurrency, measured);
        System.out.print(table(Map.of(concurrency, measured)));
      }
    }
    LoginStatements statements;
    try (CompanySsoStack stack =
        CompanySsoStack.start(
            distribution,
            CompanySsoStack.Ports.free(),
            Path.of("target", "keycloak-first-login-statements.log").toAbsolutePath(),
            Map.of("KC_LOG_LEVEL", "INFO,org.hibernate.SQL:debug"))) {
      LoginPair pair = LoginPair.install(stack, 40);
      pair.run(1, 3);
      statements = LoginStatements.of(stack.keycloak().log(), pair);
      statements.write(Path.of("target", "first-login-statements.sql").toAbsolutePath());
    }
    String body =
        String.format(
                "Measured %s, Keycloak %s `start-dev` (H2), %s; %d samples per path, kind and"
                    + " concurrency after %d warm-up rounds, paths interleaved.%n%n`%s`%n%n",
                LocalDate.now(),
                BenchmarkReport.keycloakVersion(distribution.home()),
                BenchmarkReport.machine(),
                samples,
                WARMUP,
                BenchmarkReport.command(
                    "mvn -B -pl benchmarks -am -DskipTests -Pfirst-login-benchmark package"))
            + table(timings)
            + "\n"
            + statements.markdown();
    System.out.println(body);
    BenchmarkReport.replaceSection(report, "First and returning login", body);
  }

  /**
   * One JFR recording per path ({@code company-flow.jfr}, {@code built-in.jfr} in {@code
   * directory}) of {@value #PROFILED_LOGINS} first logins one after the other, so that what the
   * company flow adds shows as the difference between two profiles of the same work.
   */
  private static void profileFirstLogins(CompanySsoStack stack, LoginPair pair, Path directory)
      throws Exception {
    java.nio.file.Files.createDirectories(directory);
    long pid = stack.keycloak().jvmPid();
    for (int path = 0; path < 2; path++) {
      Path file = directory.resolve(path == 0 ? "company-flow.jfr" : "built-in.jfr");
      jcmd(pid, "JFR.start", "name=first-login", "settings=profile");
      for (int i = 0; i < PROFILED_LOGINS; i++) {
        pair.firstLogin(path);
      }
      jcmd(pid, "JFR.stop", "name=first-login", "filename=" + file.toAbsolutePath());
      System.out.println("Profile of " + LoginPair.PATHS[path] + " first logins: " + file);
    }
  }

  private static void jcmd(long pid, String... command) throws Exception {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + ": " + output);
    }
  }

  private static String table(Map<Integer, Latencies[][]> timings) {
    StringBuilder md =
        new StringBuilder(
            "| clients | kind | company flow p50 / p95 ms | built-in p50 / p95 ms | p50 ratio |\n"
                + "|---:|---|---:|---:|---:|\n");
    timings.forEach(
        (clients, latencies) -> {
          for (int kind = 0; kind < KINDS.length; kind++) {
            Latencies company = latencies[0][kind];
            Latencies builtIn = latencies[1][kind];
            md.append(
                String.format(
                    "| %d | %s | %.1f / %.1f | %.1f / %.1f | **%.2fx** |%n",
                    clients,
                    KINDS[kind],
                    company.percentileMillis(50),
                    company.percentileMillis(95),
                    builtIn.percentileMillis(50),
                    builtIn.percentileMillis(95),
                    company.percentileMillis(50) / builtIn.percentileMillis(50)));
          }
        });
    return md.toString();
  }

  /**
   * The two paths on one stack: the company {@code perf} in the workforce realm and the plain realm
   * {@code builtin}, both at the simulator's Initrode Okta org, whose generated users are in groups
   * both mappers map.
   */
  static final class LoginPair {

    static final String OKTA_ORG = "initrode";
    static final String PASSWORD = "Passw0rd!";
    static final String[] PATHS = {"company flow", "built-in"};

    private final CompanySsoStack stack;
    private final AtomicInteger nextUser = new AtomicInteger();
    private final List<List<String>> signedIn =
        List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    private final AtomicInteger nextReturning = new AtomicInteger();

    private LoginPair(CompanySsoStack stack) {
      this.stack = stack;
    }

    static LoginPair install(CompanySsoStack stack, int users) {
      new LoginPairRealms(stack).install();
      stack.okta().generateUsers(OKTA_ORG, users, LoginPairRealms.UPSTREAM_GROUPS);
      return new LoginPair(stack);
    }

    /**
     * {@code rounds} of each path's first login, returning login and discovery step, interleaved,
     * by {@code clients} at once.
     *
     * @return latencies by path (company, built-in) and kind ({@link #KINDS})
     */
    Latencies[][] run(int clients, int rounds) throws Exception {
      ConcurrentLinkedQueue<int[]> work = new ConcurrentLinkedQueue<>();
      for (int round = 0; round < rounds; round++) {
        for (int kind = 0; kind < KINDS.length; kind++) {
          work.add(new int[] {(round + kind) % 2, kind});
          work.add(new int[] {(round + kind + 1) % 2, kind});
        }
      }
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<Latencies[][]>> results = new ArrayList<>();
      try {
        for (int c = 0; c < clients; c++) {
          results.add(
              pool.submit(
                  () -> {
                    Latencies[][] mine = newLatencies();
                    for (int[] task = work.poll(); task != null; task = work.poll()) {
                      mine[task[0]][task[1]].add(time(task[0], task[1]));
                    }
                    return mine;
                  }));
        }
        Latencies[][] all = newLatencies();
        for (Future<Latencies[][]> result : results) {
          Latencies[][] mine = result.get();
          for (int path = 0; path < 2; path++) {
            for (int kind = 0; kind < KINDS.length; kind++) {
              all[path][kind].addAll(mine[path][kind]);
            }
          }
        }
        return all;
      } finally {
        pool.shutdownNow();
      }
    }

    private static Latencies[][] newLatencies() {
      Latencies[][] latencies = new Latencies[2][KINDS.length];
      for (Latencies[] path : latencies) {
        for (int kind = 0; kind < KINDS.length; kind++) {
          path[kind] = new Latencies();
        }
      }
      return latencies;
    }

    /** Nanoseconds of one login (until the token) or discovery step on {@code path}. */
    long time(int path, int kind) {
      return switch (kind) {
        case 0 -> firstLogin(path);
        case 1 -> returningLogin(path);
        case 2 -> path == 0 ? ssoPageDiscovery() : discovery(path);
        default -> discovery(path);
      };
    }

    long firstLogin(int path) {
      String user = String.format("gen%07d@%s.example", nextUser.incrementAndGet(), OKTA_ORG);
      long nanos = login(path, user);
      signedIn.get(path).add(user);
      return nanos;
    }

    long returningLogin(int path) {
      List<String> known = signedIn.get(path);
      if (known.isEmpty()) {
        return firstLogin(path);
      }
      return login(path, known.get(Math.floorMod(nextReturning.getAndIncrement(), known.size())));
    }

    private long login(int path, String user) {
      LoginHttp http = http(path);
      URI start = authorization(http, path);
      long begin = System.nanoTime();
      http.redeem(http.oktaLogin(start, user, PASSWORD));
      return System.nanoTime() - begin;
    }

    /** The Single Sign-On page's submit of the company code (the page itself is not timed). */
    private long ssoPageDiscovery() {
      return DiscoveryBenchmark.ssoPage(
          stack.keycloak().baseUrl(), LoginPairRealms.COMPANY, LoginPairRealms.COMPANY_IDP);
    }

    /** The authorization request with {@code company=} or {@code kc_idp_hint=} alone. */
    private long discovery(int path) {
      LoginHttp http = http(path);
      URI request = authorization(http, path);
      long begin = System.nanoTime();
      HttpResponse<String> response = http.get(request);
      long nanos = System.nanoTime() - begin;
      DiscoveryBenchmark.expectBrokerRedirect(
          response, path == 0 ? LoginPairRealms.COMPANY_IDP : LoginPairRealms.BUILTIN_IDP);
      return nanos;
    }

    private LoginHttp http(int path) {
      return new LoginHttp(
          stack.keycloak().baseUrl(),
          path == 0 ? CompanySsoStack.REALM : LoginPairRealms.BUILTIN_REALM);
    }

    private static URI authorization(LoginHttp http, int path) {
      return http.authorization(
          path == 0
              ? Map.of("company", LoginPairRealms.COMPANY)
              : Map.of("kc_idp_hint", LoginPairRealms.BUILTIN_IDP));
    }
  }
}
