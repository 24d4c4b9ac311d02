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
 * built-in broker, without and with Keycloak's Organizations, in one run on one Keycloak ({@code
 * start-dev}), interleaved:
 *
 * <ul>
 *   <li>company flow: {@code /auth?company=perf} → the company's Okta ({@code okta} type) → {@code
 *       company first login} (JIT: user, managed membership, Worker) → one group-to-role table →
 *       code → token, in the {@code workforce} realm;
 *   <li>built-in: {@code /auth?kc_idp_hint=initrode-okta} → the same Okta org (an {@code oidc}
 *       provider) → Keycloak's {@code first broker login} → its Claim to Role mapper, Worker as a
 *       default role → code → token, in a plain realm with events on as well;
 *   <li>built-in with Organizations: the same in a realm with Organizations on, the provider linked
 *       to an organization owning the users' domain, so that the first broker login's organization
 *       step makes each new user a managed member (what the company flow builds on).
 * </ul>
 *
 * <p>Measured with one client and with {@code benchmark.clients} (8) at once: first logins (a new
 * upstream user each), returning logins (a user who signed in before, a new browser), and the
 * discovery step alone, until the redirect to the broker: the Single Sign-On page's submit of the
 * company code against the {@code kc_idp_hint} request and Keycloak's identity-first page of
 * Organizations (an address in the organization's domain), and the {@code company=} request against
 * {@code kc_idp_hint}. Then the server's CPU time per first and returning login of each path
 * ({@link LoginCpu}). Then, on a fresh server that logs Hibernate's SQL, the statements of each
 * path's first and returning login ({@link LoginStatements}). System properties: {@code
 * benchmark.samples} (per path and kind, 80), {@code benchmark.clients} (8), {@code benchmark.jfr}
 * (a directory: before timing, a profile of each path's first and returning logins is recorded
 * there, {@link LoginProfile}), {@code benchmark.jfr.logins} (150 of each path and kind), {@code
 * benchmark.report}.
 */
public final class FirstLoginBenchmark {

