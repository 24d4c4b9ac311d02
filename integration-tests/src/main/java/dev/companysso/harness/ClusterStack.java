package dev.companysso.harness;

import dev.companysso.simulators.EntraSimulator;
import dev.companysso.simulators.OktaSimulator;
import dev.companysso.simulators.SimulatorDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;

/**
 * Company SSO as operators run it: the distribution built for PostgreSQL and a clustered cache
 * ({@code kc.sh build}), two nodes started {@code --optimized} on one database, discovering each
 * other through the database (JDBC_PING) on loopback, behind a {@link NodeSwitch} whose URL is
 * their shared hostname; the simulators as the companies' IdPs.
 */
public final class ClusterStack implements AutoCloseable {

  /** What {@code kc.sh build} fixes for the nodes, as in docs/deploy.md. */
  public static final List<String> BUILD_OPTIONS =
      List.of(
          "--db=postgres",
          "--cache=ispn",
          "--cache-stack=jdbc-ping",
          "--health-enabled=true",
          "--metrics-enabled=true");

  private final PostgresServer database;
  private final OktaSimulator okta;
  private final EntraSimulator entra;
  private final NodeSwitch balancer;
  private final KeycloakDistribution[] homes;
  private final KeycloakServer[] nodes = new KeycloakServer[2];
  private final int[] httpPorts = {FreePort.pick(), FreePort.pick()};
  private final int[] managementPorts = {FreePort.pick(), FreePort.pick()};
  private final Path work;
  private final Map<String, String> environment;

  private ClusterStack(
      Path work,
      PostgresServer database,
      OktaSimulator okta,
      EntraSimulator entra,
      NodeSwitch balancer,
      KeycloakDistribution[] homes) {
    this.work = work;
    this.database = database;
    this.okta = okta;
    this.entra = entra;
    this.balancer = balancer;
    this.homes = homes;
    this.environment = new HashMap<>(CompanySsoStack.realmEnvironment(okta, entra));
    // JGroups would bind a site-local address; both nodes talk over loopback.
    environment.put("KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS", "127.0.0.1");
  }

  /** Builds the distribution once, copies it for each node and starts both, node 1 first. */
  public static ClusterStack start(KeycloakDistribution distribution, Path work) {
    Path built = work.resolve("keycloak-built").toAbsolutePath();
    KeycloakDistribution production = distribution.copyTo(built);
    production.build(BUILD_OPTIONS, work.resolve("kc-build.log"));
    writeRuntimeSettings(production.home());
    KeycloakDistribution[] homes = {
      production.copyTo(work.resolve("node-1").toAbsolutePath()),
      production.copyTo(work.resolve("node-2").toAbsolutePath())
    };
    SimulatorDirectory directory = SimulatorDirectory.demo();
    PostgresServer database = PostgresServer.start(work.resolve("postgres"), FreePort.pick());
    OktaSimulator okta = OktaSimulator.start(directory, FreePort.pick());
    EntraSimulator entra = EntraSimulator.start(directory, FreePort.pick());
    NodeSwitch balancer = NodeSwitch.start(FreePort.pick());
    ClusterStack cluster = new ClusterStack(work, database, okta, entra, balancer, homes);
    try {
      cluster.startNode(1, true);
      cluster.startNode(2, false);
      cluster.routeTo(1);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * A pooled database connection the server closed (a database restart, a failover) is found and
   * replaced when it is borrowed, not handed to a request that then fails: the setting
   * docs/deploy.md recommends.
   */
  private static void writeRuntimeSettings(Path home) {
    try {
      Files.writeString(
          home.resolve("conf/quarkus.properties"),
          "quarkus.datasource.jdbc.validate-on-borrow=true\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts node 1 or 2 (again, after {@link #kill}); the first start imports the realm. */
  public void startNode(int node, boolean importRealm) {
    List<String> options =
        new ArrayList<>(
            List.of(
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + PostgresServer.USER,
                "--db-password=unused",
                "--hostname=" + balancer.url(),
                "--hostname-backchannel-dynamic=false"));
    if (importRealm) {
      options.add("--import-realm");
    }
    nodes[node - 1] =
        KeycloakServer.startOptimized(
            homes[node - 1],
            options,
            httpPorts[node - 1],
            managementPorts[node - 1],
            work.resolve("node-" + node + ".log"),
            environment);
  }

  /** Sends the browser's and the tests' following requests to node 1 or 2. */
  public void routeTo(int node) {
    balancer.routeTo(httpPorts[node - 1]);
  }

  /** Kills node 1 or 2 at once, as a crash would. */
  public void kill(int node) {
    nodes[node - 1].kill();
  }

  /** The cluster's URL: the balancer, which every node names as its hostname. */
  public String baseUrl() {
    return balancer.url();
  }

  public KeycloakServer node(int node) {
    return nodes[node - 1];
  }

  public PostgresServer database() {
    return database;
  }

  public OktaSimulator okta() {
    return okta;
  }

  public EntraSimulator entra() {
    return entra;
  }

  /** An admin client through the balancer (so, the node routed to); close it after use. */
  public Keycloak adminClient() {
    return Keycloak.getInstance(
        baseUrl(),
        "master",
        KeycloakServer.ADMIN_USERNAME,
        KeycloakServer.ADMIN_PASSWORD,
        "admin-cli");
  }

  @Override
  public void close() {
    for (KeycloakServer node : nodes) {
      if (node != null) {
        node.close();
      }
    }
    balancer.close();
    okta.close();
    entra.close();
    database.close();
  }
}
