package dev.companysso.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToLongFunction;
import java.util.function.Predicate;
import org.keycloak.admin.client.Keycloak;

/**
 * SCIM provisioning at scale on the real distribution, next to Keycloak's admin REST API in the
 * same run, on one Keycloak:
 *
 * <ol>
 *   <li>creation: {@code benchmark.users} (default 10,000) users through the admin REST API ({@code
 *       POST /admin/realms/workforce/users}), then as many through company acme's SCIM endpoint
 *       ({@code POST …/company-scim/acme/v2/Users}, Okta's payload), each by {@code
 *       benchmark.threads} client threads (default 4) after {@code benchmark.warmup} (default 200)
 *       untimed creations of its kind;
 *   <li>lookups: SCIM {@code GET /Users?filter=userName eq "…"} and the admin REST {@code GET
 *       /users?username=…&exact=true} of random SCIM users, {@code benchmark.lookups} (default
 *       2,000) requests per cell after 200 warm-up ones, by 1 and by {@code benchmark.threads}
 *       client threads; once at the size step 1 leaves, and again after SCIM has created users up
 *       to {@code benchmark.filterUsers} (default 100,000) in the company.
 * </ol>
 *
 * <p>The extra users are created through SCIM, not imported: a partial import cannot make a user a
 * managed member of an organization (Keycloak keeps that as the membership's type), so it would not
 * give the shape SCIM gives (UserWriter.create). Results: stdout and {@code benchmark.report}
 * (section "SCIM provisioning").
 */
public final class ScimBenchmark {

  private static final String REALM = CompanySsoStack.REALM;
  private static final String COMPANY = CompanySsoStack.ACME_ORG;
  private static final String ADMIN_USERS = "/admin/realms/" + REALM + "/users";
  private static final String DEFAULT_COMMAND =
      "mvn -B -pl benchmarks -am -DskipTests -Pscim-benchmark package";
  private static final String ADMIN_CREATE = "admin REST `POST /users` (baseline)";
  private static final String SCIM_CREATE = "SCIM `POST /Users`";
  private static final String ADMIN_LOOKUP = "admin REST `GET /users?username=…&exact=true`";
  private static final String SCIM_LOOKUP = "SCIM `GET /Users?filter=userName eq \"…\"`";
  private static final int LOOKUP_WARMUP = 200;
  private static final int TOP_UP_CHUNK = 10_000;
  private static final long HEAP_PERIOD_MILLIS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Settings(
      int users, int filterUsers, int threads, int lookups, int warmup, String keycloakVersion) {}

  private record Creation(String what, ParallelCalls.Result result, double heapMib) {}

  private record Lookup(
      long companyUsers, long realmUsers, String what, int threads, ParallelCalls.Result result) {}

  private final Settings settings;
  private final BearerHttp admin;
  private final BearerHttp scim;
  private final long keycloakPid;

  private ScimBenchmark(Settings settings, BearerHttp admin, BearerHttp scim, long keycloakPid) {
    this.settings = settings;
    this.admin = admin;
    this.scim = scim;
    this.keycloakPid = keycloakPid;
  }

