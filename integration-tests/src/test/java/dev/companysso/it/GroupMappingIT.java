package dev.companysso.it;

import static dev.companysso.it.support.IdpMappers.mapper;
import static dev.companysso.it.support.IdpMappers.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminConsole;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.IdpMappers;
import dev.companysso.it.support.KeycloakUnderTest;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.UpstreamSignInPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationGroupsResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;

/**
 * Group-to-role and group-to-team tables synced at every login, with the realm export's mappers
 * (acme-okta, contoso-entra) and tables made by the tests through the admin REST API.
 */
@ExtendWith(CompanySsoExtension.class)
class GroupMappingIT {

  private static final String ROLE_MAPPER = "company-group-role-mapper";
  private static final String TEAM_MAPPER = "company-group-team-mapper";
  private static final String CONTOSO = CompanySsoStack.CONTOSO_TENANT_ID;

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private IdpMappers mappers;

  @BeforeAll
  static void roles(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      for (String role : List.of("Helpdesk", "Sales rep", "Sales lead", "Temporary")) {
        fixtures.realmRole(role);
      }
      fixtures.clientRole("demo-app", "reports");
    }
  }

  @BeforeEach
  void admin(CompanySsoStack stack) {
    this.stack = stack;
    this.admin = stack.keycloak().adminClient();
    this.fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    this.mappers = new IdpMappers(fixtures.realm());
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  private OIDCTokens signIn(String idp, UpstreamSignInPage page, String username) throws Exception {
    try (Browser browser = Browser.start()) {
      return BrokeredLogin.tokens(
          browser,
          stack.keycloak().baseUrl(),
          CompanySsoStack.REALM,
          idp,
          page,
          username,
          username.substring(0, username.indexOf('@')) + "-password");
    }
  }

  private OIDCTokens okta(String username) throws Exception {
    return signIn("acme-okta", UpstreamSignInPage.OKTA, username);
  }

  @Test
  @DisplayName(
      "Groups Engineering and Dispatch give Engineer and Dispatcher; Dispatch removed in Okta removes only Dispatcher, a hand-given role and Worker stay")
  void grantsAndRemovesOnlyItsOwn() throws Exception {
    okta("olga@acme.example");
    assertThat(fixtures.directRealmRolesOf("olga@acme.example"))
        .contains("Worker", "Engineer", "Dispatcher");
    fixtures.grantRealmRole("olga@acme.example", "Helpdesk");

    stack.okta().assignGroups("acme", "olga@acme.example", List.of("Everyone", "Engineering"));
    okta("olga@acme.example");

    assertThat(fixtures.directRealmRolesOf("olga@acme.example"))
        .contains("Worker", "Engineer", "Helpdesk")
        .doesNotContain("Dispatcher");
    String mapperId = mappers.idOf("acme-okta", "acme groups to roles");
    assertThat(fixtures.attributesOf("olga@acme.example"))
        .containsEntry("companySso.roles." + mapperId, List.of("Engineer"));
  }

  @Test
  @DisplayName(
      "A role the user had by hand before a rule matched is never removed when the group goes away")
  void handGivenBeforeTheRuleIsKept() throws Exception {
    okta("tina@acme.example");
    fixtures.grantRealmRole("tina@acme.example", "Dispatcher");
    stack.okta().assignGroups("acme", "tina@acme.example", List.of("Everyone", "Dispatch"));
    okta("tina@acme.example");
    stack.okta().assignGroups("acme", "tina@acme.example", List.of("Everyone"));
    okta("tina@acme.example");

    assertThat(fixtures.directRealmRolesOf("tina@acme.example")).contains("Dispatcher", "Worker");
  }

  @Test
  @DisplayName(
      "Editing the table moves the grant: the old realm and client roles go at the next login")
  void tableEditMovesTheGrant() throws Exception {
    String id =
        mappers.add(
            mapper(
                "acme-okta",
                "sales table",
                ROLE_MAPPER,
                Map.of("rules", rules("Sales", "Sales rep, demo-app.reports"))));
    try {
      stack.okta().assignGroups("acme", "quinn@acme.example", List.of("Everyone", "Sales"));
      okta("quinn@acme.example");
      assertThat(fixtures.directRealmRolesOf("quinn@acme.example")).contains("Sales rep");
      assertThat(fixtures.clientRolesOf("quinn@acme.example", "demo-app")).contains("reports");

      IdentityProviderMapperRepresentation edited = mappers.get("acme-okta", id);
      edited.getConfig().put("rules", rules("Sales", "Sales lead"));
      assertThat(mappers.tryUpdate(id, edited).status()).isEqualTo(204);
      okta("quinn@acme.example");

      assertThat(fixtures.directRealmRolesOf("quinn@acme.example"))
          .contains("Sales lead", "Worker")
          .doesNotContain("Sales rep");
      assertThat(fixtures.clientRolesOf("quinn@acme.example", "demo-app")).isEmpty();
    } finally {
      mappers.remove("acme-okta", id);
    }
  }

  @Test
  @DisplayName("A glob (site-*) and a regex (^team-(red|blue)$) rule grant their roles")
  void globAndRegex() throws Exception {
    okta("rita@acme.example");
    assertThat(fixtures.directRealmRolesOf("rita@acme.example")).contains("Field", "Crew");

    stack.okta().assignGroups("acme", "rita@acme.example", List.of("Everyone", "team-blue"));
    okta("rita@acme.example");
    assertThat(fixtures.directRealmRolesOf("rita@acme.example"))
        .contains("Crew")
        .doesNotContain("Field");
  }

  @Test
  @DisplayName(
      "Teams: groups are joined (a missing one created), left when the IdP group goes, a hand-joined team stays; profile fields are imported")
  void teams() throws Exception {
    okta("sam@acme.example");
    assertThat(fixtures.groupsOf("sam@acme.example"))
        .contains("/Teams/Engineering", "/Sites/On site");
    assertThat(fixtures.attributesOf("sam@acme.example"))
        .containsEntry("middleName", List.of("Kenji"))
        .containsEntry("preferredName", List.of("Sammy"))
        .containsEntry("department", List.of("Field Operations"))
        .containsEntry("team", List.of("Night shift"));
    fixtures.joinGroup("sam@acme.example", "/Teams");

    stack.okta().assignGroups("acme", "sam@acme.example", List.of("Everyone", "Dispatch"));
    okta("sam@acme.example");

    assertThat(fixtures.groupsOf("sam@acme.example"))
        .contains("/Teams/Dispatch", "/Teams")
        .doesNotContain("/Teams/Engineering", "/Sites/On site");
  }

  @Test
  @DisplayName(
      "Organization groups: the path names a group of the user's company, created inside it and joined; before Keycloak 26.6 the table is refused, naming the version")
  void organizationGroups() throws Exception {
    var crews =
        mapper(
            "acme-okta",
            "acme crews",
            TEAM_MAPPER,
            Map.of(
                "rules", rules("Support", "/Crews/Helpdesk"),
                "createMissing", "true",
                "organizationGroups", "true"));
    if (!KeycloakUnderTest.atLeast(KeycloakUnderTest.ORGANIZATION_GROUPS)) {
      assertThatThrownBy(() -> mappers.add(crews))
          .hasMessageContaining(
              KeycloakUnderTest.needs(
                  "organizationGroups: the groups of a company's organization",
                  KeycloakUnderTest.ORGANIZATION_GROUPS));
      return;
    }
    String id = mappers.add(crews);
    try {
      okta("vic@acme.example");

      OrganizationGroupsResource groups = fixtures.companyResource("acme").groups();
      GroupRepresentation helpdesk = groups.getGroupByPath("/Crews/Helpdesk", false);
      assertThat(groups.group(helpdesk.getId()).getMembers(null, null, null))
          .extracting(MemberRepresentation::getUsername)
          .containsExactly("vic@acme.example");
      assertThat(fixtures.realm().groups().groups("Crews", true, null, null, true)).isEmpty();

      stack.okta().assignGroups("acme", "vic@acme.example", List.of("Everyone"));
      okta("vic@acme.example");
      assertThat(groups.group(helpdesk.getId()).getMembers(null, null, null)).isEmpty();
    } finally {
      mappers.remove("acme-okta", id);
    }
  }

  @Test
  @DisplayName(
      "Entra: group object ids and app roles give roles, and removing them in Entra removes the roles")
  void entraGroupIdsAndAppRoles() throws Exception {
    signIn("contoso-entra", UpstreamSignInPage.ENTRA, "gabe@contoso.example");
    assertThat(fixtures.directRealmRolesOf("gabe@contoso.example"))
        .contains("Engineer", "Dispatcher", "Manager");

    stack.entra().assignGroups(CONTOSO, "gabe@contoso.example", List.of("Engineering"));
    stack.entra().assignAppRoles(CONTOSO, "gabe@contoso.example", List.of());
    signIn("contoso-entra", UpstreamSignInPage.ENTRA, "gabe@contoso.example");

    assertThat(fixtures.directRealmRolesOf("gabe@contoso.example"))
        .contains("Engineer", "Worker")
        .doesNotContain("Dispatcher", "Manager");
  }

  @Test
  @DisplayName(
      "A role granted by two tables (Entra app role and group) stays while either grants it, and goes when neither does")
  void twoTablesOneRole() throws Exception {
    signIn("contoso-entra", UpstreamSignInPage.ENTRA, "hana@contoso.example");
    assertThat(fixtures.directRealmRolesOf("hana@contoso.example"))
        .contains("Dispatcher", "Manager");

    stack.entra().assignAppRoles(CONTOSO, "hana@contoso.example", List.of("Manager"));
    stack.entra().assignGroups(CONTOSO, "hana@contoso.example", List.of("Dispatch"));
    signIn("contoso-entra", UpstreamSignInPage.ENTRA, "hana@contoso.example");
    assertThat(fixtures.directRealmRolesOf("hana@contoso.example"))
        .contains("Dispatcher", "Manager");

    stack.entra().assignGroups(CONTOSO, "hana@contoso.example", List.of());
    signIn("contoso-entra", UpstreamSignInPage.ENTRA, "hana@contoso.example");
    assertThat(fixtures.directRealmRolesOf("hana@contoso.example"))
        .contains("Manager")
        .doesNotContain("Dispatcher");
  }

  @Test
  @DisplayName(
      "A rule naming a since-deleted role is skipped with an event; the login succeeds and the other targets apply")
  void deletedRoleIsSkipped() throws Exception {
    String id =
        mappers.add(
            mapper(
                "acme-okta",
                "support table",
                ROLE_MAPPER,
                Map.of("rules", rules("Support", "Temporary, Helpdesk"))));
    try {
      fixtures.realm().roles().deleteRole("Temporary");
      JWTClaimsSet idToken = okta("uma@acme.example").getIDToken().getJWTClaimsSet();

      assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("uma@acme.example");
      assertThat(fixtures.directRealmRolesOf("uma@acme.example")).contains("Helpdesk");
      List<EventRepresentation> events =
          fixtures
              .realm()
              .getEvents(
                  List.of("IDENTITY_PROVIDER_POST_LOGIN_ERROR"),
                  null,
                  fixtures.userId("uma@acme.example"),
                  null,
                  null,
                  null,
                  null,
                  null);
      assertThat(events)
          .anySatisfy(
              event -> {
                assertThat(event.getError()).isEqualTo("company_sso_mapping_target_missing");
                assertThat(event.getDetails())
                    .containsEntry("company_sso_mapper", "support table")
                    .containsEntry("company_sso_rules", "Rule 1 (Support)")
                    .containsEntry("company_sso_target", "Temporary");
              });
    } finally {
      mappers.remove("acme-okta", id);
    }
  }

  @Test
  @DisplayName("Tokens carry the company (organization claim) and the roles (realm_access)")
  void tokenShape() throws Exception {
    OIDCTokens tokens = okta("alice@acme.example");
    JWTClaimsSet access = SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet();

    assertThat(tokens.getIDToken().getJWTClaimsSet().getClaim("organization"))
        .isEqualTo(List.of("acme"));
    assertThat(access.getClaim("organization")).isEqualTo(List.of("acme"));
    assertThat(access.getJSONObjectClaim("realm_access").get("roles"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .contains("Worker", "Engineer");
  }

  @Test
  @DisplayName(
      "The table is edited in the admin console: rows with help texts, a good edit saved, a bad one refused with the rule's problem")
  void adminConsole() throws Exception {
    String id =
        mappers.add(
            mapper(
                "acme-okta",
                "console table",
                ROLE_MAPPER,
                Map.of("rules", rules("Sales", "Sales rep", "glob:site-*", "Field"))));
    try (Browser browser = Browser.start()) {
      AdminConsole console = AdminConsole.signIn(browser, stack.keycloak().baseUrl());
      console.openIdpMapper(CompanySsoStack.REALM, "oidc", "acme-okta", id);
      assertThat(console.showHelp("groupRoleMapperRules"))
          .contains("glob:eng-*", "regex:^team-.+$");

      console.type("config.rules.0.value", "Sales lead");
      console.save();
      console.waitForAlert("Mapper saved successfully.");
      assertThat(IdpMappers.rows(mappers.get("acme-okta", id).getConfig().get("rules")))
          .isEqualTo(IdpMappers.rows(rules("Sales", "Sales lead", "glob:site-*", "Field")));

      console.type("config.rules.1.value", "Ghost");
      console.save();
      console.waitForAlert("Rule 2 (glob:site-*): role 'Ghost' does not exist.");
      assertThat(IdpMappers.rows(mappers.get("acme-okta", id).getConfig().get("rules")))
          .isEqualTo(IdpMappers.rows(rules("Sales", "Sales lead", "glob:site-*", "Field")));
    } finally {
      mappers.remove("acme-okta", id);
    }
  }

  @Test
  @DisplayName(
      "Bad tables are refused by the admin REST API with a 400 naming the rule; the stored table is unchanged")
  void badTablesRefused() {
    IdpMappers.Answer badRegex =
        mappers.tryAdd(
            mapper(
                "acme-okta",
                "bad regex",
                ROLE_MAPPER,
                Map.of("rules", rules("Engineering", "Engineer", "regex:[a-z", "Crew"))));
    assertThat(badRegex.status()).isEqualTo(400);
    assertThat(badRegex.body())
        .contains("Rule 2 (regex:[a-z): [a-z is not a valid regular expression");

    IdpMappers.Answer unknownRole =
        mappers.tryAdd(
            mapper(
                "acme-okta",
                "unknown role",
                ROLE_MAPPER,
                Map.of("rules", rules("Engineering", "Engineer, Astronaut"))));
    assertThat(unknownRole.status()).isEqualTo(400);
    assertThat(unknownRole.body())
        .contains("Rule 1 (Engineering): role 'Astronaut' does not exist.");

    IdpMappers.Answer emptyAndDuplicate =
        mappers.tryAdd(
            mapper(
                "acme-okta",
                "empty and duplicate",
                ROLE_MAPPER,
                Map.of(
                    "rules",
                    rules("Engineering", "Engineer", "", "Crew", "Engineering", "Field"))));
    assertThat(emptyAndDuplicate.status()).isEqualTo(400);
    assertThat(emptyAndDuplicate.body())
        .contains("Rule 2 is incomplete")
        .contains("Rule 3 (Engineering) repeats rule 1");

    IdpMappers.Answer missingTeam =
        mappers.tryAdd(
            mapper(
                "acme-okta",
                "missing team",
                TEAM_MAPPER,
                Map.of("rules", rules("Engineering", "/Teams/Nowhere"), "createMissing", "false")));
    assertThat(missingTeam.status()).isEqualTo(400);
    assertThat(missingTeam.body())
        .contains("Rule 1 (Engineering): group '/Teams/Nowhere' does not exist.");

    String id = mappers.idOf("acme-okta", "acme groups to roles");
    IdentityProviderMapperRepresentation stored = mappers.get("acme-okta", id);
    String storedRules = stored.getConfig().get("rules");
    stored.getConfig().put("rules", rules("glob:site-*", "Ghost"));
    IdpMappers.Answer badEdit = mappers.tryUpdate(id, stored);
    assertThat(badEdit.status()).isEqualTo(400);
    assertThat(badEdit.body()).contains("Rule 1 (glob:site-*): role 'Ghost' does not exist.");
    assertThat(mappers.get("acme-okta", id).getConfig().get("rules")).isEqualTo(storedRules);
    assertThat(fixtures.realm().identityProviders().get("acme-okta").getMappers())
        .extracting(IdentityProviderMapperRepresentation::getName)
        .doesNotContain("bad regex", "unknown role", "empty and duplicate", "missing team");
  }

  @Test
  @DisplayName(
      "A partial import carrying a bad rule table is refused whole with a 400 naming the mapper and the rule")
  void badTableInPartialImport() throws Exception {
    IdentityProviderMapperRepresentation bad =
        mapper(
            "acme-okta",
            "imported backreference",
            ROLE_MAPPER,
            Map.of("rules", rules("regex:(a)\\1", "Engineer")));
    PartialImportRepresentation partial = new PartialImportRepresentation();
    partial.setIfResourceExists("SKIP");
    partial.setIdentityProviderMappers(List.of(bad));

    AdminRest.Answer answer =
        AdminRest.call(
            admin,
            stack.keycloak().baseUrl(),
            CompanySsoStack.REALM,
            "POST",
            "partialImport",
            new ObjectMapper().writeValueAsString(partial));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().toString())
        .contains("Mapper 'imported backreference': Rule 1 (regex:(a)\\\\1)")
        .contains("backreferences and lookaround are not supported");
    assertThat(fixtures.realm().identityProviders().get("acme-okta").getMappers())
        .extracting(IdentityProviderMapperRepresentation::getName)
        .doesNotContain("imported backreference");
  }
}
