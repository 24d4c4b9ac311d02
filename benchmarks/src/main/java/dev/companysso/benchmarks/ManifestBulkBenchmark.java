package dev.companysso.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.keycloak.admin.client.Keycloak;

/**
 * Onboarding many companies at once, three ways on one Keycloak in one run, each into a realm of
 * its own: {@code benchmark.companies} (default 10,000) companies, each an organization with a
 * verified domain, an OIDC sign-in linked to it and a group-to-role table.
 *
 * <ol>
 *   <li>company manifests, {@code POST …/company-sso/companies:batch} with {@code benchmark.batch}
 *       (default 100) manifests a request, from {@code benchmark.threads} (default 2) client
 *       threads;
 *   <li>Keycloak's admin REST API, as a script does it: per company {@code POST organizations},
 *       {@code POST identity-provider/instances}, {@code POST
 *       organizations/{id}/identity-providers}, {@code POST
 *       identity-provider/instances/{alias}/mappers}, from as many threads;
 *   <li>Keycloak's realm import of the same companies in one realm file, {@code kc.sh import
 *       --file}, as a user's CI runs it (in a process of its own, after the server has stopped, on
 *       a copy of the installation), given at most {@code benchmark.importMinutes} (default 35).
 * </ol>
 *
 * <p>The Keycloak JVM's heap after a full GC is sampled during the first two (its maximum is
 * reported), and the manifest path's rate per 1,000 companies shows whether it slows as the realm
 * grows. Results: stdout and {@code benchmark.report} (section "Companies as code: bulk
 * onboarding").
 */
public final class ManifestBulkBenchmark {

  private static final String DEFAULT_COMMAND =
      "mvn -B -pl benchmarks -am -DskipTests -Pmanifest-bulk-benchmark package";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HEAP_PERIOD_MILLIS = 5_000;
  private static final int CHUNK = 1_000;
  private static final String RULES =
      "[{\"key\": \"Engineering\", \"value\": \"Engineer\"}, {\"key\": \"glob:site-*\","
          + " \"value\": \"Field\"}]";

  private record Settings(
      int companies,
      int warmup,
      int batch,
      int threads,
      int importMinutes,
      String keycloakVersion) {}

  /** One way's result; {@code seconds} null: it did not finish in its time. */
  private record Run(String what, int companies, Double seconds, int requests, double heapMib) {}

  private final Settings settings;
  private final BearerHttp admin;
  private final long keycloakPid;
  private final List<String> chunks = new ArrayList<>();
  private double importStart;
  private String importOutcome = "";

  private ManifestBulkBenchmark(Settings settings, BearerHttp admin, long keycloakPid) {
    this.settings = settings;
    this.admin = admin;
    this.keycloakPid = keycloakPid;
  }

  public static void main(String[] args) throws Exception {
    KeycloakDistribution distribution = KeycloakDistribution.fromSystemProperties();
    Settings settings =
        new Settings(
            Integer.getInteger("benchmark.companies", 10_000),
            Integer.getInteger("benchmark.warmup", 300),
            Integer.getInteger("benchmark.batch", 100),
            Integer.getInteger("benchmark.threads", 2),
            Integer.getInteger("benchmark.importMinutes", 35),
            BenchmarkReport.keycloakVersion(distribution.home()));
    Path report =
        Path.of(System.getProperty("benchmark.report", "target/manifest-bulk-benchmark.md"));
    List<Run> runs = new ArrayList<>();
    ManifestBulkBenchmark benchmark;
    try (CompanySsoStack stack =
            CompanySsoStack.start(
                distribution,
                CompanySsoStack.Ports.free(),
                Path.of("target", "keycloak-manifest-bulk-benchmark.log").toAbsolutePath());
        Keycloak adminClient = stack.keycloak().adminClient()) {
      benchmark =
          new ManifestBulkBenchmark(
              settings,
              BearerHttp.admin(adminClient, stack.keycloak().baseUrl()),
              stack.keycloak().jvmPid());
      // Each way first onboards a few hundred companies into a realm of their own, untimed, so
      // that none is measured while the server's code is still being compiled.
      benchmark.manifests("warm-manifests", settings.warmup(), false);
      benchmark.adminRest("warm-rest", settings.warmup());
      System.out.printf("Warm-up: %d companies each way%n", settings.warmup());
      runs.add(benchmark.manifests("bulk-manifests", settings.companies(), true));
      runs.add(benchmark.adminRest("bulk-rest", settings.companies()));
    }
    // Keycloak's own import runs in a process of its own, as in a user's CI: once the server is
    // stopped, on a copy of the same installation with a database of its own.
    runs.add(
        benchmark.realmImport(
            distribution.copyTo(Path.of("target", "bulk-import-keycloak").toAbsolutePath())));
    String section = benchmark.table(runs);
    System.out.println(section);
    BenchmarkReport.replaceSection(report, "Companies as code: bulk onboarding", section);
    System.out.println("Written to " + report.toAbsolutePath());
  }

