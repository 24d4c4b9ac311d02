package dev.companysso.it;

import static dev.companysso.it.support.IdpMappers.mapper;
import static dev.companysso.it.support.IdpMappers.rules;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.IdpMappers;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.TestConnection;
import dev.companysso.it.support.UpstreamErrorPage;
import dev.companysso.it.support.UpstreamSignInPage;
import dev.companysso.simulators.EntraTenant;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/** The "Microsoft Entra ID" identity-provider type against the Entra simulator. */
@ExtendWith(CompanySsoExtension.class)
class EntraIdIdentityProviderIT {

  private static final String ALIAS = "contoso-entra-id";
  private static final String TENANT = CompanySsoStack.CONTOSO_TENANT_ID;

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;

  @BeforeAll
  static void entraIdProvider(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      try (Response created =
          fixtures.realm().identityProviders().create(entraId(stack, ALIAS, TENANT))) {
        assertThat(created.getStatus()).isEqualTo(201);
      }
      fixtures.realmRole("Overage tester");
      EntraTenant contoso = stack.directory().entraTenant(TENANT).orElseThrow();
      List<String> inesGroups = contoso.groupObjectIds(user(contoso, "ines@contoso.example"));
      new IdpMappers(fixtures.realm())
          .add(
              mapper(
                  ALIAS,
                  "overage table",
                  "company-group-role-mapper",
                  Map.of("rules", rules(inesGroups.get(437), "Overage tester"))));
    }
  }

  private static IdentityProviderRepresentation entraId(
      CompanySsoStack stack, String alias, String tenant) {
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(alias);
    idp.setProviderId("entra-id");
    idp.setEnabled(true);
    idp.setHideOnLogin(true);
    idp.setConfig(
        new java.util.HashMap<>(
            Map.of(
                "tenantId",
                tenant,
                "clientId",
                "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e",
                "clientSecret",
                "contoso-entra-client-secret",
                "authorityOverride",
                stack.entra().authority(),
                "graphOverride",
                stack.entra().graphBaseUrl(),
                "syncMode",
                "FORCE")));
    return idp;
  }

  private static EntraTenant.User user(EntraTenant tenant, String upn) {
    return tenant.users().stream()
        .filter(u -> u.userPrincipalName().equals(upn))
        .findFirst()
        .orElseThrow();
  }

  @BeforeEach
  void admin(CompanySsoStack stack) {
    this.stack = stack;
    this.admin = stack.keycloak().adminClient();
    this.fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  /** Signs in through the Entra ID provider; returns the claims of demo-app's ID token. */
  private JWTClaimsSet signIn(String upn) throws Exception {
    try (Browser browser = Browser.start()) {
      return BrokeredLogin.signIn(
          browser,
          stack.keycloak().baseUrl(),
          CompanySsoStack.REALM,
          ALIAS,
          UpstreamSignInPage.ENTRA,
          upn,
          upn.substring(0, upn.indexOf('@')) + "-password");
    }
  }

  @Test
  @DisplayName("The account is keyed on the Entra object id (oid), not the pairwise sub")
  void keyedOnObjectId() throws Exception {
    signIn("jon@contoso.example");

    List<FederatedIdentityRepresentation> links =
        BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "jon@contoso.example");
    assertThat(links)
        .singleElement()
        .satisfies(
            link -> {
              assertThat(link.getIdentityProvider()).isEqualTo(ALIAS);
              assertThat(link.getUserId()).isEqualTo("0d7e2c4a-91b3-4f5e-8a6d-7c1b2e3f4a21");
            });
  }

  @Test
  @DisplayName(
      "An e-mail changed in Entra, even to another account's address, does not change which account signs in")
  void emailChangeKeepsTheAccount() throws Exception {
    String kai = signIn("kai@contoso.example").getSubject();
    fixtures.localUser("marta", "marta@contoso.example", "marta-local-password");

    stack.entra().changeMail(TENANT, "kai@contoso.example", "marta@contoso.example");
    JWTClaimsSet again = signIn("kai@contoso.example");

    assertThat(again.getSubject()).isEqualTo(kai);
    assertThat(again.getStringClaim("preferred_username")).isEqualTo("kai@contoso.example");
    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "marta")).isEmpty();
    assertThat(
            fixtures
                .realm()
                .users()
                .get(fixtures.userId("kai@contoso.example"))
                .toRepresentation()
                .getEmail())
        .as("the address of another account is not taken over")
        .isEqualTo("kai@contoso.example");
  }

  @Test
  @DisplayName(
      "A user in 501 groups (groups overage): the full list is read from Graph and reaches the mapper")
  void groupsOverage() throws Exception {
    signIn("ines@contoso.example");

    assertThat(fixtures.directRealmRolesOf("ines@contoso.example")).contains("Overage tester");
  }

  @Test
  @DisplayName(
      "AADSTS50105 (user not assigned to the app) gives the login page saying so, and an event")
  void userNotAssigned() throws Exception {
    try (Browser browser = Browser.start()) {
      UpstreamErrorPage.reach(
          browser,
          stack,
          ALIAS,
          UpstreamSignInPage.ENTRA,
          "frank@contoso.example",
          "frank-password");
      assertThat(browser.pageText())
          .contains("Your company has not given you access to this application yet.");
    }
    assertThat(fixtures.events("IDENTITY_PROVIDER_LOGIN_ERROR"))
        .anySatisfy(
            event -> {
              assertThat(event.getError()).isEqualTo("company_sso_user_not_assigned");
              assertThat(event.getDetails()).containsEntry("identity_provider", ALIAS);
            });
  }

  @Test
  @DisplayName(
      "Test connection: passes for the tenant; a tenant id unknown to Microsoft fails discovery")
  void testConnection() throws Exception {
    AdminRest.Answer good =
        TestConnection.run(admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, ALIAS);
    assertThat(good.body().path("ok").asBoolean()).as(good.body().toString()).isTrue();

    try (Response created =
        fixtures
            .realm()
            .identityProviders()
            .create(entraId(stack, "unknown-tenant", "11111111-2222-3333-4444-555555555555"))) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
    AdminRest.Answer bad =
        TestConnection.run(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "unknown-tenant");
    assertThat(bad.body().path("ok").asBoolean()).isFalse();
    assertThat(bad.body().path("checks").get(0).path("message").asText())
        .contains("answered 404")
        .contains("Directory (tenant) ID");
  }

  @Test
  @DisplayName(
      "Multi-tenant: a tenant on the allow-list signs in; a token of any other tenant is refused with the themed page")
  void multiTenantAllowList() throws Exception {
    IdentityProviderRepresentation refusing = entraId(stack, "entra-others-only", "organizations");
    refusing.getConfig().put("allowedTenants", "72f988bf-86f1-41af-91ab-2d7cd011db47");
    IdentityProviderRepresentation accepting =
        entraId(stack, "entra-contoso-allowed", "organizations");
    accepting.getConfig().put("allowedTenants", "72f988bf-86f1-41af-91ab-2d7cd011db47, " + TENANT);
    for (IdentityProviderRepresentation idp : List.of(refusing, accepting)) {
      try (Response created = fixtures.realm().identityProviders().create(idp)) {
        assertThat(created.getStatus()).isEqualTo(201);
      }
    }

    try (Browser browser = Browser.start()) {
      UpstreamErrorPage.reach(
          browser,
          stack,
          "entra-others-only",
          UpstreamSignInPage.ENTRA,
          "lia@contoso.example",
          "lia-password");
      assertThat(browser.pageText())
          .contains("Accounts of your organization's Microsoft tenant cannot sign in here.");
    }
    assertThat(fixtures.realm().users().searchByUsername("lia@contoso.example", true)).isEmpty();

    try (Browser browser = Browser.start()) {
      BrokeredLogin.signIn(
          browser,
          stack.keycloak().baseUrl(),
          CompanySsoStack.REALM,
          "entra-contoso-allowed",
          UpstreamSignInPage.ENTRA,
          "lia@contoso.example",
          "lia-password");
    }
    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "lia@contoso.example"))
        .singleElement()
        .satisfies(
            link -> assertThat(link.getIdentityProvider()).isEqualTo("entra-contoso-allowed"));
  }

  @Test
  @DisplayName(
      "AADSTS65001 (no admin consent for the app yet) gives the login page saying so, and an event")
  void consentRequired() throws Exception {
    IdentityProviderRepresentation unconsented = entraId(stack, "contoso-unconsented", TENANT);
    unconsented.getConfig().put("clientId", "8e6b4f2a-1c3d-4e5f-9a7b-0c1d2e3f4a5b");
    unconsented.getConfig().put("clientSecret", "contoso-unconsented-secret");
    try (Response created = fixtures.realm().identityProviders().create(unconsented)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }

    try (Browser browser = Browser.start()) {
      UpstreamErrorPage.reach(
          browser,
          stack,
          "contoso-unconsented",
          UpstreamSignInPage.ENTRA,
          "dave@contoso.example",
          "dave-password");
      assertThat(browser.pageText())
          .contains("Your company's administrator must first approve this application");
    }
    assertThat(fixtures.events("IDENTITY_PROVIDER_LOGIN_ERROR"))
        .anySatisfy(
            event -> {
              assertThat(event.getError()).isEqualTo("company_sso_consent_required");
              assertThat(event.getDetails())
                  .containsEntry("identity_provider", "contoso-unconsented");
            });
  }

  @Test
  @DisplayName(
      "Test connection: an authority that is not the issuer's host (127.0.0.1 for localhost) fails the issuer check")
  void testConnectionIssuerMismatch() throws Exception {
    IdentityProviderRepresentation otherHost = entraId(stack, "contoso-by-ip", TENANT);
    otherHost
        .getConfig()
        .put("authorityOverride", stack.entra().authority().replace("localhost", "127.0.0.1"));
    try (Response created = fixtures.realm().identityProviders().create(otherHost)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
    AdminRest.Answer answer =
        TestConnection.run(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "contoso-by-ip");
    assertThat(answer.body().path("ok").asBoolean()).isFalse();
    assertThat(answer.body().path("checks").get(1).path("name").asText()).isEqualTo("issuer");
    assertThat(answer.body().path("checks").get(1).path("message").asText())
        .contains("Discovery names the issuer " + stack.entra().issuer(TENANT))
        .contains("but tokens are accepted from http://127.0.0.1:");
  }

  @Test
  @DisplayName("Saving a bad tenant id is refused with a message naming the field")
  void badTenantRefused() {
    try (Response response =
        fixtures.realm().identityProviders().create(entraId(stack, "bad-entra", "contoso"))) {
      assertThat(response.getStatus()).isEqualTo(400);
      assertThat(response.readEntity(String.class))
          .contains("Tenant ID: 'contoso' is neither a Directory (tenant) ID");
    }
  }
}