  public static void main(String[] args) throws Exception {
    KeycloakDistribution distribution = KeycloakDistribution.fromSystemProperties();
    Settings settings =
        new Settings(
            Integer.getInteger("benchmark.users", 10_000),
            Integer.getInteger("benchmark.filterUsers", 100_000),
            Integer.getInteger("benchmark.threads", 4),
            Integer.getInteger("benchmark.lookups", 2_000),
            Integer.getInteger("benchmark.warmup", 200),
            BenchmarkReport.keycloakVersion(distribution.home()));
    Path report = Path.of(System.getProperty("benchmark.report", "target/scim-benchmark.md"));
    long start = System.nanoTime();
    List<Creation> creations = new ArrayList<>();
    List<Lookup> lookups = new ArrayList<>();
    List<String> chunks = new ArrayList<>();
    try (CompanySsoStack stack =
            CompanySsoStack.start(
                distribution,
                CompanySsoStack.Ports.free(),
                Path.of("target", "keycloak-scim-benchmark.log").toAbsolutePath());
        Keycloak adminClient = stack.keycloak().adminClient()) {
      String base = stack.keycloak().baseUrl();
      BearerHttp admin = BearerHttp.admin(adminClient, base);
      String token = scimToken(admin);
      BearerHttp scim =
          new BearerHttp(
              base + "/realms/" + REALM + "/company-scim/" + COMPANY + "/v2",
              "application/scim+json",
              () -> token);
      ScimBenchmark benchmark = new ScimBenchmark(settings, admin, scim, stack.keycloak().jvmPid());
      creations.addAll(benchmark.creations());
      int scimUsers = settings.warmup() + settings.users();
      lookups.addAll(benchmark.lookups(scimUsers));
      if (settings.filterUsers() > scimUsers) {
        creations.add(benchmark.topUp(scimUsers + 1, settings.filterUsers(), chunks));
        lookups.addAll(benchmark.lookups(settings.filterUsers()));
      }
    }
    String section =
        table(settings, creations, lookups, chunks, (System.nanoTime() - start) / 60e9);
    System.out.println(section);
    BenchmarkReport.replaceSection(report, "SCIM provisioning", section);
    System.out.println("Written to " + report.toAbsolutePath());
  }

  /** The company's SCIM token, issued through the bundle's admin REST API. */
  private static String scimToken(BearerHttp admin) throws JsonProcessingException {
    HttpResponse<String> issued =
        admin.send(
            "POST", "/admin/realms/" + REALM + "/company-sso-scim/" + COMPANY + "/token", null);
    return expect(issued, 201, "SCIM token").path("token").asText();
  }

  /** Steps 1 and 2: warm-up, then the timed admin REST and SCIM creations. */
  private List<Creation> creations() throws Exception {
    int warmup = settings.warmup();
    int last = warmup + settings.users();
    ParallelCalls.run(1, warmup + 1, settings.threads(), this::createAdmin);
    ParallelCalls.run(1, warmup + 1, settings.threads(), this::createScim);
    System.out.printf("Warm-up: %d users created through each path%n", warmup);
    return List.of(
        create(ADMIN_CREATE, warmup + 1, last + 1, this::createAdmin),
        create(SCIM_CREATE, warmup + 1, last + 1, this::createScim));
  }

  private Creation create(String what, int from, int to, IntToLongFunction call) throws Exception {
    HeapSampler heap = new HeapSampler(keycloakPid, HEAP_PERIOD_MILLIS);
    ParallelCalls.Result result;
    try {
      result = ParallelCalls.run(from, to, settings.threads(), call);
    } finally {
      heap.close();
    }
    System.out.printf(
        "%s: %,d users in %.1f s, %.0f users/s%n",
        what, result.calls(), result.seconds(), result.perSecond());
    return new Creation(what, result, heap.maxMib());
  }

  /** Step 3's extra users through SCIM, {@value #TOP_UP_CHUNK} at a time to show the trend. */
  private Creation topUp(int from, int to, List<String> chunks) throws Exception {
    HeapSampler heap = new HeapSampler(keycloakPid, HEAP_PERIOD_MILLIS);
    Latencies latencies = new Latencies();
    double seconds = 0;
    try {
      for (int first = from; first <= to; first += TOP_UP_CHUNK) {
        int last = Math.min(to, first + TOP_UP_CHUNK - 1);
        ParallelCalls.Result chunk =
            ParallelCalls.run(first, last + 1, settings.threads(), this::createScim);
        latencies.addAll(chunk.latencies());
        seconds += chunk.seconds();
        String line =
            String.format(
                "users %,d–%,d: %.0f users/s, p50 %.1f ms",
                first, last, chunk.perSecond(), chunk.latencies().percentileMillis(50));
        chunks.add(line);
        System.out.println("SCIM top-up " + line);
      }
    } finally {
      heap.close();
    }
    return new Creation(
        String.format("%s, up to %,d company users", SCIM_CREATE, to),
        new ParallelCalls.Result(to - from + 1, seconds, latencies),
        heap.maxMib());
  }

