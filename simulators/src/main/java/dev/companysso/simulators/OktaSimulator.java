package dev.companysso.simulators;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * An Okta stand-in. Each org of the directory lives under {@code http://{host}:{port}/{orgName}},
 * which stands for {@code https://{orgName}.okta.com}: the org authorization server has that URL as
 * its issuer, each custom authorization server {@code {base}/oauth2/{serverId}}.
 */
public final class OktaSimulator implements AutoCloseable {

  private static final String ISSUER_PREFIX = "^/([^/]+)(?:/oauth2/([^/]+))?";
  // Okta's org server has /oauth2/v1/..., a custom server /oauth2/{id}/v1/...
  private static final String ENDPOINT_PREFIX = "^/([^/]+)/oauth2(?:/([^/]+))?/v1/";
  private static final OidcEngine.EndpointPaths PATHS =
      new OidcEngine.EndpointPaths(
          ISSUER_PREFIX + "/\\.well-known/(?:openid-configuration|oauth-authorization-server)$",
          ENDPOINT_PREFIX + "authorize$",
          ENDPOINT_PREFIX + "token$",
          ENDPOINT_PREFIX + "keys$",
          ENDPOINT_PREFIX + "logout$",
          "^/([^/]+)/login/login\\.htm$");

  private final SimulatorServer server;
  private final Map<String, OidcProvider> issuers = new ConcurrentHashMap<>();
  private final Map<String, OktaOrg> orgs = new ConcurrentHashMap<>();
  private final AssignmentChanges changes = new AssignmentChanges();
  private OidcEngine engine;

  private OktaSimulator(SimulatorServer server) {
    this.server = server;
  }

  public static OktaSimulator start(SimulatorDirectory directory, int port) {
    return start(directory, port, "localhost");
  }

  /** Starts on 127.0.0.1:{port} (0 picks a free port); URLs use {@code publicHost}. */
  public static OktaSimulator start(SimulatorDirectory directory, int port, String publicHost) {
    OktaSimulator simulator =
        new OktaSimulator(SimulatorServer.bind(port, publicHost, "okta-simulator"));
    directory.oktaOrgs().forEach(simulator::addOrg);
    OidcEngine engine = new OidcEngine(new OktaDialect(), Clock.systemUTC());
    simulator.engine = engine;
    Router router = new Router();
    engine.addRoutes(router, PATHS, simulator::issuerFromPath);
    router.on(
        "GET,POST",
        ENDPOINT_PREFIX + "userinfo$",
        simulator::issuerFromPath,
        (exchange, issuer) ->
            engine.userInfo(exchange, issuer.endpoints().userInfo(), List.of(issuer)));
    OktaManagementApi api =
        new OktaManagementApi(simulator.orgs, simulator.changes, simulator.server.baseUrl());
    router
        .on(
            "GET",
            "^/([^/]+)/api/v1/users$",
            (exchange, path) -> api.users(exchange, path.group(1)))
        .on(
            "GET",
            "^/([^/]+)/api/v1/users/([^/]+)/groups$",
            (exchange, path) -> api.userGroups(exchange, path.group(1), path.group(2)))
        .on(
            "GET",
            "^/([^/]+)/api/v1/groups$",
            (exchange, path) -> api.groups(exchange, path.group(1)))
        .on(
            "GET",
            "^/([^/]+)/api/v1/groups/([^/]+)/users$",
            (exchange, path) -> api.groupMembers(exchange, path.group(1), path.group(2)));
    simulator.server.start(router);
    return simulator;
  }

  public int port() {
    return server.port();
  }

  /** {@code http://{host}:{port}/{orgName}}, standing for {@code https://{orgName}.okta.com}. */
  public String orgBaseUrl(String orgName) {
    return server.baseUrl() + "/" + orgName;
  }

  /** The issuer of the org authorization server ({@code serverId} null) or of a custom one. */
  public String issuer(String orgName, String serverId) {
    OidcProvider issuer = issuers.get(key(orgName, serverId));
    if (issuer == null) {
      throw new IllegalArgumentException("No Okta authorization server " + key(orgName, serverId));
    }
    return issuer.issuer().getValue();
  }

  @Override
  public void close() {
    server.close();
  }

  /** Makes every token request take this much longer, as a slow or struggling Okta would. */
  public void delayTokens(Duration delay) {
    engine.delayTokens(delay);
  }

  /**
   * Sets the groups a user is in, as an Okta admin would: the next token carries them.
   *
   * @throws IllegalArgumentException for an unknown org, user or group
   */
  public void assignGroups(String orgName, String login, List<String> groupNames) {
    OktaOrg org = orgs.get(orgName);
    if (org == null) {
      throw new IllegalArgumentException("No Okta org " + orgName);
    }
    OktaOrg.User user =
        org.users().stream()
            .filter(candidate -> candidate.login().equalsIgnoreCase(login))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No user " + login + " in " + orgName));
    for (String name : groupNames) {
      if (org.groups().stream().noneMatch(group -> group.name().equals(name))) {
        throw new IllegalArgumentException("No group " + name + " in Okta org " + orgName);
      }
    }
    changes.setGroups(user.id(), groupNames);
  }

  private void addOrg(OktaOrg org) {
    orgs.put(org.name(), org);
    String base = orgBaseUrl(org.name());
    TenantDirectory tenant =
        new TenantDirectory(
            org.name(),
            org.clients().stream()
                .map(
                    client ->
                        RegisteredClient.of(
                            client.clientId(),
                            client.clientSecret(),
                            client.appName(),
                            client.redirectUris(),
                            client.assignedUsers()))
                .toList(),
            org.users().stream()
                .map(user -> new Account(user.id(), user.login(), user.password(), user.isActive()))
                .toList());
    // One sign-in page serves the whole org, whichever authorization server asked for it.
    String signInForm = base + "/login/login.htm";
    issuers.put(
        key(org.name(), null),
        new OidcProvider(
            base,
            endpoints(base + "/oauth2/v1/", signInForm),
            tenant,
            OktaIssuerPolicy.orgServer(org, base, changes)));
    for (String serverId : org.authorizationServers()) {
      String issuer = base + "/oauth2/" + serverId;
      issuers.put(
          key(org.name(), serverId),
          new OidcProvider(
              issuer,
              endpoints(issuer + "/v1/", signInForm),
              tenant,
              OktaIssuerPolicy.customServer(org, serverId, changes)));
    }
  }

  private static ProviderEndpoints endpoints(String prefix, String signInForm) {
    return new ProviderEndpoints(
        URI.create(prefix + "authorize"),
        URI.create(prefix + "token"),
        URI.create(prefix + "keys"),
        URI.create(prefix + "userinfo"),
        URI.create(prefix + "logout"),
        URI.create(signInForm));
  }

  private Optional<OidcProvider> issuerFromPath(Matcher path) {
    return Optional.ofNullable(issuers.get(key(path.group(1), path.group(2))));
  }

  private static String key(String orgName, String serverId) {
    return serverId == null ? orgName : orgName + "/oauth2/" + serverId;
  }
}
