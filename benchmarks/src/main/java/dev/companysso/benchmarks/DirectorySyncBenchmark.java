package dev.companysso.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Directory sync at scale on the real distribution: {@code benchmark.users} (default 100,000)
 * generated users in the Okta and Entra simulators, a full sync of each through Keycloak's own sync
 * endpoint (users/s, live heap, requests), the same full sync again with nothing changed, and a
 * changed-users sync after 100 profile changes (time, requests). Linearity: the rate over the first
 * and the second half of the first full sync. Baseline: Keycloak's partial import ({@code POST
 * /partialImport}, batches of 1,000) of as many users of the same shape (names, e-mail, an
 * attribute, the Worker role, a federated identity link), in the same run.
 */
public final class DirectorySyncBenchmark {

  private static final int CHANGED = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A simulated directory: its provider in the realm, its request counter, a profile change. */
  private record Vendor(String name, String provider, LongSupplier requests, IntConsumer change) {}

  private record Run(String what, int users, double seconds, double heapMib, long requests) {}

  public static void main(String[] args) throws Exception {
    int users = Integer.getInteger("benchmark.users", 100_000);
    Path report = Path.of(System.getProperty("benchmark.report", "docs/benchmarks.md"));
    List<Run> runs = new ArrayList<>();
    List<String> halves = new ArrayList<>();
    try (CompanySsoStack stack =
            CompanySsoStack.start(
                KeycloakDistribution.fromSystemProperties(),
                CompanySsoStack.Ports.free(),
                Path.of("target", "keycloak-benchmark.log").toAbsolutePath());
        Keycloak admin = stack.keycloak().adminClient()) {
      BearerHttp http = BearerHttp.admin(admin, stack.keycloak().baseUrl());
      long pid = stack.keycloak().jvmPid();

      // The tests read globex in pages of 3; a benchmark reads it as Okta serves it, 200 a page.
      stack.okta().setApiPageSize(CompanySsoStack.GLOBEX_ORG, 200);
      stack.okta().generateUsers(CompanySsoStack.GLOBEX_ORG, users);
      Vendor okta =
          new Vendor(
              "Okta",
              "globex-directory",
              () -> stack.okta().apiRequests(CompanySsoStack.GLOBEX_ORG),
              n ->
                  stack
                      .okta()
                      .updateProfile(
                          CompanySsoStack.GLOBEX_ORG,
                          String.format("gen%07d@globex.example", n),
                          Map.of("department", "Changed")));
      String fabrikam = CompanySsoStack.FABRIKAM_TENANT_ID;
      stack.entra().generateUsers(fabrikam, users);
      Vendor entra =
          new Vendor(
              "Entra",
              "fabrikam-directory",
              () -> stack.entra().apiRequests(fabrikam),
              n ->
                  stack
                      .entra()
                      .updateProfile(
                          fabrikam,
                          String.format("gen%07d@fabrikam.example", n),
                          Map.of("department", "Changed")));
      // The Okta changed-users search reads from one minute before the last run started (clock
      // skew): generated users younger than that would all count as changed.
      Thread.sleep(65_000);
      for (Vendor vendor : List.of(okta, entra)) {
        runs.add(sync(http, pid, vendor, vendor.name() + " full sync", users, true, halves));
        for (int n = 1; n <= CHANGED; n++) {
          vendor.change().accept(n);
        }
        runs.add(
            sync(
                http,
                pid,
                vendor,
                vendor.name() + " changed users (100 changed)",
                CHANGED,
                false,
                null));
      }
      runs.add(partialImport(admin, pid, users));
    }
    String table = table(runs, halves, users);
    System.out.println(table);
    BenchmarkReport.replaceSection(report, "Directory sync", table);
  }

  private static Run sync(
      BearerHttp http,
      long pid,
      Vendor vendor,
      String what,
      int users,
      boolean full,
      List<String> halves)
      throws Exception {
    long before = vendor.requests().getAsLong();
    ManagedCount count = halves == null ? null : new ManagedCount(http, vendor.provider());
    long start = System.nanoTime();
    JsonNode result;
    try (HeapSampler heap = new HeapSampler(pid, 5_000)) {
      result = runAndWait(http, vendor.provider(), full ? "full" : "changed");
      double seconds = (System.nanoTime() - start) / 1e9;
      heap.close();
      if (count != null) {
        halves.add(what + ": " + count.halves(start));
      }
      System.out.printf("%s: %.1f s, %s%n", what, seconds, result);
      if (!"COMPLETED".equals(result.path("outcome").asText())
          || result.path("failed").asInt() > 0) {
        throw new IllegalStateException(what + " failed: " + result);
      }
      return new Run(what, users, seconds, heap.maxMib(), vendor.requests().getAsLong() - before);
    }
  }

