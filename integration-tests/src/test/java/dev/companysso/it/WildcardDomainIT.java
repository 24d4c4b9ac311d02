package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.DirectorySyncAdmin;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A company that verified {@code *.<name>.example} owns its subdomains the same way whichever way
 * an account arrives: a SCIM push, a directory sync and a sign-in each give an address at {@code
 * eu.<name>.example} the company's vouching (a verified e-mail) and membership, and another company
 * cannot push one. Each test sets up its own company on the simulator's Initrode Okta org and
 * removes everything it created.
 */
@ExtendWith(CompanySsoExtension.class)
@DisplayName("A company's *. domain covers its subdomains for SCIM, directory sync and sign-in")
class WildcardDomainIT {

  private static final String ORG = "initrode";
  private static final String PASSWORD = "Passw0rd!";

  /** The only Initrode group the test's directory reads; its one demo member leaves it. */
  private static final String GROUP = "Warehouse";

  private static final String OREN = "oren@initrode.example";

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private String company;
  private String parent;
  private String idp;
  private final List<String> simulatorUsers = new ArrayList<>();
  private final List<String> createdEmails = new ArrayList<>();
  private final List<String> components = new ArrayList<>();
  private final List<String> otherCompanies = new ArrayList<>();

  @BeforeEach
  void wildcardCompany(CompanySsoStack stack) {
    this.stack = stack;
    this.admin = stack.keycloak().adminClient();
    this.fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    company = ScimPayloads.unique("wild");
    parent = company + ".example";
    idp = company + "-okta";
    try (var response = fixtures.realm().identityProviders().create(oktaProvider(idp))) {
      assertThat(response.getStatus()).as("create %s", idp).isEqualTo(201);
    }
    fixtures.company(company, "*." + parent, true, List.of(idp));
  }

  @AfterEach
  void removeEverything() {
    for (String email : createdEmails) {
      fixtures.realm().users().searchByEmail(email, true).stream()
          .map(UserRepresentation::getId)
          .forEach(id -> fixtures.realm().users().delete(id).close());
    }
    components.forEach(id -> fixtures.realm().components().component(id).remove());
    simulatorUsers.forEach(login -> stack.okta().removeUser(ORG, login));
    stack.okta().assignGroups(ORG, OREN, List.of("Everyone", GROUP, "Night shift"));
    for (String alias : otherCompanies) {
      fixtures.companyResource(alias).delete().close();
    }
    fixtures.companyResource(company).delete().close();
    fixtures.realm().identityProviders().get(idp).remove();
    admin.close();
  }

  private IdentityProviderRepresentation oktaProvider(String alias) {
    IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
    provider.setAlias(alias);
    provider.setProviderId("okta");
    provider.setEnabled(true);
    provider.setHideOnLogin(true);
    provider.setConfig(
        new HashMap<>(
            Map.of(
                "oktaDomain", "initrode.okta.com",
                "authorizationServer", "",
                "clientId", "0oa1initrodekeycloak01",
                "clientSecret", "initrode-okta-client-secret",
                "baseUrlOverride", stack.okta().orgBaseUrl(ORG))));
    return provider;
  }

  private String oktaUser(String login) {
    stack.okta().addUser(ORG, SimulatorUsers.okta(login, PASSWORD, "Wil", "Dcard", List.of(GROUP)));
    simulatorUsers.add(login);
    createdEmails.add(login);
    return login;
  }

  private UserRepresentation byEmail(String email) {
    List<UserRepresentation> users = fixtures.realm().users().searchByEmail(email, true);
    assertThat(users).as("users with e-mail %s", email).hasSize(1);
    return users.get(0);
  }

  @Test
  @DisplayName(
      "A SCIM push of eu.<domain> gets a verified e-mail, one outside the domain does not, and another company's push of the subdomain is refused")
  void scimPush() throws Exception {
    ScimClient scim =
        new ScimClient(ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), company));
    String inside = "pushed@eu." + parent;
    String outside = "pushed@" + company + "-elsewhere.example";
    createdEmails.addAll(List.of(inside, outside));

    ScimClient.Answer pushedInside =
        scim.post("Users", ScimPayloads.oktaUser(inside, "Push", "Ed"));
    assertThat(pushedInside.status()).as(pushedInside.toString()).isEqualTo(201);
    ScimClient.Answer pushedOutside =
        scim.post("Users", ScimPayloads.oktaUser(outside, "Push", "Ed"));
    assertThat(pushedOutside.status()).as(pushedOutside.toString()).isEqualTo(201);

    assertThat(byEmail(inside).isEmailVerified()).isTrue();
    assertThat(fixtures.companiesOf(byEmail(inside).getUsername())).containsExactly(company);
    assertThat(byEmail(outside).isEmailVerified()).isFalse();

    String other = ScimPayloads.unique("neighbour");
    fixtures.company(other, other + ".example", true, List.of());
    otherCompanies.add(other);
    ScimClient neighbour =
        new ScimClient(ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), other));
    ScimClient.Answer refused =
        neighbour.post("Users", ScimPayloads.oktaUser("squat@hq." + parent, "Squat", "Ter"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(fixtures.realm().users().searchByEmail("squat@hq." + parent, true)).isEmpty();
  }

  @Test
  @DisplayName(
      "A directory sync imports a user at hq.<domain> into the company with a verified e-mail")
  void directorySync() {
    stack.okta().assignGroups(ORG, OREN, List.of("Everyone", "Night shift"));
    String synced = oktaUser("synced@hq." + parent);
    ComponentRepresentation directory = new ComponentRepresentation();
    directory.setName(company + " directory");
    directory.setProviderId("okta-directory");
    directory.setProviderType("org.keycloak.storage.UserStorageProvider");
    directory.setConfig(
        new MultivaluedHashMap<>(
            Map.of(
                "identityProvider", List.of(idp),
                "apiToken", List.of("00initrode-read-only-api-token"),
                "groupFilter", List.of(GROUP))));
    String id;
    try (var created = fixtures.realm().components().add(directory)) {
      assertThat(created.getStatus()).isEqualTo(201);
      id = CreatedResponseUtil.getCreatedId(created);
    }
    components.add(id);

    var result =
        new DirectorySyncAdmin(admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, id)
            .syncAll();

    assertThat(result.getAdded()).as(result.getStatus()).isEqualTo(1);
    assertThat(byEmail(synced).isEmailVerified()).isTrue();
    assertThat(fixtures.companiesOf(byEmail(synced).getUsername())).containsExactly(company);
  }

  @Test
  @DisplayName(
      "Typing an address at eu.<domain> on the Single Sign-On page signs in at the company's Okta and creates a verified member")
  void signIn() throws Exception {
    String login = oktaUser("signin@eu." + parent);
    DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
    try (Browser browser = Browser.start()) {
      DemoAppClient.Authorization authorization = app.authorize(Map.of());
      browser.open(authorization.url());
      new LoginPage(browser).openSingleSignOn().submit(login);
      browser.waitForUrlStartingWith(stack.okta().orgBaseUrl(ORG) + "/oauth2/v1/authorize");
      UpstreamSignInPage.OKTA.signIn(browser, login, PASSWORD);
      URI callback = browser.waitForUrlStartingWith(app.redirectUri().toString());
      assertThat(authorization.signedInUser(callback)).isEqualTo(byEmail(login).getUsername());
    }

    assertThat(byEmail(login).isEmailVerified()).isTrue();
    assertThat(fixtures.companiesOf(byEmail(login).getUsername())).containsExactly(company);
  }
}