  /** {@code chunked}: record the rate of each 1,000 companies. */
  private Run manifests(String name, int companies, boolean chunked) throws Exception {
    String realm = emptyRealm(name);
    int batches = (companies + settings.batch() - 1) / settings.batch();
    HeapSampler heap = new HeapSampler(keycloakPid, HEAP_PERIOD_MILLIS);
    double seconds = 0;
    try {
      int perChunk = Math.max(1, CHUNK / settings.batch());
      for (int first = 0; first < batches; first += perChunk) {
        int last = Math.min(batches, first + perChunk);
        ParallelCalls.Result chunk =
            ParallelCalls.run(first, last, settings.threads(), n -> batch(realm, n, companies));
        seconds += chunk.seconds();
        int firstCompany = first * settings.batch();
        int lastCompany = Math.min(companies, last * settings.batch());
        String line =
            String.format(
                "companies %,d–%,d: %.0f companies/s",
                firstCompany + 1, lastCompany, (lastCompany - firstCompany) / chunk.seconds());
        if (chunked) {
          chunks.add(line);
          System.out.println("Manifests " + line);
        }
      }
    } finally {
      heap.close();
    }
    return new Run(
        "company manifests, `POST …/companies:batch` (" + settings.batch() + " a request)",
        companies,
        seconds,
        batches,
        heap.maxMib());
  }

  /** One batch request of manifests {@code n * batch} to the next batch; answers its nanos. */
  private long batch(String realm, int n, int companies) {
    ArrayNode manifests = JSON.createArrayNode();
    int from = n * settings.batch();
    for (int i = from; i < Math.min(companies, from + settings.batch()); i++) {
      manifests.add(manifest(i));
    }
    ObjectNode body = JSON.createObjectNode().set("companies", manifests);
    long start = System.nanoTime();
    HttpResponse<String> answer =
        admin.send(
            "POST", "/admin/realms/" + realm + "/company-sso/companies:batch", body.toString());
    long nanos = System.nanoTime() - start;
    JsonNode outcomes = expect(answer, 200, "batch " + n).path("companies");
    for (JsonNode outcome : outcomes) {
      if (!outcome.path("applied").asBoolean()) {
        throw new IllegalStateException("Not applied: " + outcome);
      }
    }
    return nanos;
  }

  private Run adminRest(String name, int companies) throws Exception {
    String realm = emptyRealm(name);
    HeapSampler heap = new HeapSampler(keycloakPid, HEAP_PERIOD_MILLIS);
    ParallelCalls.Result result;
    try {
      result = ParallelCalls.run(0, companies, settings.threads(), n -> rest(realm, n));
    } finally {
      heap.close();
    }
    return new Run(
        "Keycloak admin REST, 4 requests a company (baseline)",
        companies,
        result.seconds(),
        companies * 4,
        heap.maxMib());
  }

  private long rest(String realm, int n) {
    String base = "/admin/realms/" + realm;
    long start = System.nanoTime();
    HttpResponse<String> organization =
        admin.send("POST", base + "/organizations", organization(n).toString());
    expect(organization, 201, "organization " + n);
    String location = organization.headers().firstValue("Location").orElseThrow();
    String organizationId = location.substring(location.lastIndexOf('/') + 1);
    expect(
        admin.send("POST", base + "/identity-provider/instances", provider(n, false).toString()),
        201,
        "identity provider " + n);
    expect(
        admin.send(
            "POST",
            base + "/organizations/" + organizationId + "/identity-providers",
            "\"" + alias(n) + "\""),
        204,
        "link " + n);
    expect(
        admin.send(
            "POST",
            base + "/identity-provider/instances/" + alias(n) + "/mappers",
            mapper(n).toString()),
        201,
        "table " + n);
    return System.nanoTime() - start;
  }

