package dev.companysso.it.portal;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * What a portal test works with, for one test: an admin client, the realm's fixtures, the setup
 * link API, the portal's address, and companies made for the test, deleted when it is closed.
 */
final class PortalTestbed implements AutoCloseable {

  private final Keycloak admin;
  private final RealmFixtures fixtures;
  private final SetupLinkAdmin links;
  private final String portal;
  private final List<String> companies = new ArrayList<>();
  private final List<String> users = new ArrayList<>();
  private final List<String> providers = new ArrayList<>();

  /** The password of the vendor staff a test makes. */
  static final String STAFF_PASSWORD = "Vendor-passw0rd!";

  PortalTestbed(CompanySsoStack stack) {
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    links = new SetupLinkAdmin(admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM);
    portal =
        stack.keycloak().baseUrl() + "/realms/" + CompanySsoStack.REALM + "/company-sso-portal";
  }

  Keycloak admin() {
    return admin;
  }

  RealmFixtures fixtures() {
    return fixtures;
  }

  SetupLinkAdmin links() {
    return links;
  }

  /** {@code http://…/realms/workforce/company-sso-portal}, without a trailing slash. */
  String portal() {
    return portal;
  }

  /**
   * A new enabled company {@code <prefix><uuid>} with the verified domain {@code <code>.example}.
   */
  String newCompany(String prefix) {
    String company = ScimPayloads.unique(prefix);
    fixtures.company(company, company + ".example", true, List.of());
    companies.add(company);
    return company;
  }

  /**
   * An Okta provider of the bundle's type for {@code company}, on the simulator's org {@code org}
   * with that app's client id and the given secret, linked to the company and removed when the test
   * ends; its alias.
   */
  String oktaProvider(String company, String orgBaseUrl, String clientId, String secret) {
    String alias = company + "-okta";
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(alias);
    idp.setProviderId("okta");
    idp.setEnabled(true);
    idp.setHideOnLogin(true);
    idp.setConfig(
        new HashMap<>(
            Map.of(
                "oktaDomain",
                orgBaseUrl.substring(orgBaseUrl.lastIndexOf('/') + 1) + ".okta.com",
                "baseUrlOverride",
                orgBaseUrl,
                "clientId",
                clientId,
                "clientSecret",
                secret,
                "clientAuthMethod",
                "client_secret_basic",
                "pkceEnabled",
                "true",
                "pkceMethod",
                "S256")));
    fixtures.realm().identityProviders().create(idp).close();
    fixtures.companyResource(company).identityProviders().addIdentityProvider(alias).close();
    providers.add(alias);
    return alias;
  }

  /** Deletes a company the test made itself when the test ends. */
  void track(String company) {
    companies.add(company);
  }

  /** A local user of the realm holding these roles of realm-management; their username. */
  String staff(String... managementRoles) {
    String username = ScimPayloads.unique("staff-");
    String id = fixtures.localUser(username, username + "@vendor.example", STAFF_PASSWORD);
    users.add(id);
    ClientRepresentation management =
        fixtures.realm().clients().findByClientId("realm-management").get(0);
    List<RoleRepresentation> roles = new ArrayList<>();
    for (String role : managementRoles) {
      roles.add(
          fixtures.realm().clients().get(management.getId()).roles().get(role).toRepresentation());
    }
    fixtures.realm().users().get(id).roles().clientLevel(management.getId()).add(roles);
    return username;
  }

  /** Signs {@code username}, made by {@link #staff}, in to the vendor view. */
  void signInAsStaff(Browser browser, String username) {
    browser.open(URI.create(portal + "/vendor"));
    new LoginPage(browser).signIn(username, STAFF_PASSWORD);
    browser.waitForUrlStartingWith(portal + "/vendor");
  }

  @Override
  public void close() {
    users.forEach(id -> fixtures.realm().users().delete(id).close());
    providers.forEach(alias -> fixtures.realm().identityProviders().get(alias).remove());
    companies.forEach(c -> fixtures.companyResource(c).delete().close());
    admin.close();
  }
}
