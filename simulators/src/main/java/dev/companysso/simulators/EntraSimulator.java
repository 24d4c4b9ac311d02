package dev.companysso.simulators;

import java.net.URI;
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

  private final SimulatorServer server;
  private final SimulatorDirectory directory;
  private final Map<String, OidcProvider> issuersByTenantId = new ConcurrentHashMap<>();
  private final AssignmentChanges changes = new AssignmentChanges();

  private static final Set<String> MULTI_TENANT_ENDPOINTS = Set.of("organizations", "common");

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
    directory.entraTenants().forEach(simulator::addTenant);
    Clock clock = Clock.systemUTC();
    OidcEngine engine = new OidcEngine(new EntraDialect(clock), clock);
    EntraGraphApi graph =
        new EntraGraphApi(
            directory,
            simulator.issuersByTenantId.values(),
            simulator.graphBaseUrl(),
            clock,
            simulator.changes);
    URI userInfo = simulator.userInfoEndpoint();
    Router router = new Router();
    engine.addRoutes(router, PATHS, simulator::issuerFromPath);
    router
        .on(
            "GET,POST",
            "^/graph/oidc/userinfo$",
            (exchange, path) ->
                engine.userInfo(exchange, userInfo, simulator.issuersByTenantId.values()))
        .on(
            "POST",
            "^/graph/v1\\.0/users/([^/]+)/getMemberObjects$",
            (exchange, path) -> graph.getMemberObjects(exchange, path.group(1)));
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

  private URI userInfoEndpoint() {
    return URI.create(graphBaseUrl() + "/oidc/userinfo");
  }

  /**
   * Sets the groups (by display name) a user is in, as an Entra admin would; the next token and
   * Graph carry their object ids.
   *
   * @throws IllegalArgumentException for an unknown tenant, user or group
   */
  public void assignGroups(String tenantIdOrDomain, String userPrincipalName, List<String> groups) {
    EntraTenant tenant = tenant(tenantIdOrDomain);
    for (String name : groups) {
      if (tenant.groups().stream().noneMatch(group -> group.displayName().equals(name))) {
        throw new IllegalArgumentException(
            "No group " + name + " in Entra tenant " + tenant.name());
      }
    }
    changes.setGroups(user(tenant, userPrincipalName).objectId(), groups);
  }

  /**
   * Sets the app roles assigned to a user in the enterprise application; the next token's {@code
   * roles} claim carries those the app defines.
   */
  public void assignAppRoles(
      String tenantIdOrDomain, String userPrincipalName, List<String> roles) {
    EntraTenant tenant = tenant(tenantIdOrDomain);
    changes.setAppRoles(user(tenant, userPrincipalName).objectId(), roles);
  }

  /**
   * Changes a user's mail, as a user or admin can in Entra: the next token's {@code email} says so,
   * while {@code oid} stays.
   */
  public void changeMail(String tenantIdOrDomain, String userPrincipalName, String mail) {
    EntraTenant tenant = tenant(tenantIdOrDomain);
    changes.setMail(user(tenant, userPrincipalName).objectId(), mail);
  }

  private EntraTenant tenant(String tenantIdOrDomain) {
    return directory
        .entraTenant(tenantIdOrDomain)
        .orElseThrow(() -> new IllegalArgumentException("No Entra tenant " + tenantIdOrDomain));
  }

  private static EntraTenant.User user(EntraTenant tenant, String userPrincipalName) {
    return tenant.users().stream()
        .filter(user -> user.userPrincipalName().equalsIgnoreCase(userPrincipalName))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No user " + userPrincipalName + " in Entra tenant " + tenant.name()));
  }

  private void addTenant(EntraTenant tenant) {
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
            tenant.users().stream()
                .map(
                    user ->
                        new Account(
                            user.objectId(),
                            user.userPrincipalName(),
                            user.password(),
                            user.accountEnabled()))
                .toList());
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
            new EntraIssuerPolicy(tenant, graphBaseUrl(), changes)));
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

  private static RegisteredClient consentOf(EntraTenant.App app, RegisteredClient client) {
    return app.adminConsentGranted() ? client : client.withoutConsent();
  }

  private static String key(EntraTenant tenant) {
    return tenant.tenantId().toLowerCase(Locale.ROOT);
  }
}