  /** Step 3: both lookups, by 1 and by {@code threads} threads, with {@code scimUsers} in acme. */
  private List<Lookup> lookups(int scimUsers) throws Exception {
    long company = total(scim.send("GET", "/Users?count=0", null), "totalResults");
    long realm =
        Long.parseLong(
            expectStatus(admin.send("GET", ADMIN_USERS + "/count", null), 200, "user count")
                .body()
                .strip());
    if (company != scimUsers) {
      System.out.printf("Note: acme holds %,d members, %,d were created%n", company, scimUsers);
    }
    List<Lookup> lookups = new ArrayList<>();
    for (int threads : settings.threads() == 1 ? List.of(1) : List.of(1, settings.threads())) {
      // Each path its own random users: the same ones would find the first path's in the cache.
      int[] adminPicks = picks(scimUsers, 2L * threads);
      int[] scimPicks = picks(scimUsers, 2L * threads + 1);
      lookups.add(
          new Lookup(
              company,
              realm,
              ADMIN_LOOKUP,
              threads,
              lookup(threads, n -> lookupAdmin(adminPicks[n]))));
      lookups.add(
          new Lookup(
              company,
              realm,
              SCIM_LOOKUP,
              threads,
              lookup(threads, n -> lookupScim(scimPicks[n]))));
    }
    for (Lookup lookup : lookups) {
      System.out.printf(
          "%,d company users, %s, %d threads: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
          lookup.companyUsers(),
          lookup.what(),
          lookup.threads(),
          lookup.result().latencies().percentileMillis(50),
          lookup.result().latencies().percentileMillis(95),
          lookup.result().latencies().percentileMillis(99));
    }
    return lookups;
  }

  /** Seeded random SCIM user numbers from 1 to {@code scimUsers}, one per lookup and warm-up. */
  private int[] picks(int scimUsers, long stream) {
    return new Random(scimUsers * 1_000L + stream)
        .ints(LOOKUP_WARMUP + settings.lookups(), 1, scimUsers + 1)
        .toArray();
  }

  private ParallelCalls.Result lookup(int threads, IntToLongFunction call) throws Exception {
    ParallelCalls.run(0, LOOKUP_WARMUP, threads, call);
    return ParallelCalls.run(LOOKUP_WARMUP, LOOKUP_WARMUP + settings.lookups(), threads, call);
  }

  private long createAdmin(int n) {
    String login = String.format("base%07d@baseline.example", n);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", login);
    user.put("email", login);
    user.put("emailVerified", true);
    user.put("firstName", "Base");
    user.put("lastName", String.format("User %07d", n));
    user.put("enabled", true);
    // As many attributes as SCIM writes (4), of the realm's user profile: admins may edit these.
    user.put(
        "attributes",
        Map.of(
            "middleName", List.of("Q"),
            "preferredName", List.of(String.format("Base User %07d", n)),
            "department", List.of("Generated"),
            "team", List.of("Benchmark")));
    return timed(admin, admin.request("POST", ADMIN_USERS, json(user)), 201, login, null);
  }

  private long createScim(int n) {
    String userName = scimUserName(n);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"));
    user.put("userName", userName);
    user.put("name", Map.of("givenName", "Scim", "familyName", String.format("User %07d", n)));
    user.put("emails", List.of(Map.of("primary", true, "value", userName, "type", "work")));
    user.put("displayName", String.format("Scim User %07d", n));
    user.put("active", true);
    return timed(scim, scim.request("POST", "/Users", json(user)), 201, userName, null);
  }

  private long lookupAdmin(int n) {
    String username = scimUserName(n);
    return timed(
        admin,
        admin.request(
            "GET", ADMIN_USERS + "?username=" + BearerHttp.query(username) + "&exact=true", null),
        200,
        username,
        body -> body.size() == 1 && username.equals(body.path(0).path("username").asText()));
  }

