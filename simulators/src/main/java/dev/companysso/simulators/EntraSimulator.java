package dev.companysso.simulators;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * A Microsoft Entra ID stand-in. Its authority {@code http://{host}:{port}} stands for {@code
 * https://login.microsoftonline.com} and {@code {authority}/graph} for {@code
 * https://graph.microsoft.com}. Request paths name a tenant by GUID or verified domain; issuers
 * always carry the GUID.
 */
public final class EntraSimulator implements AutoCloseable {

  private static final String TENANT = "^/([^/]+)";
  private static final OidcEngine.EndpointPaths PATHS =
      new OidcEngine.EndpointPaths(
          TENANT + "/v2\\.0/\\.well-known/openid-configuration$",
          TENANT + "/oauth2/v2\\.0/authorize$",
          TENANT + "/oauth2/v2\\.0/token$",
          TENANT + "/discovery/v2\\.0/keys$",
          TENANT + "/oauth2/v2\\.0/logout$",
          TENANT + "/login$");
  private static final String GRAPH = "^/graph/v1\\.0";

  private static final Set<String> MULTI_TENANT_ENDPOINTS = Set.of("organizations", "common");

  private final SimulatorServer server;
  private final SimulatorDirectory directory;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, OidcProvider> issuersByTenantId = new ConcurrentHashMap<>();
  private final Map<String, EntraTenantUsers> usersByTenantId = new ConcurrentHashMap<>();
  private final GraphErrors graphErrors = new GraphErrors(clock);
  private final ApiGate apiGate =
      new ApiGate(graphErrors, (exchange, path) -> tenantOfBearer(exchange));

  private EntraSimulator(SimulatorServer server, SimulatorDirectory directory) {
    this.server = server;
    this.directory = directory;
  }

  public static EntraSimulator start(SimulatorDirectory directory, int port) {
    return start(directory, port, "localhost");
  }

  /** Starts on 127.0.0.1:{port} (0 picks a free port); URLs use {@code publicHost}. */
  public static EntraSimulator start(SimulatorDirectory directory, int port, String publicHost) {
    EntraSimulator simulator =
        new EntraSimulator(SimulatorServer.bind(port, publicHost, "entra-simulator"), directory);
    EntraDialect dialect = new EntraDialect(simulator.clock);
    directory.entraTenants().forEach(tenant -> simulator.addTenant(tenant, dialect));
    OidcEngine engine = new OidcEngine(dialect, simulator.clock);
    EntraGraphApi graph =
        new EntraGraphApi(
            tid ->
                Optional.ofNullable(tid)
                    .map(EntraSimulator::key)
                    .map(simulator.usersByTenantId::get),
            simulator.issuersByTenantId.values(),
            simulator.graphBaseUrl(),
            simulator.graphErrors,
            new GraphUsersDelta(
                simulator.graphBaseUrl(),
                new GraphTokens(Long.toHexString(new SecureRandom().nextLong()))));
    URI userInfo = simulator.userInfoEndpoint();
    ApiGate gate = simulator.apiGate;
    Router router = new Router();
    engine.addRoutes(router, PATHS, simulator::issuerFromPath);
    router
        .on(
            "GET,POST",
            "^/graph/oidc/userinfo$",
            (exchange, path) ->
                engine.userInfo(exchange, userInfo, simulator.issuersByTenantId.values()))
        .on("GET", GRAPH + "/users$", gate.guard((exchange, path) -> graph.users(exchange)))
        .on(
            "GET",
            GRAPH + "/users/delta(?:\\(\\))?$",
            gate.guard((exchange, path) -> graph.usersDelta(exchange)))
        .on("GET", GRAPH + "/groups$", gate.guard((exchange, path) -> graph.groups(exchange)))
        .on(
            "GET",
            GRAPH + "/groups/([^/]+)/members$",
            gate.guard((exchange, path) -> graph.groupMembers(exchange, path.group(1))))
        .on(
            "POST",
            GRAPH + "/users/([^/]+)/getMemberObjects$",
            gate.guard((exchange, path) -> graph.getMemberObjects(exchange, path.group(1))));
    simulator.server.start(router);
    return simulator;
  }

  public int port() {
    return server.port();
  }

  /** {@code http://{host}:{port}}, standing for {@code https://login.microsoftonline.com}. */
  public String authority() {
    return server.baseUrl();
  }

  /** {@code {authority}/{tenantId}/v2.0}; the tenant may be named by GUID or verified domain. */
  public String issuer(String tenantIdOrDomain) {
    return issuersByTenantId.get(key(tenant(tenantIdOrDomain))).issuer().getValue();
  }

  /** {@code {authority}/graph}, standing for {@code https://graph.microsoft.com}. */
  public String graphBaseUrl() {
    return authority() + "/graph";
  }

  @Override
  public void close() {
    server.close();
  }

  /** Faults to inject into Microsoft Graph ({@code {graphBaseUrl}/v1.0/...}). */
  public ApiFaults faults() {
    return apiGate.faults();
  }

  /**
   * Graph requests served so far for a tenant (by the {@code tid} of their bearer token), faulted
   * ones included.
   */
  public long apiRequests(String tenantIdOrDomain) {
    return apiGate.requests(key(tenant(tenantIdOrDomain)));
  }

  /*
   * Admin actions. Each bumps the tenant's version, so the next delta round returns the user, and
   * shows in the next token; each throws IllegalArgumentException for an unknown tenant, user or
   * group.
   */

  /** Sets the groups (by display name) a user is in; tokens and Graph carry their object ids. */
  public void assignGroups(String tenantIdOrDomain, String userPrincipalName, List<String> groups) {
    users(tenantIdOrDomain).assignGroups(userPrincipalName, groups);
  }

  /**
   * Sets the app roles assigned to a user in the enterprise application; the next token's {@code
   * roles} claim carries those the app defines.
   */
  public void assignAppRoles(
      String tenantIdOrDomain, String userPrincipalName, List<String> roles) {
    users(tenantIdOrDomain).assignAppRoles(userPrincipalName, roles);
  }

  /**
   * Changes a user's mail, as a user or admin can in Entra: the next token's {@code email} says so,
   * while {@code oid} stays.
   */
  public void changeMail(String tenantIdOrDomain, String userPrincipalName, String mail) {
    users(tenantIdOrDomain).changeMail(userPrincipalName, mail);
  }

  /** Enables or disables (blocks sign-in of) an account. */
  public void setAccountEnabled(
      String tenantIdOrDomain, String userPrincipalName, boolean enabled) {
    users(tenantIdOrDomain).setAccountEnabled(userPrincipalName, enabled);
  }

  /** Deletes a user: gone from Graph and sign-in; the next delta round reports it removed. */
  public void removeUser(String tenantIdOrDomain, String userPrincipalName) {
    users(tenantIdOrDomain).remove(userPrincipalName);
  }

  /** Hires a user, who is assigned to every app of the tenant. */
  public void addUser(String tenantIdOrDomain, EntraTenant.User user) {
    users(tenantIdOrDomain).add(user);
  }

  /** Changes givenName, surname, mail, department, jobTitle or employeeId; null clears one. */
  public void updateProfile(
      String tenantIdOrDomain, String userPrincipalName, Map<String, String> changes) {
    users(tenantIdOrDomain).updateProfile(userPrincipalName, changes);
  }

  /**
   * Hires {@code count} enabled users without groups, cheaply, for benchmarks: UPNs {@code
   * gen0000001@{first verified domain}}…, object ids {@code UUID.nameUUIDFromBytes("{tenantId}
   * /generated-user/{n}")} (no spaces), password {@code Passw0rd!}, numbered on from earlier calls.
   */
  public void generateUsers(String tenantIdOrDomain, int count) {
    users(tenantIdOrDomain).generate(count);
  }

  private URI userInfoEndpoint() {
    return URI.create(graphBaseUrl() + "/oidc/userinfo");
  }

  private EntraTenant tenant(String tenantIdOrDomain) {
    return directory
        .entraTenant(tenantIdOrDomain)
        .orElseThrow(() -> new IllegalArgumentException("No Entra tenant " + tenantIdOrDomain));
  }

  private EntraTenantUsers users(String tenantIdOrDomain) {
    return usersByTenantId.get(key(tenant(tenantIdOrDomain)));
  }

  private void addTenant(EntraTenant tenant, EntraDialect dialect) {
    EntraTenantUsers users = new EntraTenantUsers(tenant);
    usersByTenantId.put(key(tenant), users);
    String base = authority() + "/" + tenant.tenantId();
    TenantDirectory tenantDirectory =
        new TenantDirectory(
            tenant.name(),
            tenant.apps().stream()
                .map(
                    app ->
                        consentOf(
                            app,
                            RegisteredClient.of(
                                app.clientId(),
                                app.clientSecret(),
                                app.appName(),
                                app.redirectUris(),
                                app.assignedUsers())))
                .toList(),
            users::account);
    ProviderEndpoints endpoints =
        new ProviderEndpoints(
            URI.create(base + "/oauth2/v2.0/authorize"),
            URI.create(base + "/oauth2/v2.0/token"),
            URI.create(base + "/discovery/v2.0/keys"),
            userInfoEndpoint(),
            URI.create(base + "/oauth2/v2.0/logout"),
            URI.create(base + "/login"));
    issuersByTenantId.put(
        key(tenant),
        new OidcProvider(
            base + "/v2.0",
            endpoints,
            tenantDirectory,
            new EntraIssuerPolicy(users, graphBaseUrl()),
            new EntraAppTokens(tenant, dialect, graphBaseUrl(), clock)));
  }

  /**
   * A tenant by id or domain; {@code organizations} and {@code common}, Microsoft's multi-tenant
   * endpoints, sign in the users of the directory's first tenant (a simplification: real Entra
   * serves every tenant there), whose tokens then carry that tenant's {@code tid} and issuer.
   */
  private Optional<OidcProvider> issuerFromPath(Matcher path) {
    String tenant = path.group(1);
    Optional<EntraTenant> found =
        MULTI_TENANT_ENDPOINTS.contains(tenant.toLowerCase(Locale.ROOT))
            ? directory.entraTenants().stream().findFirst()
            : directory.entraTenant(tenant);
    return found.map(t -> issuersByTenantId.get(key(t)));
  }

  /**
   * The {@code tid} of a Graph request's bearer token, read without checking the token, so that
   * requests an injected fault answers count for their tenant too.
   */
  private static Optional<String> tenantOfBearer(HttpExchange exchange) {
    try {
      String token =
          BearerAccessToken.parse(exchange.getRequestHeaders().getFirst("Authorization"))
              .getValue();
      return Optional.ofNullable(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("tid"))
          .map(EntraSimulator::key);
    } catch (ParseException | java.text.ParseException e) {
      return Optional.empty();
    }
  }

  private static RegisteredClient consentOf(EntraTenant.App app, RegisteredClient client) {
    return app.adminConsentGranted() ? client : client.withoutConsent();
  }

  private static String key(EntraTenant tenant) {
    return key(tenant.tenantId());
  }

  private static String key(String tenantId) {
    return tenantId.toLowerCase(Locale.ROOT);
  }
}
