package dev.companysso.it;

import static dev.companysso.it.scim.ScimAssertions.assertEmptyList;
import static dev.companysso.it.scim.ScimAssertions.assertResource;
import static dev.companysso.it.scim.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.IdpMappers;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;

/**
 * Attacks on the bundle as a company's IdP admin or SCIM token holder would make them: each test
 * sets up two fresh companies of its own, makes the attack, and checks that it is refused with
 * nothing changed on the victim's account.
 */
@ExtendWith(CompanySsoExtension.class)
class SecurityIT {

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private String attacker;
  private String victim;
  private ScimClient attackerScim;

  @BeforeEach
  void twoCompanies(CompanySsoStack stack) throws Exception {
    this.stack = stack;
    this.admin = stack.keycloak().adminClient();
    this.fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    attacker = ScimPayloads.unique("evilcorp");
    victim = ScimPayloads.unique("victimco");
    String okta = stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG);
    fixtures.identityProvider(attacker + "-idp", attacker, okta + "/" + attacker, true);
    fixtures.company(attacker, attacker + ".example", true, List.of(attacker + "-idp"));
    fixtures.identityProvider(victim + "-idp", victim, okta + "/" + victim, true);
    fixtures.company(victim, victim + ".example", true, List.of(victim + "-idp"));
    attackerScim =
        new ScimClient(ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), attacker));
  }

  @AfterEach
  void removeCompanies() {
    for (String company : List.of(attacker, victim)) {
      fixtures.companyResource(company).delete().close();
      fixtures.realm().identityProviders().get(company + "-idp").remove();
    }
    admin.close();
  }

  /** What an attack must leave as it was. */
  private record Snapshot(
      UserRepresentation user, List<String> links, List<String> companies, List<String> roles) {}

  private Snapshot snapshot(String username) {
    UserRepresentation user = fixtures.user(username);
    return new Snapshot(
        user,
        fixtures.realm().users().get(user.getId()).getFederatedIdentity().stream()
            .map(link -> link.getIdentityProvider() + "=" + link.getUserId())
            .toList(),
        fixtures.companiesOf(username),
        fixtures.realmRolesOf(username));
  }

  private void assertUnchanged(Snapshot before) {
    Snapshot after = snapshot(before.user().getUsername());
    assertThat(after.user().getEmail()).isEqualTo(before.user().getEmail());
    assertThat(after.user().isEnabled()).isEqualTo(before.user().isEnabled());
    assertThat(after.user().getFirstName()).isEqualTo(before.user().getFirstName());
    assertThat(after.links()).isEqualTo(before.links());
    assertThat(after.companies()).containsExactlyInAnyOrderElementsOf(before.companies());
    assertThat(after.roles()).containsExactlyInAnyOrderElementsOf(before.roles());
  }

  /** An account the attacking company's own SCIM creates; its id. */
  private String pushed(String username) {
    return assertResource(
            attackerScim.post("Users", ScimPayloads.oktaUser(username, "Pu", "Shed")), 201)
        .path("id")
        .asText();
  }

  /** Every way a SCIM token reaches a user, each answered as for an id that does not exist. */
  private void assertOutOfReach(String userId, String username) {
    assertScimError(attackerScim.get("Users/" + userId), 404, null);
    assertScimError(
        attackerScim.patch(
            "Users/" + userId,
            ScimPayloads.patch(ScimPayloads.op("replace", "externalId", "00uattacker000000001"))),
        404,
        null);
    assertScimError(
        attackerScim.patch(
            "Users/" + userId, ScimPayloads.patch(ScimPayloads.op("replace", "active", false))),
        404,
        null);
    assertScimError(
        attackerScim.put("Users/" + userId, ScimPayloads.oktaUser(username, "Pwned", "Pwned")),
        404,
        null);
    assertScimError(attackerScim.delete("Users/" + userId), 404, null);
    assertEmptyList(
        attackerScim.get("Users?" + ScimClient.filter("userName eq \"" + username + "\"")));
    assertThat(attackerScim.get("Users?count=200").resourceIds()).doesNotContain(userId);
  }

  @Nested
  @DisplayName("Given a SCIM token of one company")
  class ScimOwnership {

    @Test
    @DisplayName(
        "a consultant an admin made a member of two companies is out of its reach: no relink, rename, disable or delete")
    void sharedConsultant() {
      String username = ScimPayloads.unique("consultant-") + "@" + victim + ".example";
      String id = fixtures.localUser(username, username, "Consultant-passw0rd!");
      fixtures.companyResource(attacker).members().addMember(id).close();
      fixtures.companyResource(victim).members().addMember(id).close();
      Snapshot before = snapshot(username);

      assertOutOfReach(id, username);

      assertUnchanged(before);
    }

    @Test
    @DisplayName("an account its own SCIM created stops being its own once it holds an admin role")
    void adminAccount() {
      String username = ScimPayloads.unique("scim-admin-") + "@" + attacker + ".example";
      String id = pushed(username);
      String realmManagement =
          fixtures.realm().clients().findByClientId("realm-management").get(0).getId();
      RoleRepresentation realmAdmin =
          fixtures
              .realm()
              .clients()
              .get(realmManagement)
              .roles()
              .get("realm-admin")
              .toRepresentation();
      fixtures
          .realm()
          .users()
          .get(id)
          .roles()
          .clientLevel(realmManagement)
          .add(List.of(realmAdmin));
      Snapshot before = snapshot(username);

      assertOutOfReach(id, username);

      assertUnchanged(before);
    }

    @Test
    @DisplayName("an account of its own keeps its identity link: a new externalId is refused")
    void linkNeverMoved() {
      String username = ScimPayloads.unique("scim-linked-") + "@" + attacker + ".example";
      String id = pushed(username);
      fixtures.link(id, attacker + "-idp", "00uoriginal000000001", username);

      assertScimError(
          attackerScim.patch(
              "Users/" + id,
              ScimPayloads.patch(ScimPayloads.op("replace", "externalId", "00uother0000000001"))),
          400,
          "mutability");

      assertThat(fixtures.realm().users().get(id).getFederatedIdentity())
          .singleElement()
          .satisfies(link -> assertThat(link.getUserId()).isEqualTo("00uoriginal000000001"));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName(
        "a group name built to make a catastrophic rule backtrack is matched at once (the push answers, the table still applies)")
    void catastrophicRuleTable() {
      String role = ScimPayloads.unique("redos-");
      fixtures.realmRole(role);
      new IdpMappers(fixtures.realm())
          .add(
              IdpMappers.mapper(
                  attacker + "-idp",
                  "catastrophic",
                  "company-group-role-mapper",
                  Map.of("rules", IdpMappers.rules("regex:^(.*a){25}$", role))));
      String username = ScimPayloads.unique("redos-") + "@" + attacker + ".example";
      String id = pushed(username);

      for (String groupName : List.of("a".repeat(60) + "!", "a".repeat(25))) {
        String group =
            assertResource(attackerScim.post("Groups", ScimPayloads.oktaGroup(groupName)), 201)
                .path("id")
                .asText();
        ScimClient.Answer added =
            attackerScim.patch(
                "Groups/" + group,
                ScimPayloads.patch(ScimPayloads.op("add", "members", ScimPayloads.members(id))));
        assertThat(added.status()).as(added.toString()).isIn(200, 204);
        assertThat(fixtures.realmRolesOf(username).contains(role))
            .as("rule matched for a group of %d characters", groupName.length())
            .isEqualTo(groupName.length() == 25);
      }
    }

    @Test
    @DisplayName(
        "a userName or e-mail held outside the company answers 409 without naming the account")
    void conflictsNameNoAccount() {
      String username = ScimPayloads.unique("outsider-") + "@elsewhere.example";
      fixtures.localUser(username, username, "Outsider-passw0rd!");

      ScimClient.Answer sameName =
          attackerScim.post("Users", ScimPayloads.oktaUser(username, "Out", "Sider"));
      assertScimError(sameName, 409, "uniqueness");
      assertThat(sameName.body().path("detail").asText())
          .isEqualTo("userName: this value is not available.");

      ScimClient.Answer sameEmail =
          attackerScim.post(
              "Users",
              ScimPayloads.entraUser(
                  ScimPayloads.unique("other-") + "@" + attacker + ".example",
                  "ext-" + ScimPayloads.unique(""),
                  username,
                  "Sales"));
      assertScimError(sameEmail, 409, "uniqueness");
      assertThat(sameEmail.body().path("detail").asText()).doesNotContain(username);
    }
  }

  @Nested
  @DisplayName("Given a domain another company has verified")
  class DomainOwnership {

    @Test
    @DisplayName("SCIM cannot create or rename an account into it (400 naming the field)")
    void scimCannotSquat() {
      String squatted = ScimPayloads.unique("newhire-") + "@" + victim + ".example";

      ScimClient.Answer byName =
          attackerScim.post("Users", ScimPayloads.oktaUser(squatted, "New", "Hire"));
      assertScimError(byName, 400, "invalidValue");
      assertThat(byName.body().path("detail").asText()).startsWith("userName:");

      ScimClient.Answer byEmail =
          attackerScim.post(
              "Users",
              ScimPayloads.entraUser(
                  ScimPayloads.unique("mine-") + "@" + attacker + ".example",
                  "ext-" + ScimPayloads.unique(""),
                  squatted,
                  "Sales"));
      assertScimError(byEmail, 400, "invalidValue");
      assertThat(byEmail.body().path("detail").asText()).startsWith("emails:");

      String own = ScimPayloads.unique("own-") + "@" + attacker + ".example";
      String id = pushed(own);
      ScimClient.Answer rename =
          attackerScim.patch(
              "Users/" + id, ScimPayloads.patch(ScimPayloads.op("replace", "userName", squatted)));
      assertScimError(rename, 400, "invalidValue");

      assertThat(fixtures.realm().users().searchByUsername(squatted, true)).isEmpty();
    }

    @Test
    @DisplayName(
        "discovery sends an address of that domain to that company's IdP, even when an account of that name is linked to another company's IdP")
    void discoveryFollowsTheDomain() {
      String squatted = ScimPayloads.unique("squat-") + "@" + victim + ".example";
      String id = fixtures.localUser(squatted, squatted, "Squat-passw0rd!");
      fixtures.link(id, attacker + "-idp", "00usquat00000000001", squatted);
      String okta = stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG);

      try (Browser browser = Browser.start()) {
        DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
        browser.open(app.authorize(Map.of()).url());
        new LoginPage(browser).openSingleSignOn().submit(squatted);

        browser.waitForUrlStartingWith(okta + "/" + victim + "/oauth2/v1/authorize");
      }
    }
  }

  @Test
  @DisplayName(
      "A login_hint on the URL naming a linked user shows the ordinary login page, as for an unknown name")
  void loginHintIsNoOracle() {
    String linked = ScimPayloads.unique("linked-");
    String id = fixtures.localUser(linked, linked + "@elsewhere.example", "Linked-passw0rd!");
    fixtures.link(id, attacker + "-idp", "00ulinked0000000001", linked);

    try (Browser browser = Browser.start()) {
      DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
      for (String hint : List.of(linked, ScimPayloads.unique("nobody-"))) {
        browser.open(app.authorize(Map.of("login_hint", hint)).url());
        assertThat(new LoginPage(browser).hasSingleSignOnButton()).as(hint).isTrue();
        assertThat(browser.currentUrl().toString()).startsWith(stack.keycloak().baseUrl());
      }
    }
  }

  @Test
  @DisplayName(
      "a trusted IdP's user who types another account's verified address on the review-profile page is not linked to it silently")
  void typedEmailIsNotTrusted() {
    String company = ScimPayloads.unique("trusted").substring(0, 20);
    String alias = company + "-okta";
    fixtures.oktaIdentityProvider(
        alias,
        stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG),
        "0oa1acmekeycloak000001",
        "acme-okta-client-secret");
    fixtures.trustEmail(alias, true);
    fixtures.company(company, company + ".example", true, List.of(alias));
    String boss = "boss@" + company + ".example";
    String bossId = fixtures.localUser(boss, boss, "Boss-passw0rd!");
    String mallory = "mallory@" + company + ".example";
    stack
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG,
            SimulatorUsers.okta(mallory, "Mallory-passw0rd!", "Mal", "Lory", List.of()));
    String flow = "company first login";
    String review =
        fixtures.authenticatorSetting(
            flow, "idp-review-profile", "update.profile.on.first.login", "on");
    try (Browser browser = Browser.start()) {
      DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
      browser.open(app.authorize(Map.of("kc_idp_hint", alias)).url());
      UpstreamSignInPage.OKTA.signIn(browser, mallory, "Mallory-passw0rd!");
      browser.waitFor(By.id("email")).clear();
      browser.waitFor(By.id("email")).sendKeys(boss);
      browser.waitFor(By.cssSelector("[type=submit]")).click();

      // Keycloak's confirm-link page: the account is linked only after its own password.
      browser.waitFor(By.id("linkAccount"));
      assertThat(fixtures.realm().users().get(bossId).getFederatedIdentity()).isEmpty();
    } finally {
      fixtures.authenticatorSetting(
          flow, "idp-review-profile", "update.profile.on.first.login", review);
      stack.okta().removeUser(CompanySsoStack.ACME_ORG, mallory);
      fixtures.companyResource(company).delete().close();
      fixtures.realm().identityProviders().get(alias).remove();
    }
  }
}
