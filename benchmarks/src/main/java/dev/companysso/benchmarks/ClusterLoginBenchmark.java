package dev.companysso.benchmarks;

import dev.companysso.harness.ClusterStack;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import dev.companysso.harness.LoginHttp;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Sustained brokered logins on the production deployment (PostgreSQL, two nodes, requests spread
 * over both), through the company flow and through Keycloak's built-in broker in the same run,
 * interleaved: each worker alternates the two, and within each half the logins are first logins (a
 * new account) or returning ones.
 *
 * <ul>
 *   <li>company flow: {@code /auth?company=<code>} → the company's Okta → the {@code company first
 *       login} flow (JIT provisioning, membership, default roles, first-member Owner);
 *   <li>built-in: {@code /auth?kc_idp_hint=<idp>} → the same Okta → Keycloak's {@code first broker
 *       login} flow.
 * </ul>
 *
 * <p>Every company has its own provider on the simulator's Initrode Okta org and {@code
 * companySso.firstMemberOwner}; afterwards each company that had a first login must have exactly
 * one Owner. System properties: {@code benchmark.companies} (1000), {@code benchmark.seconds}
 * (300), {@code benchmark.threads} (8), {@code benchmark.report}.
 */
public final class ClusterLoginBenchmark {

  private static final String ORG = "initrode";
  private static final String PASSWORD = "Passw0rd!";
  private static final String[] PATHS = {"company flow", "built-in broker"};

  private ClusterLoginBenchmark() {}

  static String company(int index) {
    return String.format("load-%05d", index);
  }

  public static void main(String[] args) throws Exception {
    int companies = Integer.getInteger("benchmark.companies", 1000);
    int seconds = Integer.getInteger("benchmark.seconds", 300);
    int threads = Integer.getInteger("benchmark.threads", 8);
    Path report = Path.of(System.getProperty("benchmark.report", "docs/benchmarks.md"));
    KeycloakDistribution distribution = KeycloakDistribution.fromSystemProperties();
    try (ClusterStack cluster =
        ClusterStack.start(distribution, Path.of("target", "cluster-benchmark"))) {
      long seedStart = System.nanoTime();
      seed(cluster, companies);
      System.out.printf(
          "Seeded %d companies in %.0f s%n", companies, (System.nanoTime() - seedStart) / 1e9);
      cluster.okta().generateUsers(ORG, 200 * seconds);
      Run run = new Run(cluster, companies);
      try (HeapSampler node1 = new HeapSampler(cluster.node(1).jvmPid(), 10_000);
          HeapSampler node2 = new HeapSampler(cluster.node(2).jvmPid(), 10_000)) {
        run.load(threads, seconds);
        String table =
            run.table(seconds, threads)
                + String.format(
                    "%nLargest live heap after GC: node 1 %.0f MiB, node 2 %.0f MiB.%n",
                    node1.maxMib(), node2.maxMib())
                + run.owners()
                + String.format(
                    "%nKeycloak %s on PostgreSQL, 2 nodes (`kc.sh build %s`), %d companies, %d"
                        + " client threads, %d s; %s.%n%n`%s`%n",
                    BenchmarkReport.keycloakVersion(distribution.home()),
                    String.join(" ", ClusterStack.BUILD_OPTIONS),
                    companies,
                    threads,
                    seconds,
                    BenchmarkReport.machine(),
                    BenchmarkReport.command(
                        "mvn -B -pl benchmarks -am -DskipTests -Pcluster-login-benchmark package"));
        System.out.println(table);
        BenchmarkReport.replaceSection(
            report, "Logins on the cluster (PostgreSQL, 2 nodes)", table);
      }
    }
  }

