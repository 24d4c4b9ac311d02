package dev.companysso.benchmarks;

import dev.companysso.harness.CompanySsoStack;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The paths of {@link FirstLoginBenchmark}, set up through the admin API as an admin would: the
 * company {@code perf} (its Okta sign-in copied from the demo's Acme, one group-to-role table) in
 * the workforce realm; the plain realm {@code builtin} with Keycloak's own equivalents (an {@code
 * oidc} provider, a Claim to Role mapper, Worker as a default role, events stored); and {@code
 * builtin-orgs}, the same with Keycloak's Organizations on and the provider linked to an
 * organization owning the users' domain, so that its default first broker login makes them managed
 * members as the company flow does.
 */
final class LoginPathRealms {

  static final String COMPANY = "perf";
  static final String COMPANY_IDP = "perf-okta";
  static final String BUILTIN_REALM = "builtin";
  static final String ORGANIZATIONS_REALM = "builtin-orgs";
  static final String BUILTIN_IDP = "initrode-okta";

  /** The generated upstream users' groups: Warehouse is mapped to Dispatcher on both sides. */
  static final List<String> UPSTREAM_GROUPS = List.of("Everyone", "Warehouse");

  private final CompanySsoStack stack;

  LoginPathRealms(CompanySsoStack stack) {
    this.stack = stack;
  }

  void install() {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      company(admin.realm(CompanySsoStack.REALM));
      builtIn(admin, BUILTIN_REALM, false);
      builtIn(admin, ORGANIZATIONS_REALM, true);
    }
  }

  private void company(RealmResource realm) {
    String okta = stack.okta().orgBaseUrl(FirstLoginBenchmark.LoginPaths.OKTA_ORG);
    IdentityProviderRepresentation idp =
        realm.identityProviders().get("acme-okta").toRepresentation();
    idp.setAlias(COMPANY_IDP);
    idp.setDisplayName("Perf (Okta)");
    idp.setInternalId(null);
    idp.setOrganizationId(null);
    idp.getConfig().put("oktaDomain", "initrode.okta.com");
    idp.getConfig().put("baseUrlOverride", okta);
    idp.getConfig().put("clientId", "0oa1initrodekeycloak01");
    idp.getConfig().put("clientSecret", "initrode-okta-client-secret");
    ClusterLoginBenchmark.create(realm, idp);
    addMapper(
        realm,
        COMPANY_IDP,
        "perf groups to roles",
        "company-group-role-mapper",
        Map.of(
            "syncMode", "FORCE",
            "claim", "groups",
            "baselineRoles", "Worker",
            "rules", "[{\"key\": \"Warehouse\", \"value\": \"Dispatcher\"}]"));
    CompanySeeder.createCompany(
        realm,
        CompanySeeder.company(COMPANY, FirstLoginBenchmark.LoginPaths.OKTA_ORG + ".example"),
        COMPANY_IDP);
  }

  private void builtIn(Keycloak admin, String name, boolean organizations) {
    RealmRepresentation plain = new RealmRepresentation();
    plain.setRealm(name);
    plain.setEnabled(true);
    plain.setEventsEnabled(true);
    plain.setOrganizationsEnabled(organizations);
    admin.realms().create(plain);
    RealmResource realm = admin.realm(name);
    for (String role : List.of("Worker", "Dispatcher")) {
      realm.roles().create(new RoleRepresentation(role, null, false));
    }
    realm
        .roles()
        .get("default-roles-" + name)
        .addComposites(List.of(realm.roles().get("Worker").toRepresentation()));
    ClientRepresentation app = new ClientRepresentation();
    app.setClientId("demo-app");
    app.setPublicClient(true);
    app.setRedirectUris(List.of("http://localhost:*", "http://127.0.0.1:*"));
    app.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
    if (organizations) {
      // As the demo's app: its tokens name the person's organization.
      app.setDefaultClientScopes(
          List.of("web-origins", "acr", "roles", "profile", "basic", "email", "organization"));
    }
    try (Response response = realm.clients().create(app)) {
      ClusterLoginBenchmark.check(response, "demo-app");
    }
    IdentityProviderRepresentation idp =
        ClusterLoginBenchmark.provider(
            BUILTIN_IDP,
            stack.okta().orgBaseUrl(FirstLoginBenchmark.LoginPaths.OKTA_ORG),
            "first broker login");
    idp.getConfig().put("syncMode", "FORCE");
    ClusterLoginBenchmark.create(realm, idp);
    addMapper(
        realm,
        BUILTIN_IDP,
        "Warehouse to Dispatcher",
        "oidc-role-idp-mapper",
        Map.of(
            "syncMode", "FORCE",
            "claim", "groups",
            "claim.value", "Warehouse",
            "role", "Dispatcher"));
    if (organizations) {
      organization(realm);
    }
  }

  /**
   * The organization owning the users' domain, with the provider linked and set to take the
   * domain's users from Keycloak's identity-first page, as its admin guide describes.
   */
  private static void organization(RealmResource realm) {
    String domain = FirstLoginBenchmark.LoginPaths.OKTA_ORG + ".example";
    CompanySeeder.createCompany(
        realm, CompanySeeder.company(FirstLoginBenchmark.LoginPaths.OKTA_ORG, domain), BUILTIN_IDP);
    IdentityProviderRepresentation idp =
        realm.identityProviders().get(BUILTIN_IDP).toRepresentation();
    idp.getConfig().put("kc.org.domain", domain);
    idp.getConfig().put("kc.org.broker.redirect.mode.email-matches", "true");
    realm.identityProviders().get(BUILTIN_IDP).update(idp);
  }

  private static void addMapper(
      RealmResource realm, String idpAlias, String name, String type, Map<String, String> config) {
    IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
    mapper.setName(name);
    mapper.setIdentityProviderAlias(idpAlias);
    mapper.setIdentityProviderMapper(type);
    mapper.setConfig(config);
    try (Response response = realm.identityProviders().get(idpAlias).addMapper(mapper)) {
      ClusterLoginBenchmark.check(response, name);
    }
  }
}
