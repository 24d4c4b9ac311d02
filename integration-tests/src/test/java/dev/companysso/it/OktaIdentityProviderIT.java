package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminConsole;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.IdpMappers;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.TestConnection;
import dev.companysso.it.support.UpstreamErrorPage;
import dev.companysso.it.support.UpstreamSignInPage;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The "Okta" identity-provider type against the Okta simulator. */
@ExtendWith(CompanySsoExtension.class)
class OktaIdentityProviderIT {

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;

  @BeforeEach
  void admin(CompanySsoStack stack) {
    this.stack = stack;
    this.admin = stack.keycloak().adminClient();
    this.fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    for (String[] server :
        new String[][] {{"acme-okta-org", ""}, {"acme-okta-default", "default"}}) {
      if (fixtures.realm().identityProviders().findAll().stream()
          .noneMatch(idp -> idp.getAlias().equals(server[0]))) {
        try (Response created = create(okta(server[0], "acme.okta.com", server[1]))) {
          assertThat(created.getStatus()).isEqualTo(201);
        }
      }
    }
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  private IdentityProviderRepresentation okta(String alias, String domain, String server) {
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(alias);
    idp.setProviderId("okta");
    idp.setEnabled(true);
    idp.setHideOnLogin(true);
    idp.setConfig(
        new HashMap<>(
            Map.of(
                "oktaDomain",
                domain,
                "authorizationServer",
                server,
                "clientId",
                "0oa1acmekeycloak000001",
                "clientSecret",
                "acme-okta-client-secret",
                "baseUrlOverride",
                stack.okta().orgBaseUrl("acme"))));
    return idp;
  }

  /** The Okta user id (00u…) of a login in the simulator's directory. */
  private String oktaUserId(String login) {
    return stack.directory().oktaOrg("acme").orElseThrow().users().stream()
        .filter(user -> user.login().equals(login))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private Response create(IdentityProviderRepresentation idp) {
    return fixtures.realm().identityProviders().create(idp);
  }

  private void signIn(String alias, String login) throws Exception {
    try (Browser browser = Browser.start()) {
      BrokeredLogin.signIn(
          browser,
          stack.keycloak().baseUrl(),
          CompanySsoStack.REALM,
          alias,
          UpstreamSignInPage.OKTA,
          login,
          login.substring(0, login.indexOf('@')) + "-password");
    }
  }

  @Test
  @DisplayName(
      "Org authorization server: the form's domain is enough; the account is keyed on the Okta user id")
  void orgServer() throws Exception {
    IdentityProviderRepresentation stored =
        fixtures.realm().identityProviders().get("acme-okta-org").toRepresentation();
    assertThat(stored.getConfig())
        .containsEntry("issuer", stack.okta().issuer("acme", null))
        .containsEntry("jwksUrl", stack.okta().orgBaseUrl("acme") + "/oauth2/v1/keys");

    signIn("acme-okta-org", "wes@acme.example");

    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "wes@acme.example"))
        .singleElement()
        .satisfies(link -> assertThat(link.getUserId()).isEqualTo(oktaUserId("wes@acme.example")));
  }