  private static final int WARMUP = 40;
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
    LoginCpu cpu;
    String profile = "";
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
      int profiledLogins = Integer.getInteger("benchmark.jfr.logins", 150);
      int firstLoginsPerPath =
          WARMUP
              + 2 * samples
              + (profiles.isBlank() ? 0 : profiledLogins)
              + LoginCpu.newUsersPerPath();
      LoginPaths paths =
          LoginPaths.install(stack, firstLoginsPerPath * LoginPaths.PATHS.length + 10);
      long pid = stack.keycloak().jvmPid();
      if (profiles.isBlank()) {
        paths.run(1, WARMUP);
      } else {
        LoginProfile profiler = new LoginProfile(paths, pid);
        profiler.warmUp(WARMUP);
        profile = profiler.record(Path.of(profiles), profiledLogins);
        System.out.print(profile);
      }
      for (int concurrency : new int[] {1, clients}) {
        Latencies[][] measured = paths.run(concurrency, samples);
        timings.put(concurrency, measured);
        System.out.print(table(Map.of(concurrency, measured)));
      }
      cpu = LoginCpu.measure(paths, pid);
      System.out.print(cpu.markdown());
    }
    LoginStatements statements;
    try (CompanySsoStack stack =
        CompanySsoStack.start(
            distribution,
            CompanySsoStack.Ports.free(),
            Path.of("target", "keycloak-first-login-statements.log").toAbsolutePath(),
            Map.of("KC_LOG_LEVEL", "INFO,org.hibernate.SQL:debug"))) {
      LoginPaths paths = LoginPaths.install(stack, 60);
      paths.run(1, 3);
      statements = LoginStatements.of(stack.keycloak().log(), paths);
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
            + cpu.markdown()
            + "\n"
            + profile
            + statements.markdown();
    System.out.println(body);
    BenchmarkReport.replaceSection(report, "First and returning login", body);
  }

  /** p50 / p95 of each path, and the company flow's p50 over each built-in path's. */
  private static String table(Map<Integer, Latencies[][]> timings) {
    StringBuilder md =
        new StringBuilder(
            "| clients | kind | company flow p50 / p95 ms | built-in p50 / p95 ms | built-in with"
                + " Organizations p50 / p95 ms | p50 ratio to built-in | p50 ratio to built-in"
                + " with Organizations |\n|---:|---|---:|---:|---:|---:|---:|\n");
    timings.forEach(
        (clients, latencies) -> {
          for (int kind = 0; kind < KINDS.length; kind++) {
            md.append(String.format("| %d | %s |", clients, KINDS[kind]));
            for (Latencies[] path : latencies) {
              md.append(
                  String.format(
                      " %.1f / %.1f |",
                      path[kind].percentileMillis(50), path[kind].percentileMillis(95)));
            }
            double company = latencies[0][kind].percentileMillis(50);
            md.append(
                String.format(
                    " **%.2fx** | **%.2fx** |%n",
                    company / latencies[1][kind].percentileMillis(50),
                    company / latencies[2][kind].percentileMillis(50)));
          }
        });
    return md.toString();
  }

  /**
   * The paths on one stack: the company {@code perf} in the workforce realm and the plain realms
   * {@code builtin} and {@code builtin-orgs}, all at the simulator's Initrode Okta org, whose
   * generated users are in groups every path's mapper maps.
   */
  static final class LoginPaths {

    static final String OKTA_ORG = "initrode";
    static final String PASSWORD = "Passw0rd!";
    static final String[] PATHS = {"company flow", "built-in", "built-in with organizations"};

    private final CompanySsoStack stack;
    private final AtomicInteger nextUser = new AtomicInteger();
    private final List<List<String>> signedIn =
        List.of(
            new CopyOnWriteArrayList<>(),
            new CopyOnWriteArrayList<>(),
            new CopyOnWriteArrayList<>());
    private final AtomicInteger nextReturning = new AtomicInteger();

    private LoginPaths(CompanySsoStack stack) {
      this.stack = stack;
    }

    static LoginPaths install(CompanySsoStack stack, int users) {
      new LoginPathRealms(stack).install();
      stack.okta().generateUsers(OKTA_ORG, users, LoginPathRealms.UPSTREAM_GROUPS);
      return new LoginPaths(stack);
    }

    /**
     * {@code rounds} of each path's first login, returning login and discovery step, interleaved,
     * by {@code clients} at once.
     *
     * @return latencies by path ({@link #PATHS}) and kind ({@link #KINDS})
     */
    Latencies[][] run(int clients, int rounds) throws Exception {
      ConcurrentLinkedQueue<int[]> work = new ConcurrentLinkedQueue<>();
      for (int round = 0; round < rounds; round++) {
        for (int kind = 0; kind < KINDS.length; kind++) {
          for (int turn = 0; turn < PATHS.length; turn++) {
            work.add(new int[] {(round + kind + turn) % PATHS.length, kind});
          }
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
          for (int path = 0; path < PATHS.length; path++) {
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
      Latencies[][] latencies = new Latencies[PATHS.length][KINDS.length];
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
        case 2 ->
            switch (path) {
              case 0 -> ssoPageDiscovery();
              case 1 -> discovery(path);
              default -> identityFirstDiscovery();
            };
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
          stack.keycloak().baseUrl(), LoginPathRealms.COMPANY, LoginPathRealms.COMPANY_IDP);
    }

    /**
     * Keycloak's own discovery page of Organizations (identity-first): the submit of an address in
     * the organization's domain, to the redirect to its provider (the page itself is not timed).
     */
    private long identityFirstDiscovery() {
      LoginHttp http = http(2);
      String page = http.get(http.authorization(Map.of())).body();
      URI submit = LoginHttp.formAction(page, "kc-form-login");
      long begin = System.nanoTime();
      HttpResponse<String> response =
          http.post(submit, Map.of("username", "someone@" + OKTA_ORG + ".example"));
      long nanos = System.nanoTime() - begin;
      DiscoveryBenchmark.expectBrokerRedirect(response, LoginPathRealms.BUILTIN_IDP);
      return nanos;
    }

    /** The authorization request with {@code company=} or {@code kc_idp_hint=} alone. */
    private long discovery(int path) {
      LoginHttp http = http(path);
      URI request = authorization(http, path);
      long begin = System.nanoTime();
      HttpResponse<String> response = http.get(request);
      long nanos = System.nanoTime() - begin;
      DiscoveryBenchmark.expectBrokerRedirect(
          response, path == 0 ? LoginPathRealms.COMPANY_IDP : LoginPathRealms.BUILTIN_IDP);
      return nanos;
    }

    private LoginHttp http(int path) {
      String realm =
          switch (path) {
            case 0 -> CompanySsoStack.REALM;
            case 1 -> LoginPathRealms.BUILTIN_REALM;
            default -> LoginPathRealms.ORGANIZATIONS_REALM;
          };
      return new LoginHttp(stack.keycloak().baseUrl(), realm);
    }

    private static URI authorization(LoginHttp http, int path) {
      return http.authorization(
          path == 0
              ? Map.of("company", LoginPathRealms.COMPANY)
              : Map.of("kc_idp_hint", LoginPathRealms.BUILTIN_IDP));
    }
  }
}
