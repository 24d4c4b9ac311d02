package dev.companysso.simulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

  private static final String DEMO_SERVICE_APP_KEY =
      "/simulators/globex-service-app.private.jwk.json";

  private final SimulatorServer server;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, OidcProvider> issuers = new ConcurrentHashMap<>();
  private final Map<String, OktaOrgUsers> orgs = new ConcurrentHashMap<>();
  private final OktaApiErrors apiErrors = new OktaApiErrors(clock);
  private final ApiGate apiGate =
      new ApiGate(apiErrors, (exchange, path) -> Optional.of(path.group(1)));
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
    OidcEngine engine = new OidcEngine(new OktaDialect(), simulator.clock);
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
        new OktaManagementApi(
            simulator.orgs,
            orgName -> Optional.ofNullable(simulator.issuers.get(key(orgName, null))),
            simulator.apiErrors,
            simulator.server.baseUrl());
    ApiGate gate = simulator.apiGate;
    router
        .on(
            "GET",
            "^/([^/]+)/api/v1/users$",
            gate.guard((exchange, path) -> api.users(exchange, path.group(1))))
        .on(
            "GET",
            "^/([^/]+)/api/v1/users/([^/]+)/groups$",
            gate.guard((exchange, path) -> api.userGroups(exchange, path.group(1), path.group(2))))
        .on(
            "GET",
            "^/([^/]+)/api/v1/groups$",
            gate.guard((exchange, path) -> api.groups(exchange, path.group(1))))
        .on(
            "GET",
            "^/([^/]+)/api/v1/groups/([^/]+)/users$",
            gate.guard(
                (exchange, path) -> api.groupMembers(exchange, path.group(1), path.group(2))));
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

  /**
   * Okta's key rotation: the authorization server signs with a new key from now on and publishes
   * both keys; a relying party that cached the old key set must fetch it again.
   */
  public void rotateSigningKey(String orgName, String serverId) {
    OidcProvider issuer = issuers.get(key(orgName, serverId));
    if (issuer == null) {
      throw new IllegalArgumentException("No Okta authorization server " + key(orgName, serverId));
    }
    issuer.rotateSigningKey();
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
   * Token requests being answered now (held by {@link #delayTokens}): a client that gave up on them
   * has let go while they are still counted here.
   */
  public int tokenRequestsInProgress() {
    return engine.tokenRequestsInProgress();
  }

  /** Faults to inject into the management API ({@code /{org}/api/v1/...}). */
  public ApiFaults faults() {
    return apiGate.faults();
  }

  /**
   * Management API requests for an org that arrived while another of its requests was being
   * answered, since {@link #forgetConcurrentApiRequests}, each with the requests it met.
   */
  public List<String> concurrentApiRequests(String orgName) {
    return apiGate.overlaps(org(orgName).org().name());
  }

  public void forgetConcurrentApiRequests(String orgName) {
    apiGate.forgetOverlaps(org(orgName).org().name());
  }

  /** Management API requests served so far for an org, faulted ones included. */
  public long apiRequests(String orgName) {
    return apiGate.requests(org(orgName).org().name());
  }

  /**
   * The private JWK (RS256, kid {@code globex-dirsync-1}) of the demo org globex's service app
   * {@code 0oa1globexdirsync0001}: a demo key, published with the simulator, to trust nowhere else.
   */
  public static String demoServiceAppPrivateJwk() {
    try (InputStream in = OktaSimulator.class.getResourceAsStream(DEMO_SERVICE_APP_KEY)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + DEMO_SERVICE_APP_KEY);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /*
   * Admin actions. Each sets the user's lastUpdated to now and shows in the next token and API
   * answer; each throws IllegalArgumentException for an unknown org, user or group.
   */

  /** Sets the groups a user is in. */
  public void assignGroups(String orgName, String login, List<String> groupNames) {
    org(orgName).assignGroups(login, groupNames);
  }

  /**
   * Sets a user's status: ACTIVE, PASSWORD_EXPIRED, LOCKED_OUT and RECOVERY may sign in, STAGED,
   * PROVISIONED, SUSPENDED and DEPROVISIONED (deactivated) may not.
   */
  public void setStatus(String orgName, String login, String status) {
    org(orgName).setStatus(login, status);
  }

  /** Deletes a user: gone from the API and from sign-in. */
  public void removeUser(String orgName, String login) {
    org(orgName).remove(login);
  }

  /** Hires a user, who is assigned to every app of the org. */
  public void addUser(String orgName, OktaOrg.User user) {
    org(orgName).add(user);
  }

  /**
   * Changes profile attributes by their management API names: firstName, lastName, email,
   * middleName, nickName, department or any other; a null value clears one. Not the login.
   */
  public void updateProfile(String orgName, String login, Map<String, String> changes) {
    org(orgName).updateProfile(login, changes);
  }

  /**
   * Hires {@code count} ACTIVE users without groups, cheaply, for benchmarks: ids {@code
   * 00ugen0000000001}…, logins {@code gen0000001@{org}.example}…, password {@code Passw0rd!},
   * numbered on from earlier calls.
   */
  /** Sets the largest page the org's management API answers (Okta: 200), e.g. for a benchmark. */
  public void setApiPageSize(String orgName, int size) {
    if (size < 1 || size > 200) {
      throw new IllegalArgumentException("Okta pages hold 1 to 200 items, not " + size);
    }
    org(orgName).apiPageSize(size);
  }

  public void generateUsers(String orgName, int count) {
    generateUsers(orgName, count, List.of());
  }

  /** Generated users who are members of {@code groups} of the org (which must exist). */
  public void generateUsers(String orgName, int count, List<String> groups) {
    org(orgName).generate(count, List.copyOf(groups));
  }

  private OktaOrgUsers org(String orgName) {
    OktaOrgUsers org = orgName == null ? null : orgs.get(orgName);
    if (org == null) {
      throw new IllegalArgumentException("No Okta org " + orgName);
    }
    return org;
  }

  private void addOrg(OktaOrg org) {
    OktaOrgUsers users = new OktaOrgUsers(org, clock);
    orgs.put(org.name(), users);
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
            users::account);
    // One sign-in page serves the whole org, whichever authorization server asked for it.
    String signInForm = base + "/login/login.htm";
    issuers.put(
        key(org.name(), null),
        new OidcProvider(
            base,
            endpoints(base + "/oauth2/v1/", signInForm),
            tenant,
            OktaIssuerPolicy.orgServer(users, base),
            new OktaServiceAppTokens(org, clock)));
    for (String serverId : org.authorizationServers()) {
      String issuer = base + "/oauth2/" + serverId;
      issuers.put(
          key(org.name(), serverId),
          new OidcProvider(
              issuer,
              endpoints(issuer + "/v1/", signInForm),
              tenant,
              OktaIssuerPolicy.customServer(users, serverId),
              null));
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