  /**
   * {@code kc.sh import --file} of the companies in one realm representation; the same command with
   * an empty realm first, whose time is the command's own start and stop.
   */
  private Run realmImport(KeycloakDistribution copy) throws Exception {
    Path log = Path.of("target", "keycloak-bulk-import.log").toAbsolutePath();
    long start = System.nanoTime();
    copy.importRealm(representation("bulk-import-empty", 0), log, Duration.ofMinutes(10));
    importStart = (System.nanoTime() - start) / 1e9;
    System.out.printf("kc.sh import of an empty realm: %.1f s%n", importStart);
    Path file = representation("bulk-import", settings.companies());
    start = System.nanoTime();
    OptionalInt exit = copy.importRealm(file, log, Duration.ofMinutes(settings.importMinutes()));
    double elapsed = (System.nanoTime() - start) / 1e9;
    // A failed import (Keycloak's transaction timeout ends one that runs too long) is reported as
    // not finished, with when it failed: it imported nothing.
    Double seconds = exit.isPresent() && exit.getAsInt() == 0 ? elapsed : null;
    importOutcome =
        exit.isEmpty()
            ? "stopped after the time given"
            : exit.getAsInt() == 0
                ? "finished"
                : String.format(
                    "failed after %.0f s (exit %d, see %s)", elapsed, exit.getAsInt(), log);
    System.out.println("kc.sh import: " + importOutcome);
    return new Run(
        "Keycloak realm import, `kc.sh import --file` (baseline)",
        settings.companies(),
        seconds,
        1,
        0);
  }

  private static Path representation(String name, int companies) throws Exception {
    ObjectNode realm = realmRepresentation(name);
    ArrayNode organizations = realm.putArray("organizations");
    ArrayNode providers = realm.putArray("identityProviders");
    ArrayNode mappers = realm.putArray("identityProviderMappers");
    for (int n = 0; n < companies; n++) {
      ObjectNode organization = organization(n);
      organization.putArray("identityProviders").addObject().put("alias", alias(n));
      organizations.add(organization);
      providers.add(provider(n, false));
      mappers.add(mapper(n));
    }
    Path file = Path.of("target", name + ".json").toAbsolutePath();
    JSON.writeValue(file.toFile(), realm);
    return file;
  }

  private String emptyRealm(String name) {
    expect(admin.send("POST", "/admin/realms", realmRepresentation(name).toString()), 201, name);
    return name;
  }

  private static ObjectNode realmRepresentation(String name) {
    ObjectNode realm = JSON.createObjectNode();
    realm.put("realm", name).put("enabled", true).put("organizationsEnabled", true);
    ArrayNode roles = realm.putObject("roles").putArray("realm");
    for (String role : List.of("Worker", "Engineer", "Field")) {
      roles.addObject().put("name", role);
    }
    return realm;
  }

  private static String code(int n) {
    return String.format("bulk-%05d", n);
  }

  private static String alias(int n) {
    return code(n) + "-oidc";
  }

  private static ObjectNode organization(int n) {
    ObjectNode organization = JSON.createObjectNode();
    organization.put("name", "Bulk " + n).put("alias", code(n)).put("enabled", true);
    organization
        .putArray("domains")
        .addObject()
        .put("name", code(n) + ".example")
        .put("verified", true);
    return organization;
  }

  /** The sign-in; {@code reference}: its secret as a manifest gives it. */
  private static ObjectNode provider(int n, boolean reference) {
    ObjectNode provider = JSON.createObjectNode();
    provider.put("alias", alias(n)).put("providerId", "oidc").put("enabled", true);
    provider.put("hideOnLogin", true);
    provider.set("config", providerConfig(n, reference));
    return provider;
  }

