package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.openqa.selenium.By;

/** First login: the user, their roles and company, and the linking rules, in a browser. */
@ExtendWith(CompanySsoExtension.class)
class JitProvisioningIT {

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;

  @BeforeAll
  static void initrode(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      fixtures.realmRole("Contractor");
      fixtures.oktaIdentityProvider(
          "initrode-okta",
          stack.okta().orgBaseUrl("initrode"),
          "0oa1initrodekeycloak01",
          "initrode-okta-client-secret");
      fixtures.company("initrode", "initrode.example", true, List.of("initrode-okta"));
      fixtures.companyAttribute("initrode", "companySso.firstMemberOwner", "true");
      fixtures.companyAttribute("initrode", "companySso.defaultRoles", "Worker,Contractor");
    }
  }

  @AfterAll
  static void removeInitrode(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      fixtures.deleteUsersWithEmailIn("initrode.example");
      fixtures.companyResource("initrode").delete().close();
      fixtures.realm().identityProviders().get("initrode-okta").remove();
      fixtures.realm().roles().deleteRole("Contractor");
    }
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

  private void signIn(String idp, String username, String password) throws Exception {
    try (Browser browser = Browser.start()) {
      BrokeredLogin.signIn(
          browser,
          stack.keycloak().baseUrl(),
          CompanySsoStack.REALM,
          idp,
          UpstreamSignInPage.OKTA,
          username,
          password);
    }
  }

  /** Signs in up to the first page Keycloak shows after the IdP, and leaves the browser there. */
  private Browser signInUntilKeycloakPage(
      String idp, UpstreamSignInPage page, String username, String password) {
    Browser browser = Browser.start();
    DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
    browser.open(app.authorize(Map.of("kc_idp_hint", idp)).url());
    page.signIn(browser, username, password);
    browser.waitForUrlStartingWith(stack.keycloak().baseUrl() + "/realms/");
    return browser;
  }

  @Test
  @DisplayName(
      "A first login creates the user with Worker and Acme membership, no review page; the second login reuses the account")
  void firstAndSecondLogin() throws Exception {
    signIn("acme-okta", "ivan@acme.example", "ivan-password");
    String id = fixtures.userId("ivan@acme.example");
    assertThat(fixtures.realmRolesOf("ivan@acme.example"))
        .contains("Worker")
        .doesNotContain("Owner");
    assertThat(fixtures.companiesOf("ivan@acme.example")).containsExactly("acme");

    signIn("acme-okta", "ivan@acme.example", "ivan-password");
    assertThat(fixtures.userId("ivan@acme.example")).isEqualTo(id);
  }

  @Test
  @DisplayName("A username template such as ${company}.${preferred_username} names the new user")
  void usernameTemplate() throws Exception {
    String flow = "company first login";
    String previous =
        fixtures.authenticatorSetting(
            flow,
            "company-jit-provisioning",
            "usernameTemplate",
            "${company}.${preferred_username}");
    try {
      signIn("acme-okta", "pete@acme.example", "pete-password");
    } finally {
      fixtures.authenticatorSetting(flow, "company-jit-provisioning", "usernameTemplate", previous);
    }
    assertThat(fixtures.realmRolesOf("acme.pete@acme.example")).contains("Worker");
  }

  @Test
  @DisplayName(
      "Each provisioned user gives an event with the company, the identity provider and the roles granted")
  void provisioningEvent() throws Exception {
    signIn("acme-okta", "judy@acme.example", "judy-password");
    String id = fixtures.userId("judy@acme.example");

    List<EventRepresentation> events =
        fixtures.realm().getEvents(null, null, id, null, null, null, null, null);
    assertThat(events)
        .anySatisfy(
            event ->
                assertThat(event.getDetails())
                    .containsEntry("company", "acme")
                    .containsEntry("identity_provider", "acme-okta")
                    .containsEntry("company_roles", "Worker")
                    .containsEntry("company_provisioning", "created"));
  }

  @Test
  @DisplayName(
      "Two simultaneous first logins of a company with first-member ownership give exactly one Owner; its role list replaces the default; later members are not owners")
  void firstMemberOwnerUnderConcurrency() throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Void>> logins = new ArrayList<>();
    for (String user : List.of("lou", "mia")) {
      logins.add(
          CompletableFuture.runAsync(
              () -> {
                try (Browser browser = Browser.start()) {
                  DemoAppClient app =
                      new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
                  DemoAppClient.Authorization authorization =
                      app.authorize(Map.of("kc_idp_hint", "initrode-okta"));
                  browser.open(authorization.url());
                  browser
                      .waitFor(By.id("okta-signin-username"))
                      .sendKeys(user + "@initrode.example");
                  browser.waitFor(By.id("okta-signin-password")).sendKeys(user + "-password");
                  together.await(30, TimeUnit.SECONDS);
                  browser.waitFor(By.id("okta-signin-submit")).click();
                  browser.waitForUrlStartingWith(app.redirectUri().toString());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    signIn("initrode-okta", "ned@initrode.example", "ned-password");

    List<List<String>> roles =
        List.of(
            fixtures.realmRolesOf("lou@initrode.example"),
            fixtures.realmRolesOf("mia@initrode.example"),
            fixtures.realmRolesOf("ned@initrode.example"));
    assertThat(roles).allSatisfy(r -> assertThat(r).contains("Worker", "Contractor"));
    assertThat(roles.stream().filter(r -> r.contains("Owner"))).hasSize(1);
    assertThat(roles.get(2)).doesNotContain("Owner");
    assertThat(fixtures.companiesOf("ned@initrode.example")).containsExactly("initrode");
  }

  @Test
  @DisplayName(
      "A company that has had its Owner never gets another automatically, even after the owner account is deleted")
  void ownerNeverGrantedTwice() throws Exception {
    String company = "solo" + UUID.randomUUID().toString().substring(0, 8);
    String alias =
        fixtures.companyOnAcmeOkta(company, stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG));
    fixtures.companyAttribute(company, "companySso.firstMemberOwner", "true");
    List<String> logins =
        List.of("first@" + company + ".example", "second@" + company + ".example");
    for (String login : logins) {
      stack
          .okta()
          .addUser(
              CompanySsoStack.ACME_ORG,
              SimulatorUsers.okta(login, "Solo-passw0rd!", "Solo", "Member", List.of()));
    }
    try {
      signIn(alias, logins.get(0), "Solo-passw0rd!");
      assertThat(fixtures.realmRolesOf(logins.get(0))).contains("Owner");
      fixtures.realm().users().delete(fixtures.userId(logins.get(0))).close();

      signIn(alias, logins.get(1), "Solo-passw0rd!");
      assertThat(fixtures.realmRolesOf(logins.get(1))).contains("Worker").doesNotContain("Owner");
    } finally {
      logins.forEach(login -> stack.okta().removeUser(CompanySsoStack.ACME_ORG, login));
      fixtures.deleteUsersWithEmailIn(company + ".example");
      fixtures.companyResource(company).delete().close();
      fixtures.realm().identityProviders().get(alias).remove();
    }
  }

  @Test
  @DisplayName(
      "An existing account with the same e-mail is not linked silently; the standard link path links it after its password")
  void existingAccountNeedsItsPassword() {
    String local = fixtures.localUser("nora-local", "nora@acme.example", "nora-local-password");
    try (Browser browser =
        signInUntilKeycloakPage(
            "acme-okta", UpstreamSignInPage.OKTA, "nora@acme.example", "nora-password")) {
      browser.waitFor(By.id("linkAccount"));
      assertThat(admin.realm(CompanySsoStack.REALM).users().get(local).getFederatedIdentity())
          .isEmpty();

      browser.waitFor(By.id("linkAccount")).click();
      browser.waitFor(By.id("password")).sendKeys("nora-local-password");
      browser.waitFor(By.id("kc-login")).click();
      browser.waitForUrlStartingWith(stack.keycloak().baseUrl() + "/demo-app/callback");
    }
    assertThat(admin.realm(CompanySsoStack.REALM).users().get(local).getFederatedIdentity())
        .extracting(link -> link.getIdentityProvider())
        .containsExactly("acme-okta");
  }

  @Test
  @DisplayName(
      "A trusted IdP that verified the e-mail links a verified local account of its own company without a prompt")
  void trustedVerifiedLinks() throws Exception {
    String local = fixtures.localUser("liam-local", "liam@acme.example", "liam-local-password");
    boolean trusted = fixtures.trustEmail("acme-okta", true);
    try {
      signIn("acme-okta", "liam@acme.example", "liam-password");
    } finally {
      fixtures.trustEmail("acme-okta", trusted);
    }
    assertThat(admin.realm(CompanySsoStack.REALM).users().get(local).getFederatedIdentity())
        .extracting(link -> link.getIdentityProvider())
        .containsExactly("acme-okta");
    assertThat(fixtures.companiesOf("liam-local")).containsExactly("acme");
  }

  @Test
  @DisplayName("A trusted IdP that did not verify the e-mail still gets the link prompt")
  void trustedButUnverifiedPrompts() {
    fixtures.localUser("kent-local", "kent@acme.example", "kent-local-password");
    boolean trusted = fixtures.trustEmail("acme-okta", true);
    try (Browser browser =
        signInUntilKeycloakPage(
            "acme-okta", UpstreamSignInPage.OKTA, "kent@acme.example", "kent-password")) {
      browser.waitFor(By.id("linkAccount"));
    } finally {
      fixtures.trustEmail("acme-okta", trusted);
    }
  }

  @Test
  @DisplayName(
      "An IdP user whose e-mail belongs to another company's verified domain is refused with a themed page")
  void foreignDomainRefused() {
    try (Browser browser =
        signInUntilKeycloakPage(
            "acme-okta", UpstreamSignInPage.OKTA, "mallory@acme.example", "mallory-password")) {
      assertThat(browser.pageText())
          .contains("Your company account uses an e-mail address of another company.");
    }
    assertThat(fixtures.realm().users().searchByEmail("mallory@contoso.example", true)).isEmpty();
  }

  @Test
  @DisplayName(
      "A user whose IdP sends no e-mail fills it in on Keycloak's review-profile page, then is created")
  void missingEmailGoesToReviewProfile() {
    try (Browser browser =
        signInUntilKeycloakPage(
            "contoso-entra", UpstreamSignInPage.ENTRA, "henry@contoso.example", "henry-password")) {
      browser.waitFor(By.id("email")).sendKeys("henry@contoso.example");
      browser.waitFor(By.cssSelector("input[type=submit], button[type=submit]")).click();
      URI callback =
          browser.waitForUrlStartingWith(stack.keycloak().baseUrl() + "/demo-app/callback");
      assertThat(callback.getQuery()).contains("code=");
    }
    assertThat(fixtures.realmRolesOf("henry@contoso.example")).contains("Worker");
    assertThat(fixtures.companiesOf("henry@contoso.example")).containsExactly("contoso");
  }
}