  /** A company with its provider and a built-in provider of the same Okta, per index. */
  private static void seed(ClusterStack cluster, int companies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CompanySeeder.THREADS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < CompanySeeder.THREADS; t++) {
        int first = t;
        work.add(
            pool.submit(
                () -> {
                  try (Keycloak admin = cluster.adminClient()) {
                    RealmResource realm = admin.realm(CompanySsoStack.REALM);
                    for (int i = first; i < companies; i += CompanySeeder.THREADS) {
                      seedOne(cluster, realm, i);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void seedOne(ClusterStack cluster, RealmResource realm, int index) {
    String org = cluster.okta().orgBaseUrl(ORG);
    create(realm, provider(company(index) + "-okta", org, null));
    create(realm, provider(company(index) + "-builtin", org, "first broker login"));
    OrganizationRepresentation company =
        CompanySeeder.company(company(index), company(index) + ".example");
    company.setAttributes(Map.of("companySso.firstMemberOwner", List.of("true")));
    CompanySeeder.createCompany(realm, company, company(index) + "-okta");
  }

  /** An OIDC provider at an org of the Okta simulator, through its Initrode app. */
  static IdentityProviderRepresentation provider(
      String alias, String orgBaseUrl, String firstLoginFlow) {
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(alias);
    idp.setProviderId("oidc");
    idp.setEnabled(true);
    idp.setHideOnLogin(true);
    if (firstLoginFlow != null) {
      idp.setFirstBrokerLoginFlowAlias(firstLoginFlow);
    }
    Map<String, String> config = new HashMap<>();
    config.put("issuer", orgBaseUrl);
    config.put("authorizationUrl", orgBaseUrl + "/oauth2/v1/authorize");
    config.put("tokenUrl", orgBaseUrl + "/oauth2/v1/token");
    config.put("jwksUrl", orgBaseUrl + "/oauth2/v1/keys");
    config.put("userInfoUrl", orgBaseUrl + "/oauth2/v1/userinfo");
    config.put("clientId", "0oa1initrodekeycloak01");
    config.put("clientSecret", "initrode-okta-client-secret");
    config.put("clientAuthMethod", "client_secret_basic");
    config.put("defaultScope", "openid profile email");
    config.put("validateSignature", "true");
    config.put("useJwksUrl", "true");
    config.put("pkceEnabled", "true");
    config.put("pkceMethod", "S256");
    idp.setConfig(config);
    return idp;
  }

  static void create(RealmResource realm, IdentityProviderRepresentation idp) {
    try (Response response = realm.identityProviders().create(idp)) {
      check(response, idp.getAlias());
    }
  }

  static void check(Response response, String what) {
    if (response.getStatus() >= 300) {
      throw new IllegalStateException(
          "Could not create " + what + ": HTTP " + response.getStatus());
    }
  }

  /** The logins of one run: who signed in where, with their latencies and errors. */
  private static final class Run {

    private final ClusterStack cluster;
    private final int companies;
    private final AtomicInteger nextUser = new AtomicInteger();
    private final Latencies[][] latencies = new Latencies[2][2];
    private final AtomicLong[] errors = {new AtomicLong(), new AtomicLong()};
    private final List<Map<String, Integer>> signedUp =
        List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    private final Map<String, Integer> companyOfUser = new ConcurrentHashMap<>();

    Run(ClusterStack cluster, int companies) {
      this.cluster = cluster;
      this.companies = companies;
      for (Latencies[] path : latencies) {
        path[0] = new Latencies();
        path[1] = new Latencies();
      }
    }

    void load(int threads, int seconds) throws Exception {
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int worker = t;
          workers.add(
              pool.submit(
                  () -> {
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                      login((i + worker) % 2, 1 + (i / 2 + worker) % 2);
                    }
                  }));
        }
        for (Future<?> done : workers) {
          done.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }

    /** One login on {@code path} (0 company, 1 built-in) through node {@code node}. */
    private void login(int path, int node) {
      List<String> known = new ArrayList<>(signedUp.get(path).keySet());
      boolean returning = !known.isEmpty() && ThreadLocalRandom.current().nextBoolean();
      String login;
      int index;
      if (returning) {
        login = known.get(ThreadLocalRandom.current().nextInt(known.size()));
        index = signedUp.get(path).get(login);
      } else {
        login = String.format("gen%07d@%s.example", nextUser.incrementAndGet(), ORG);
        index = ThreadLocalRandom.current().nextInt(companies);
      }
      LoginHttp http =
          new LoginHttp(cluster.baseUrl(), cluster.node(node).baseUrl(), CompanySsoStack.REALM);
      URI start =
          http.authorization(
              path == 0
                  ? Map.of("company", company(index))
                  : Map.of("kc_idp_hint", company(index) + "-builtin"));
      long begin = System.nanoTime();
      try {
        http.oktaLogin(start, login, PASSWORD);
        Latencies kind = latencies[path][returning ? 1 : 0];
        synchronized (kind) {
          kind.add(System.nanoTime() - begin);
        }
        if (!returning) {
          signedUp.get(path).put(login, index);
          if (path == 0) {
            companyOfUser.put(login, index);
          }
        }
      } catch (RuntimeException e) {
        if (errors[path].incrementAndGet() <= 3) {
          System.err.println(PATHS[path] + " login failed: " + e.getMessage());
        }
      }
    }

    String table(int seconds, int threads) {
      StringBuilder table =
          new StringBuilder(
              "| path | logins | logins/s | first p50 / p95 / p99 ms | returning p50 / p95 / p99"
                  + " ms | errors |\n|---|---|---|---|---|---|\n");
      double[] rates = new double[2];
      for (int path = 0; path < 2; path++) {
        long logins = latencies[path][0].count() + latencies[path][1].count();
        rates[path] = logins / (double) seconds;
        table.append(
            String.format(
                "| %s | %d | %.1f | %s | %s | %d |%n",
                PATHS[path],
                logins,
                rates[path],
                percentiles(latencies[path][0]),
                percentiles(latencies[path][1]),
                errors[path].get()));
      }
      table.append(
          String.format(
              "%nThroughput ratio company flow / built-in broker: %.2fx (target ≥ 0.95x).%n",
              rates[0] / rates[1]));
      return table.toString();
    }

    private static String percentiles(Latencies latencies) {
      return latencies.count() == 0
          ? "—"
          : String.format(
              "%.0f / %.0f / %.0f",
              latencies.percentileMillis(50),
              latencies.percentileMillis(95),
              latencies.percentileMillis(99));
    }

    /** Exactly one Owner per company that had a first login through the company flow. */
    String owners() {
      try (Keycloak admin = cluster.adminClient()) {
        List<UserRepresentation> owners =
            admin
                .realm(CompanySsoStack.REALM)
                .roles()
                .get("Owner")
                .getUserMembers(0, Integer.MAX_VALUE);
        Map<Integer, Integer> perCompany = new HashMap<>();
        for (UserRepresentation owner : owners) {
          Integer index = companyOfUser.get(owner.getUsername());
          if (index != null) {
            perCompany.merge(index, 1, Integer::sum);
          }
        }
        Set<Integer> withLogins = Set.copyOf(companyOfUser.values());
        long exactlyOne =
            withLogins.stream().filter(c -> perCompany.getOrDefault(c, 0) == 1).count();
        return String.format(
            "%nOwners: %d of %d companies with first logins have exactly one Owner%s.%n",
            exactlyOne,
            withLogins.size(),
            exactlyOne == withLogins.size() ? "" : " (**mismatch**)");
      }
    }
  }
}
