package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Accessibility;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.IdpMappers;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The portal's mapping section: the company edits its group-to-role table, granting only roles the
 * vendor made assignable; the preview lists who would gain and lose what from the groups people
 * last brought; after saving, the next sign-in applies exactly that; explain names the rule.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalMappingIT {

  private static final String PASSWORD = "Mapping-passw0rd!";
  private static final String ASSIGNABLE = "companySso.assignableRoles";
  private static final String ADMIN_ROLE = "Mapping admin";

  private CompanySsoStack stack;
  private PortalTestbed bed;
  private RealmFixtures fixtures;
  private String portal;
  private final List<String> oktaUsers = new ArrayList<>();
  private final List<String> providers = new ArrayList<>();

  /** Two roles companies may grant, and one listed too that contains an admin role. */
  @BeforeAll
  static void assignableRoles(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      for (String role : List.of("Field tech", "Site lead", ADMIN_ROLE)) {
        if (fixtures.realm().roles().list(role, true).stream()
            .noneMatch(r -> r.getName().equals(role))) {
          fixtures.realmRole(role);
        }
      }
      ClientRepresentation management =
          fixtures.realm().clients().findByClientId("realm-management").get(0);
      RoleRepresentation manageUsers =
          fixtures
              .realm()
              .clients()
              .get(management.getId())
              .roles()
              .get("manage-users")
              .toRepresentation();
      fixtures.realm().roles().get(ADMIN_ROLE).addComposites(List.of(manageUsers));
      realmAttribute(fixtures, ASSIGNABLE, "Field tech, Site lead, " + ADMIN_ROLE);
    }
  }

  @AfterAll
  static void restore(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      realmAttribute(new RealmFixtures(admin, CompanySsoStack.REALM), ASSIGNABLE, null);
    }
  }

  private static void realmAttribute(RealmFixtures fixtures, String name, String value) {
    RealmRepresentation realm = fixtures.realm().toRepresentation();
    Map<String, String> attributes = new HashMap<>(realm.getAttributes());
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
    realm.setAttributes(attributes);
    fixtures.realm().update(realm);
  }

  @BeforeEach
  void connect(CompanySsoStack stack) {
    this.stack = stack;
    bed = new PortalTestbed(stack);
    fixtures = bed.fixtures();
    portal = bed.portal();
  }

  @AfterEach
  void close() {
    oktaUsers.forEach(login -> stack.okta().removeUser(CompanySsoStack.ACME_ORG, login));
    providers.forEach(alias -> fixtures.realm().identityProviders().get(alias).remove());
    bed.close();
  }

  /** A company on acme's Okta org (its own provider), and the provider's alias. */
  private String companyOnOkta(String code) {
    String alias =
        fixtures.companyOnAcmeOkta(code, stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG));
    bed.track(code);
    providers.add(alias);
    return alias;
  }

  private String person(String code, String name, List<String> groups) {
    String login = name + "@" + code + ".example";
    stack
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG, SimulatorUsers.okta(login, PASSWORD, name, "Mapped", groups));
    oktaUsers.add(login);
    return login;
  }

  private void signIn(String alias, String login) throws Exception {
    try (Browser browser = Browser.start()) {
      BrokeredLogin.tokens(
          browser,
          stack.keycloak().baseUrl(),
          CompanySsoStack.REALM,
          alias,
          UpstreamSignInPage.OKTA,
          login,
          PASSWORD);
    }
  }

  private String mappingLink(String code) throws Exception {
    var answer = bed.links().create(code, "{\"sections\": [\"mapping\"]}");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().path("url").asText();
  }

  private static void scrollTo(Browser browser, String id) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
  }

  private static Map<String, List<String>> previewed(Browser browser) {
    Map<String, List<String>> people = new HashMap<>();
    for (WebElement person :
        browser.driver().findElements(By.cssSelector("#csso-preview-people li"))) {
      people.put(
          person.getAttribute("data-user"),
          List.of(person.getAttribute("data-gains"), person.getAttribute("data-losses")));
    }
    return people;
  }

  @Test
  @DisplayName(
      "The IT admin saves a first rule; two people sign in; an edited table previews exactly who gains and loses which role, the vendor's own rule is kept, the next sign-ins apply it, and explain names the rule")
  void previewSaveApply() throws Exception {
    String code = ScimPayloads.unique("mapco");
    String alias = companyOnOkta(code);
    IdpMappers mappers = new IdpMappers(fixtures.realm());
    String tableId =
        mappers.add(
            IdpMappers.mapper(
                alias,
                alias + " groups to roles",
                "company-group-role-mapper",
                Map.of("claim", "groups", "rules", IdpMappers.rules("Admins", "Owner"))));
    String ana = person(code, "ana", List.of("Everyone", "Dispatch"));
    String ben = person(code, "ben", List.of("Everyone", "Sales"));
    try (Browser browser = Browser.start()) {
      browser.open(URI.create(mappingLink(code)));
      browser.clickToNewPage(By.id("csso-mapping-open"));
      assertThat(browser.waitFor(By.id("csso-offered-roles")).getText())
          .as("an admin role is never offered, even when listed")
          .contains("Field tech, Site lead")
          .doesNotContain(ADMIN_ROLE);
      assertThat(browser.waitFor(By.id("csso-vendor-rows-roles")).getText())
          .contains("Admins")
          .contains("Owner");

      new PortalPage(browser).typeRoleRows("Dispatch", "Field tech");
      browser.clickToNewPage(By.id("csso-roles-preview"));
      assertThat(browser.waitFor(By.id("csso-preview-summary")).getAttribute("data-known"))
          .as("nobody has signed in yet")
          .isEqualTo("0");
      browser.clickToNewPage(By.id("csso-roles-save"));
      assertThat(browser.waitFor(By.id("csso-mapping-saved")).getAttribute("data-kind"))
          .isEqualTo("roles");

      signIn(alias, ana);
      signIn(alias, ben);
      assertThat(fixtures.realmRolesOf(ana)).contains("Worker", "Field tech");
      assertThat(fixtures.realmRolesOf(ben)).doesNotContain("Field tech", "Site lead");

      browser.open(URI.create(portal + "/mapping"));
      new PortalPage(browser).typeRoleRows("Dispatch", "Site lead", "glob:Sa*", "Field tech");
      browser.clickToNewPage(By.id("csso-roles-preview"));
      assertThat(browser.waitFor(By.id("csso-preview-summary")).getAttribute("data-known"))
          .isEqualTo("2");
      assertThat(previewed(browser))
          .containsOnly(
              Map.entry(ana, List.of("Site lead", "Field tech")),
              Map.entry(ben, List.of("Field tech", "")));
      scrollTo(browser, "csso-preview-roles");
      browser.screenshot("portal-mapping-preview");
      browser.clickToNewPage(By.id("csso-roles-save"));
      browser.waitFor(By.id("csso-mapping-saved"));
    }
    assertThat(IdpMappers.rows(mappers.get(alias, tableId).getConfig().get("rules")))
        .containsExactly(
            Map.of("key", "Admins", "value", "Owner"),
            Map.of("key", "Dispatch", "value", "Site lead"),
            Map.of("key", "glob:Sa*", "value", "Field tech"));

    signIn(alias, ana);
    signIn(alias, ben);
    assertThat(fixtures.realmRolesOf(ana))
        .contains("Worker", "Site lead")
        .doesNotContain("Field tech");
    assertThat(fixtures.realmRolesOf(ben))
        .contains("Worker", "Field tech")
        .doesNotContain("Site lead");

    try (Browser browser = Browser.start()) {
      browser.open(URI.create(mappingLink(code)));
      browser.open(URI.create(portal + "/mapping?person=" + ana));
      assertThat(browser.waitFor(By.id("csso-explained-groups")).getText())
          .contains("Everyone")
          .contains("Dispatch");
      assertThat(
              browser
                  .waitFor(By.cssSelector("#csso-explained-roles li[data-target='Site lead']"))
                  .getText())
          .contains("rule 2 (Dispatch) matches Dispatch");
      scrollTo(browser, "csso-explained");
      browser.screenshot("portal-mapping-explain");
      browser.open(URI.create(portal + "/mapping?person=carol@acme.example"));
      assertThat(browser.waitFor(By.id("csso-explained-unknown")).getText())
          .as("a person of another company is not explained")
          .contains("No one in your company");
    } finally {
      fixtures.deleteUsersWithEmailIn(code + ".example");
    }
  }

  @Test
  @DisplayName(
      "A role the vendor did not make assignable is refused, in the page and in a forged form: Owner, and a listed role that contains an admin role; nothing is saved")
  void onlyAssignableRoles() throws Exception {
    String code = ScimPayloads.unique("mapguard");
    String alias = companyOnOkta(code);
    PortalVisitor visitor = new PortalVisitor();
    visitor.get(mappingLink(code));
    String csrf = PortalVisitor.csrf(visitor.get(portal + "/mapping").body());
    for (String role : List.of("Owner", ADMIN_ROLE, "realm-management.manage-users")) {
      var answer =
          visitor.post(
              portal + "/mapping/roles/save",
              Map.of("csrf", csrf, "pattern", "Everyone", "targets", role));
      assertThat(answer.statusCode()).as(role).isEqualTo(400);
      assertThat(answer.body()).contains("is not one you can grant");
    }
    assertThat(fixtures.realm().identityProviders().get(alias).getMappers())
        .as("no table was made")
        .extracting(IdentityProviderMapperRepresentation::getName)
        .isEmpty();

    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      browser.open(URI.create(mappingLink(code)));
      browser.open(URI.create(portal + "/mapping"));
      new PortalPage(browser).typeRoleRows("Everyone", "Owner");
      browser.clickToNewPage(By.id("csso-roles-preview"));
      assertThat(browser.waitFor(By.id("csso-mapping-problems-roles")).getText())
          .contains("Regel 1: Die Rolle Owner können Sie nicht vergeben.");
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      assertThat(Accessibility.seriousViolations(browser)).isEmpty();
      browser.screenshot("portal-mapping-de-phone");
    }
  }

  @Test
  @DisplayName("A link that does not open the mapping section reaches no mapping page")
  void sectionNotAllowed() throws Exception {
    String code = bed.newCompany("mapnosection");
    PortalVisitor visitor = new PortalVisitor();
    visitor.get(bed.links().create(code));
    assertThat(visitor.get(portal + "/mapping").statusCode()).isEqualTo(403);
    String csrf = PortalVisitor.csrf(visitor.get(portal + "/sso/okta").body());
    assertThat(
            visitor
                .post(
                    portal + "/mapping/roles/save",
                    Map.of("csrf", csrf, "pattern", "Everyone", "targets", "Field tech"))
                .statusCode())
        .isEqualTo(403);
  }
}
