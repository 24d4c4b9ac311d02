package dev.companysso.benchmarks;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import dev.companysso.harness.LoginHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * How long the request that decides where a worker goes takes, with 10 to 10,000 companies, next to
 * Keycloak's built-in Identity Provider Redirector ({@code kc_idp_hint}) in the same run:
 *
 * <ul>
 *   <li>built-in: {@code GET /auth?kc_idp_hint=<idp>} until the redirect to the broker;
 *   <li>deep link: {@code GET /auth?company=<code>} until the same redirect;
 *   <li>SSO page, code / e-mail: the submit of the Single Sign-On page until that redirect.
 * </ul>
 *
 * System properties: {@code benchmark.sizes} (default 10,1000,10000), {@code benchmark.samples} per
 * path and size (default 300), {@code benchmark.report} (the Markdown file to update).
 */
public final class DiscoveryBenchmark {

  private static final int WARMUP = 100;
  private static final String[] PATHS = {
    "built-in kc_idp_hint", "deep link company=", "SSO page, company code", "SSO page, work e-mail"
  };

  private DiscoveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes =
        Arrays.stream(System.getProperty("benchmark.sizes", "10,1000,10000").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip()))
            .toArray();
    int samples = Integer.getInteger("benchmark.samples", 300);
    Path report = Path.of(System.getProperty("benchmark.report", "docs/benchmarks.md"));
    Map<Integer, Latencies[]> results = new LinkedHashMap<>();
    try (CompanySsoStack stack =
        CompanySsoStack.start(
            KeycloakDistribution.fromSystemProperties(),
            CompanySsoStack.Ports.free(),
            Path.of("target", "keycloak-benchmark.log").toAbsolutePath())) {
      CompanySeeder seeder =
          new CompanySeeder(
              stack.keycloak()::adminClient,
              CompanySsoStack.REALM,
              stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG));
      int seeded = 0;
      for (int size : sizes) {
        long start = System.nanoTime();
        seeder.seed(seeded, size);
        System.out.printf(
            "Seeded companies %d..%d in %.0f s%n", seeded, size, (System.nanoTime() - start) / 1e9);
        seeded = size;
        results.put(size, measure(stack.keycloak().baseUrl(), size, samples));
        print(size, results.get(size));
      }
    }
    String table = table(results, samples);
    System.out.println(table);
    BenchmarkReport.replaceSection(report, "Company discovery", table);
  }

  private static Latencies[] measure(String keycloak, int companies, int samples) {
    Random random = new Random(companies);
    List<IntFunction<Long>> paths =
        List.of(
            i -> builtIn(keycloak, i),
            i -> deepLink(keycloak, i),
            i -> ssoPage(keycloak, CompanySeeder.companyCode(i), CompanySeeder.identityProvider(i)),
            i ->
                ssoPage(
                    keycloak,
                    "worker@" + CompanySeeder.domain(i),
                    CompanySeeder.identityProvider(i)));
    Latencies[] latencies = new Latencies[paths.size()];
    Arrays.setAll(latencies, p -> new Latencies());
    for (int round = 0; round < WARMUP + samples; round++) {
      int company = random.nextInt(companies);
      for (int p = 0; p < paths.size(); p++) {
        long nanos = paths.get(p).apply(company);
        if (round >= WARMUP) {
          latencies[p].add(nanos);
        }
      }
    }
    return latencies;
  }

  private static long builtIn(String keycloak, int company) {
    LoginHttp login = new LoginHttp(keycloak, CompanySsoStack.REALM);
    URI request =
        login.authorization(Map.of("kc_idp_hint", CompanySeeder.identityProvider(company)));
    long start = System.nanoTime();
    HttpResponse<String> response = login.get(request);
    long nanos = System.nanoTime() - start;
    expectBrokerRedirect(response, CompanySeeder.identityProvider(company));
    return nanos;
  }

  private static long deepLink(String keycloak, int company) {
    LoginHttp login = new LoginHttp(keycloak, CompanySsoStack.REALM);
    URI request = login.authorization(Map.of("company", CompanySeeder.companyCode(company)));
    long start = System.nanoTime();
    HttpResponse<String> response = login.get(request);
    long nanos = System.nanoTime() - start;
    expectBrokerRedirect(response, CompanySeeder.identityProvider(company));
    return nanos;
  }

  /**
   * Opens the Single Sign-On page of the company realm (not timed), then times its submit, which
   * must send the worker to {@code identityProvider}.
   */
  static long ssoPage(String keycloak, String input, String identityProvider) {
    LoginHttp login = new LoginHttp(keycloak, CompanySsoStack.REALM);
    String loginPage = login.get(login.authorization(Map.of())).body();
    String discoveryPage =
        login
            .post(
                LoginHttp.formAction(loginPage, "kc-company-sso-form"),
                Map.of(
                    "authenticationExecution",
                    LoginHttp.hiddenValue(loginPage, "authenticationExecution")))
            .body();
    URI submit = LoginHttp.formAction(discoveryPage, "kc-company-sso-discovery");
    long start = System.nanoTime();
    HttpResponse<String> response = login.post(submit, Map.of("companySsoInput", input));
    long nanos = System.nanoTime() - start;
    expectBrokerRedirect(response, identityProvider);
    return nanos;
  }

  static void expectBrokerRedirect(HttpResponse<String> response, String identityProvider) {
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() / 100 != 3
        || !location.contains("/broker/" + identityProvider + "/login")) {
      throw new IllegalStateException(
          "Expected a redirect to "
              + identityProvider
              + " but got HTTP "
              + response.statusCode()
              + " "
              + location);
    }
  }

  private static void print(int size, Latencies[] latencies) {
    for (int p = 0; p < PATHS.length; p++) {
      System.out.printf(
          "%6d companies  %-24s p50 %6.2f ms  p95 %6.2f ms%n",
          size, PATHS[p], latencies[p].percentileMillis(50), latencies[p].percentileMillis(95));
    }
  }

  private static String table(Map<Integer, Latencies[]> results, int samples) {
    StringBuilder md = new StringBuilder();
    md.append("Measured ")
        .append(LocalDate.now())
        .append(" on this project's 2-core machine, Keycloak ")
        .append(System.getProperty("keycloak.version", "26.7.3"))
        .append(" `start-dev` (H2 file database), ")
        .append(samples)
        .append(" samples per cell after ")
        .append(WARMUP)
        .append(" warm-up rounds, paths interleaved, a random seeded company each round.\n\n")
        .append(
            "Command: `mvn -B -pl benchmarks -am -DskipTests -Pdiscovery-benchmark package`\n\n")
        .append(
            "| companies | path | p50 ms | p95 ms | p50 / built-in p50 |\n|---:|---|---:|---:|---:|\n");
    for (Map.Entry<Integer, Latencies[]> entry : results.entrySet()) {
      double baseline = entry.getValue()[0].percentileMillis(50);
      for (int p = 0; p < PATHS.length; p++) {
        double p50 = entry.getValue()[p].percentileMillis(50);
        md.append(
            String.format(
                "| %,d | %s | %.2f | %.2f | %.2f |%n",
                entry.getKey(),
                PATHS[p],
                p50,
                entry.getValue()[p].percentileMillis(95),
                p50 / baseline));
      }
    }
    List<Integer> sizes = new ArrayList<>(results.keySet());
    if (sizes.size() > 1) {
      int smallest = sizes.get(0);
      int largest = sizes.get(sizes.size() - 1);
      md.append(String.format("%nFlatness, p50 at %,d / p50 at %,d companies:", largest, smallest));
      for (int p = 0; p < PATHS.length; p++) {
        md.append(
            String.format(
                " %s %.2f;",
                PATHS[p],
                results.get(largest)[p].percentileMillis(50)
                    / results.get(smallest)[p].percentileMillis(50)));
      }
      md.append('\n');
    }
    return md.toString();
  }
}