  private static ObjectNode providerConfig(int n, boolean reference) {
    String issuer = "https://" + code(n) + ".idp.example";
    ObjectNode config = JSON.createObjectNode();
    config
        .put("clientId", "keycloak-" + code(n))
        .put("clientSecret", reference ? "${BULK_CLIENT_SECRET:bulk-secret}" : "bulk-secret")
        .put("clientAuthMethod", "client_secret_post")
        .put("issuer", issuer)
        .put("authorizationUrl", issuer + "/authorize")
        .put("tokenUrl", issuer + "/token")
        .put("syncMode", "FORCE");
    return config;
  }

  private static ObjectNode mapper(int n) {
    ObjectNode mapper = JSON.createObjectNode();
    mapper
        .put("name", "groups to roles")
        .put("identityProviderAlias", alias(n))
        .put("identityProviderMapper", "company-group-role-mapper");
    mapper.putObject("config").put("syncMode", "FORCE").put("claim", "groups").put("rules", RULES);
    return mapper;
  }

  private static ObjectNode manifest(int n) {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("code", code(n)).put("name", "Bulk " + n).put("enabled", true);
    manifest
        .putArray("domains")
        .addObject()
        .put("name", code(n) + ".example")
        .put("verified", true);
    ObjectNode provider = manifest.putArray("identityProviders").addObject();
    provider.put("alias", alias(n)).put("type", "oidc");
    ObjectNode config = providerConfig(n, true);
    config.remove("syncMode");
    provider.set("config", config);
    ObjectNode table = manifest.putArray("ruleTables").addObject();
    table.put("identityProvider", alias(n)).put("name", "groups to roles").put("kind", "roles");
    ArrayNode rules = table.putArray("rules");
    rules.addObject().put("group", "Engineering").putArray("to").add("Engineer");
    rules.addObject().put("group", "glob:site-*").putArray("to").add("Field");
    table.putObject("settings").put("claim", "groups");
    return manifest;
  }

  private static JsonNode expect(HttpResponse<String> answer, int status, String what) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + answer.body());
    }
    try {
      return answer.body() == null || answer.body().isBlank()
          ? JSON.createObjectNode()
          : JSON.readTree(answer.body());
    } catch (Exception e) {
      throw new IllegalStateException(what + ": " + answer.body(), e);
    }
  }

  private String table(List<Run> runs) {
    Run manifests = runs.get(0);
    StringBuilder out = new StringBuilder();
    out.append(
            String.format(
                "Measured %s on %s, Keycloak %s (start-dev, H2), %,d companies each (an organization"
                    + " with a verified domain, an OIDC sign-in linked to it and a group-to-role"
                    + " table), each way into a realm of its own after %d untimed ones into another,"
                    + " %d client threads. Command: `%s` (`-Dbenchmark.companies=1000` for a quick"
                    + " look).%n%n",
                LocalDate.now(),
                BenchmarkReport.machine(),
                settings.keycloakVersion(),
                settings.companies(),
                settings.warmup(),
                settings.threads(),
                System.getProperty("benchmark.command", DEFAULT_COMMAND)))
        .append(
            "| way | time | companies/s | requests | Keycloak heap after GC, max | manifests faster by |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Run run : runs) {
      out.append(
          String.format(
              "| %s | %s | %s | %,d | %s | %s |%n",
              run.what(),
              run.seconds() == null
                  ? "not finished (below)"
                  : String.format("%.1f s", run.seconds()),
              run.seconds() == null ? "–" : String.format("%.0f", run.companies() / run.seconds()),
              run.requests(),
              run.heapMib() > 0 ? String.format("%.0f MiB", run.heapMib()) : "(own process)",
              run == manifests
                  ? "–"
                  : run.seconds() == null
                      ? String.format(
                          "more than %.0fx", settings.importMinutes() * 60 / manifests.seconds())
                      : String.format("%.1fx", run.seconds() / manifests.seconds())));
    }
    out.append(
        String.format(
            "%n`kc.sh import` of an empty realm (the command's own start and stop) took %.1f s,"
                + " included above. The import of the companies: %s.%n",
            importStart, importOutcome));
    out.append(
        "\nThe manifest path, 1,000 companies at a time (a slowdown as the realm grows would show here):\n\n");
    chunks.forEach(line -> out.append("- ").append(line).append('\n'));
    return out.toString();
  }
}