  @Test
  @DisplayName("Custom authorization server 'default': its issuer is pinned and sign-in works")
  void customServer() throws Exception {
    assertThat(
            fixtures
                .realm()
                .identityProviders()
                .get("acme-okta-default")
                .toRepresentation()
                .getConfig())
        .containsEntry("issuer", stack.okta().issuer("acme", "default"));

    signIn("acme-okta-default", "xena@acme.example");

    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "xena@acme.example"))
        .singleElement()
        .satisfies(link -> assertThat(link.getUserId()).isEqualTo(oktaUserId("xena@acme.example")));
  }

  @Test
  @DisplayName(
      "A user Okta has not assigned to the app gets the login page saying so, and the admin an event")
  void userNotAssigned() throws Exception {
    try (Browser browser = Browser.start()) {
      UpstreamErrorPage.reach(
          browser,
          stack,
          "acme-okta-org",
          UpstreamSignInPage.OKTA,
          "carol@acme.example",
          "carol-password");
      assertThat(browser.pageText())
          .contains("Your company has not given you access to this application yet.");
    }
    assertThat(fixtures.events("IDENTITY_PROVIDER_LOGIN_ERROR"))
        .anySatisfy(
            event -> {
              assertThat(event.getError()).isEqualTo("company_sso_user_not_assigned");
              assertThat(event.getDetails()).containsEntry("identity_provider", "acme-okta-org");
            });
  }

  @Test
  @DisplayName(
      "Test connection: all checks pass for a good form; a wrong secret fails the credentials check with the fix")
  void testConnection() throws Exception {
    AdminRest.Answer good =
        TestConnection.run(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "acme-okta-org");
    assertThat(good.status()).isEqualTo(200);
    assertThat(good.body().path("ok").asBoolean()).isTrue();
    assertThat(good.body().path("checks").findValuesAsText("name"))
        .containsExactly("discovery", "issuer", "credentials");

    IdentityProviderRepresentation wrongSecret =
        okta("acme-okta-wrong-secret", "acme.okta.com", "");
    wrongSecret.getConfig().put("clientSecret", "not-the-secret");
    try (Response created = create(wrongSecret)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
    AdminRest.Answer bad =
        TestConnection.run(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "acme-okta-wrong-secret");
    assertThat(bad.body().path("ok").asBoolean()).isFalse();
    JsonNode credentials = bad.body().path("checks").get(2);
    assertThat(credentials.path("name").asText()).isEqualTo("credentials");
    assertThat(credentials.path("ok").asBoolean()).isFalse();
    assertThat(credentials.path("message").asText())
        .contains("refused the client id or secret (invalid_client")
        .contains("Copy them again from the app");

    fixtures.identityProvider("plain-oidc", "Plain OIDC", stack.okta().issuer("acme", null), false);
    assertThat(
            TestConnection.run(
                    admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "plain-oidc")
                .status())
        .as("a built-in OIDC provider is not an Okta or Entra ID type")
        .isEqualTo(404);
  }

  @Test
  @DisplayName("The admin console shows the Okta form: domain, authorization server, client")
  void adminConsoleForm() throws Exception {
    try (Browser browser = Browser.start()) {
      String page =
          AdminConsole.signIn(browser, stack.keycloak().baseUrl())
              .openIdp(CompanySsoStack.REALM, "okta", "acme-okta-default", "Okta domain");
      assertThat(page)
          .contains("Okta domain", "Authorization server", "Client ID", "Client Secret");
      assertThat(page.split("Client ID", -1)).as("Client ID shown once").hasSize(2);
    }
  }

  @Test
  @DisplayName(
      "Okta rotates its signing key: the next sign-in works, Keycloak fetches the new key set")
  void signingKeyRotation() throws Exception {
    signIn("acme-okta-default", "xena@acme.example");
    stack.okta().rotateSigningKey("acme", "default");
    // Keycloak fetches a provider's key set again when a token names an unknown key, at most
    // every 10 s (public-key-storage min-time-between-requests) per provider.
    Thread.sleep(11_000);

    signIn("acme-okta-default", "xena@acme.example");
  }

  @Test
  @DisplayName(
      "Okta too slow to answer the token request (over Keycloak's 5 s socket timeout): a themed page says what to do")
  void slowIdp() throws Exception {
    stack.okta().delayTokens(Duration.ofSeconds(8));
    try (Browser browser = Browser.start()) {
      UpstreamErrorPage.reach(
          browser,
          stack,
          "acme-okta-default",
          UpstreamSignInPage.OKTA,
          "xena@acme.example",
          "xena-password");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(driver -> browser.pageText().contains("did not answer in time"));
      assertThat(browser.pageText())
          .contains("Signing in with your company's sign-in service did not complete");
    } finally {
      stack.okta().delayTokens(Duration.ZERO);
    }
  }

  @Test
  @DisplayName(
      "No groups claim from Okta: with a groups API token the groups are read from the Okta API (paged) and reach the mapper")
  void groupsFromOktaApi() throws Exception {
    IdentityProviderRepresentation initrode = okta("initrode-okta-api", "initrode.okta.com", "");
    initrode.getConfig().put("baseUrlOverride", stack.okta().orgBaseUrl("initrode"));
    initrode.getConfig().put("clientId", "0oa1initrodekeycloak01");
    initrode.getConfig().put("clientSecret", "initrode-okta-client-secret");
    initrode.getConfig().put("groupsApiToken", "00initrode-read-only-api-token");
    initrode.getConfig().put("syncMode", "FORCE");
    try (Response created = create(initrode)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
    fixtures.realmRole("Night crew");
    new IdpMappers(fixtures.realm())
        .add(
            IdpMappers.mapper(
                "initrode-okta-api",
                "initrode groups",
                "company-group-role-mapper",
                Map.of("rules", IdpMappers.rules("Night shift", "Night crew"))));

    signIn("initrode-okta-api", "oren@initrode.example");

    // Oren's third group is on the API's second page (page size 2 in the simulator's data).
    assertThat(fixtures.directRealmRolesOf("oren@initrode.example")).contains("Night crew");
  }

  @Test
  @DisplayName(
      "Saving is refused with the field and the fix: Admin Console domain, unknown server (discovery 404)")
  void badFormsRefused() {
    try (Response response = create(okta("acme-okta-admin", "acme-admin.okta.com", ""))) {
      assertThat(response.getStatus()).isEqualTo(400);
      assertThat(response.readEntity(String.class))
          .contains("is the Admin Console's address")
          .contains("Use the primary Okta domain, acme.okta.com.");
    }
    try (Response response = create(okta("acme-okta-nope", "acme.okta.com", "nope"))) {
      assertThat(response.getStatus()).isEqualTo(400);
      assertThat(response.readEntity(String.class)).contains("answered 404");
    }
    assertThat(fixtures.realm().identityProviders().findAll())
        .extracting(IdentityProviderRepresentation::getAlias)
        .doesNotContain("acme-okta-admin", "acme-okta-nope");
  }
}