  private long lookupScim(int n) {
    String userName = scimUserName(n);
    return timed(
        scim,
        scim.request(
            "GET", "/Users?filter=" + BearerHttp.query("userName eq \"" + userName + "\""), null),
        200,
        userName,
        body ->
            body.path("totalResults").asInt() == 1
                && userName.equals(body.path("Resources").path(0).path("userName").asText()));
  }

  /**
   * Sends {@code request} and returns how long the answer took; then checks the status and, with
   * {@code check}, the JSON answer (not timed).
   */
  private static long timed(
      BearerHttp http, HttpRequest request, int status, String user, Predicate<JsonNode> check) {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request);
    long nanos = System.nanoTime() - start;
    expectStatus(response, status, user);
    if (check != null) {
      JsonNode body;
      try {
        body = JSON.readTree(response.body());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Not JSON for " + user + ": " + response.body(), e);
      }
      if (!check.test(body)) {
        throw new IllegalStateException("Unexpected answer for " + user + ": " + response.body());
      }
    }
    return nanos;
  }

  private static String scimUserName(int n) {
    return String.format("scim%07d@acme.example", n);
  }

  private static long total(HttpResponse<String> response, String field)
      throws JsonProcessingException {
    return expect(response, 200, field).path(field).asLong();
  }

  private static JsonNode expect(HttpResponse<String> response, int status, String what)
      throws JsonProcessingException {
    return JSON.readTree(expectStatus(response, status, what).body());
  }

  private static HttpResponse<String> expectStatus(
      HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " ("
              + what
              + ") answered "
              + response.statusCode()
              + " instead of "
              + status
              + ": "
              + response.body());
    }
    return response;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String table(
      Settings settings,
      List<Creation> creations,
      List<Lookup> lookups,
      List<String> chunks,
      double minutes) {
    StringBuilder md = new StringBuilder();
    md.append("Measured ")
        .append(LocalDate.now())
        .append(" on ")
        .append(BenchmarkReport.machine())
        .append("; Keycloak ")
        .append(settings.keycloakVersion())
        .append(" `start-dev` (H2 file database, default heap), started empty from the realm")
        .append(" export, one Keycloak for the whole run, client on the same machine. N = ")
        .append(String.format("%,d", settings.users()))
        .append(" users per creation path, M = ")
        .append(String.format("%,d", settings.filterUsers()))
        .append(" SCIM users for the second lookup size; ")
        .append(settings.threads())
        .append(" client threads (java.net.http, HTTP/1.1 keep-alive, each sends its next request")
        .append(" when the previous one is answered); ")
        .append(settings.warmup())
        .append(" untimed creations per path before the timed ones, ")
        .append(LOOKUP_WARMUP)
        .append(" untimed lookups before each lookup cell. Live heap: largest heap after a forced")
        .append(" full GC, sampled every ")
        .append(HEAP_PERIOD_MILLIS / 1000)
        .append(" s during each creation run (not during lookups). Whole run: ")
        .append(String.format("%.0f", minutes))
        .append(" min.\n\nCommand: `")
        .append(BenchmarkReport.command(DEFAULT_COMMAND))
        .append("`\n\n");
    appendCreations(md, creations, chunks);
    appendLookups(md, lookups);
    md.append(
        """

        Reading the numbers:

        - admin REST: checks the admin's token and rights, validates the user profile and stores \
        the user with e-mail (verified), first and last name and 4 attributes (middleName, \
        preferredName, department, team). No role, no organization.
        - SCIM does more per user: checks the company's token (SHA-256 against a realm \
        attribute) and finds the organization, looks up the userName and the e-mail for \
        uniqueness, stores the user with e-mail (verified: on acme's verified domain), names and \
        4 attributes (`companySso.scim` = the organization's id, `companySso.scim.userName`, \
        `companySso.scim.displayName`, `companySso.scim.lastModified`), makes the user a managed \
        member of the organization `acme`, grants the default role `Worker`, and answers the \
        whole SCIM User (201 with the resource). No `externalId` is sent, so no identity provider \
        link is made. Okta asks `GET /Users?filter=userName eq "…"` before each `POST`; the \
        creation rows time the `POST` alone, the lookup rows time that request.
        - The admin REST run comes first, so SCIM creates its users in a database that already \
        holds the baseline's.
        - The users up to M are created through SCIM too (the top-up rows), not imported: a \
        partial import cannot make a user a managed member of an organization, so it would not \
        give the shape SCIM gives.
        - Both lookups search the whole realm (every user above) by username; the SCIM one also \
        checks that the user is a visible member of acme and evaluates the filter on the user's \
        SCIM view before it answers. Each path looks up its own random SCIM users (seeded); \
        Keycloak's user cache (10,000 users by default) holds a larger share of them at the \
        smaller size, so a rise at the larger size may come from the cache, not the query.
        """);
    return md.toString();
  }

  private static void appendCreations(
      StringBuilder md, List<Creation> creations, List<String> chunks) {
    double baseline = creations.get(0).result().perSecond();
    md.append(
            "| run | users | seconds | users/s | p50 ms | p95 ms | p99 ms | live heap MiB | users/s / admin REST |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Creation creation : creations) {
      ParallelCalls.Result result = creation.result();
      md.append(
          String.format(
              "| %s | %,d | %.1f | %.0f | %.1f | %.1f | %.1f | %.0f | %.2f |%n",
              creation.what(),
              result.calls(),
              result.seconds(),
              result.perSecond(),
              result.latencies().percentileMillis(50),
              result.latencies().percentileMillis(95),
              result.latencies().percentileMillis(99),
              creation.heapMib(),
              result.perSecond() / baseline));
    }
    double ratio = creations.get(1).result().perSecond() / baseline;
    md.append(
        String.format(
            "%nSCIM / admin REST creation rate (same N, same threads): **%.2f** (target ≥ 0.80: %s).%n",
            ratio, ratio >= 0.8 ? "met" : "not met"));
    if (!chunks.isEmpty()) {
      md.append("\nSCIM creation as the company grows (top-up, ")
          .append(String.format("%,d", TOP_UP_CHUNK))
          .append(" users at a time):\n\n");
      chunks.forEach(line -> md.append("- ").append(line).append('\n'));
    }
  }

  private static void appendLookups(StringBuilder md, List<Lookup> lookups) {
    md.append(
            "\n| SCIM users in acme | users in realm | lookup | client threads | requests | requests/s | p50 ms | p95 ms | p99 ms | p50 / admin REST p50 |\n")
        .append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Double> adminP50 = new LinkedHashMap<>();
    Map<String, List<Double>> p50s = new LinkedHashMap<>();
    for (Lookup lookup : lookups) {
      Latencies latencies = lookup.result().latencies();
      double p50 = latencies.percentileMillis(50);
      String cell = lookup.companyUsers() + "/" + lookup.threads();
      if (lookup.what().equals(ADMIN_LOOKUP)) {
        adminP50.put(cell, p50);
      }
      p50s.computeIfAbsent(
              lookup.what()
                  + ", "
                  + lookup.threads()
                  + (lookup.threads() == 1 ? " thread" : " threads"),
              k -> new ArrayList<>())
          .add(p50);
      md.append(
          String.format(
              "| %,d | %,d | %s | %d | %,d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
              lookup.companyUsers(),
              lookup.realmUsers(),
              lookup.what(),
              lookup.threads(),
              lookup.result().calls(),
              lookup.result().perSecond(),
              p50,
              latencies.percentileMillis(95),
              latencies.percentileMillis(99),
              p50 / adminP50.get(cell)));
    }
    List<Long> sizes = lookups.stream().map(Lookup::companyUsers).distinct().toList();
    if (sizes.size() > 1) {
      md.append(
          String.format(
              "%nFlatness, lookup p50 at %,d / p50 at %,d SCIM users:",
              sizes.get(sizes.size() - 1), sizes.get(0)));
      p50s.forEach(
          (what, values) ->
              md.append(
                  String.format(" %s %.2f;", what, values.get(values.size() - 1) / values.get(0))));
      md.append('\n');
    }
  }
}