  /** Keycloak's own bulk path for the same users: partial import. */
  private static Run partialImport(Keycloak admin, long pid, int users) throws Exception {
    long start = System.nanoTime();
    try (HeapSampler heap = new HeapSampler(pid, 5_000)) {
      for (int from = 0; from < users; from += 1_000) {
        List<UserRepresentation> batch = new ArrayList<>();
        for (int n = from + 1; n <= Math.min(users, from + 1_000); n++) {
          batch.add(baselineUser(n));
        }
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setUsers(batch);
        partial.setIfResourceExists("SKIP");
        admin.realm(CompanySsoStack.REALM).partialImport(partial).close();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      heap.close();
      System.out.printf("partial import: %.1f s%n", seconds);
      return new Run(
          "built-in partial import (baseline)", users, seconds, heap.maxMib(), users / 1_000);
    }
  }

  private static UserRepresentation baselineUser(int n) {
    UserRepresentation user = new UserRepresentation();
    String login = String.format("base%07d@baseline.example", n);
    user.setUsername(login);
    user.setEmail(login);
    user.setFirstName("Base");
    user.setLastName(String.format("User %07d", n));
    user.setEnabled(true);
    user.setAttributes(Map.of("department", List.of("Generated")));
    user.setRealmRoles(List.of("Worker"));
    FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
    link.setIdentityProvider("globex-okta");
    link.setUserId(String.format("00ubase%010d", n));
    link.setUserName(login);
    user.setFederatedIdentities(List.of(link));
    return user;
  }

  /**
   * Starts a run with the bundle's asynchronous endpoint (a run of 100,000 users outlasts the
   * request transaction of Keycloak's own sync endpoint) and waits for its report.
   */
  private static JsonNode runAndWait(BearerHttp http, String provider, String mode)
      throws Exception {
    String directory =
        "/admin/realms/" + CompanySsoStack.REALM + "/company-sso-directory/" + provider;
    String before = lastRun(http, directory).path("started").asText("");
    HttpResponse<String> accepted =
        http.send("POST", directory + "/sync?async=true&mode=" + mode, null);
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException(
          mode + " sync answered " + accepted.statusCode() + ": " + accepted.body());
    }
    while (true) {
      Thread.sleep(1_000);
      JsonNode report = lastRun(http, directory);
      if (!report.path("started").asText("").equals(before)) {
        return report;
      }
    }
  }

  private static JsonNode lastRun(BearerHttp http, String directory) throws Exception {
    HttpResponse<String> response = http.send("GET", directory + "/last-run", null);
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
  }

  /**
   * Polls how many users the provider manages while a first full sync runs, to tell the rate of its
   * first and second half apart.
   */
  private static final class ManagedCount {

    private final List<long[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ManagedCount(BearerHttp http, String provider) {
      String path =
          "/admin/realms/"
              + CompanySsoStack.REALM
              + "/users/count?q=companySso.directory:"
              + provider;
      thread =
          new Thread(
              () -> {
                while (running) {
                  try {
                    HttpResponse<String> response = http.send("GET", path, null);
                    synchronized (samples) {
                      samples.add(
                          new long[] {System.nanoTime(), Long.parseLong(response.body().strip())});
                    }
                    Thread.sleep(2_000);
                  } catch (Exception e) {
                    return;
                  }
                }
              },
              "managed-count");
      thread.setDaemon(true);
      thread.start();
    }

    /** "first half X users/s, second half Y users/s". */
    String halves(long start) throws InterruptedException {
      running = false;
      thread.join(10_000);
      synchronized (samples) {
        long total = samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[1];
        long[] middle = samples.stream().filter(s -> s[1] >= total / 2).findFirst().orElse(null);
        long[] last = samples.stream().filter(s -> s[1] >= total).findFirst().orElse(null);
        if (middle == null || last == null || last[0] <= middle[0]) {
          return "too few samples";
        }
        double first = middle[1] / ((middle[0] - start) / 1e9);
        double second = (last[1] - middle[1]) / ((last[0] - middle[0]) / 1e9);
        return String.format(
            "first half %.0f users/s, second half %.0f users/s (%.2f)",
            first, second, second / first);
      }
    }
  }

  private static String table(List<Run> runs, List<String> halves, int users) {
    double baseline = runs.get(runs.size() - 1).users() / runs.get(runs.size() - 1).seconds();
    StringBuilder table =
        new StringBuilder()
            .append("Measured ")
            .append(LocalDate.now())
            .append(" on this project's 2-core machine, Keycloak 26.7.3 `start-dev` (H2 file")
            .append(" database, default 512 MiB heap), ")
            .append(String.format("%,d", users))
            .append(" generated users per directory; the realm export's group tables run for")
            .append(" every user (one groups request per user). Live heap: largest heap after a")
            .append(" forced full GC, sampled every 5 s during the run.\n\n")
            .append(
                "Command: `mvn -B -pl benchmarks -am -DskipTests -Pdirectory-sync-benchmark package`\n\n")
            .append(
                "| run | users | seconds | users/s | live heap MiB | requests | users/s / baseline |\n")
            .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Run run : runs) {
      double rate = run.users() / run.seconds();
      table.append(
          String.format(
              "| %s | %,d | %.1f | %.0f | %.0f | %,d | %.2f |%n",
              run.what(),
              run.users(),
              run.seconds(),
              rate,
              run.heapMib(),
              run.requests(),
              rate / baseline));
    }
    table.append("\nLinearity (first full sync):\n\n");
    halves.forEach(line -> table.append("- ").append(line).append('\n'));
    return table.toString();
  }
}
