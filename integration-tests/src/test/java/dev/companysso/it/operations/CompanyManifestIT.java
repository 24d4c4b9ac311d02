package dev.companysso.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * Companies as code through the admin REST API: apply, apply again (nothing changes), a dry run,
 * the export round trip, a bad manifest refused whole with every problem by path, and a batch.
 */
@ExtendWith(CompanySsoExtension.class)
class CompanyManifestIT {

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private final List<String> codes = new ArrayList<>();

  @BeforeEach
  void admin(CompanySsoStack stack) {
    this.stack = stack;
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
  }

  @AfterEach
  void removeCompanies() {
    for (String code : codes) {
      fixtures.realm().components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
          .filter(c -> List.of(code + "-okta").equals(c.getConfig().get("identityProvider")))
          .forEach(c -> fixtures.realm().components().component(c.getId()).remove());
      fixtures.realm().identityProviders().findAll().stream()
          .filter(provider -> provider.getAlias().equals(code + "-okta"))
          .forEach(provider -> fixtures.realm().identityProviders().get(code + "-okta").remove());
      try {
        fixtures.companyResource(code).delete().close();
      } catch (AssertionError neverMade) {
        // the manifest was refused
      }
    }
    admin.close();
  }

  private String newCode(String prefix) {
    String code = ScimPayloads.unique(prefix).toLowerCase();
    codes.add(code);
    return code;
  }

  private AdminRest.Answer call(String method, String path, String body) throws Exception {
    return new AdminRest.Resource(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "company-sso")
        .call(method, path, body);
  }

  private static String manifest(String code, String name, String domain, String apps) {
    return """
        {
          "code": "%1$s",
          "name": "%2$s",
          "enabled": true,
          "domains": [{"name": "%3$s", "verified": true}],
          "identityProviders": [
            {
              "alias": "%1$s-okta",
              "type": "okta",
              "displayName": "%2$s (Okta)",
              "config": {
                "oktaDomain": "%1$s.okta.com",
                "clientId": "0oa%1$s",
                "clientSecret": "${MANIFEST_IT_UNSET_SECRET:okta-client-secret}",
                "pkceEnabled": "true",
                "pkceMethod": "S256"
              }
            }
          ],
          "ruleTables": [
            {
              "identityProvider": "%1$s-okta",
              "name": "groups to roles",
              "kind": "roles",
              "rules": [
                {"group": "Engineering", "to": ["Engineer"]},
                {"group": "glob:site-*", "to": ["Field", "Worker"]}
              ],
              "settings": {"baselineRoles": "Worker"}
            }
          ],
          "options": {"defaultRoles": ["Worker"], "firstMemberOwner": true, "autoRedirect": false},
          "access": {"apps": [%4$s], "ssoRequired": false},
          "provisioning": {
            "scim": {"onDelete": "delete", "identityProvider": "%1$s-okta"},
            "directories": [
              {
                "name": "%2$s directory",
                "type": "okta-directory",
                "identityProvider": "%1$s-okta",
                "changedSyncPeriod": 900,
                "settings": {
                  "authentication": "api-token",
                  "apiToken": "${MANIFEST_IT_UNSET_TOKEN:00manifest-token}",
                  "groupFilter": "Engineering",
                  "activeStatuses": ["ACTIVE", "LOCKED_OUT"]
                }
              }
            ]
          }
        }
        """
        .formatted(code, name, domain, apps);
  }

  @Test
  @DisplayName(
      "A manifest applied creates the company; applied again it changes nothing; a dry run answers the plan and changes nothing; the export applied back changes nothing")
  void applyAgainDryRunAndExport() throws Exception {
    String code = newCode("manifest-");
    String body = manifest(code, "Manifest " + code, code + ".example", "\"demo-app\"");

    AdminRest.Answer created = call("PUT", "companies/" + code, body);
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.body().path("applied").asBoolean()).isTrue();
    assertThat(created.body().path("changes").toString())
        .contains("\"path\":\"company\"")
        .contains("\"path\":\"domains." + code + ".example\"")
        .contains("\"path\":\"access.apps\"");
    assertThat(fixtures.companyRepresentation(code).getName()).isEqualTo("Manifest " + code);
    var okta = fixtures.realm().identityProviders().get(code + "-okta").toRepresentation();
    assertThat(okta.getOrganizationId()).isEqualTo(fixtures.companyRepresentation(code).getId());
    assertThat(okta.getConfig()).containsEntry("issuer", "https://" + code + ".okta.com");
    assertThat(fixtures.realm().identityProviders().get(code + "-okta").getMappers())
        .singleElement()
        .satisfies(
            table -> {
              assertThat(table.getIdentityProviderMapper()).isEqualTo("company-group-role-mapper");
              assertThat(table.getConfig().get("rules"))
                  .contains("\"key\":\"Engineering\"")
                  .contains("\"value\":\"Field, Worker\"");
            });
    assertThat(fixtures.companyResource(code).toRepresentation().getAttributes())
        .containsEntry("companySso.firstMemberOwner", List.of("true"))
        .containsEntry("companySso.apps", List.of("demo-app"))
        .containsEntry("companySso.scim.onDelete", List.of("delete"));
    assertThat(
            fixtures
                .realm()
                .components()
                .query(
                    null,
                    "org.keycloak.storage.UserStorageProvider",
                    "Manifest " + code + " directory"))
        .singleElement()
        .satisfies(
            directory -> {
              assertThat(directory.getProviderId()).isEqualTo("okta-directory");
              assertThat(directory.getConfig())
                  .containsEntry("identityProvider", List.of(code + "-okta"))
                  .containsEntry("changedSyncPeriod", List.of("900"))
                  .hasEntrySatisfying(
                      "activeStatuses",
                      statuses ->
                          assertThat(statuses).containsExactlyInAnyOrder("ACTIVE", "LOCKED_OUT"));
            });

    AdminRest.Answer again = call("PUT", "companies/" + code, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("applied").asBoolean()).isFalse();
    assertThat(again.body().path("changes")).isEmpty();

    String renamed = manifest(code, "Renamed " + code, code + ".example", "");
    AdminRest.Answer plan = call("PUT", "companies/" + code + "?dryRun=true", renamed);
    assertThat(plan.status()).isEqualTo(200);
    assertThat(plan.body().path("applied").asBoolean()).isFalse();
    assertThat(plan.body().path("changes").toString())
        .contains(
            "{\"path\":\"name\",\"from\":\"Manifest "
                + code
                + "\",\"to\":\"Renamed "
                + code
                + "\"}")
        .contains("{\"path\":\"access.apps\",\"from\":\"demo-app\",\"to\":\"\"}");
    assertThat(fixtures.companyRepresentation(code).getName()).isEqualTo("Manifest " + code);

    JsonNode exported = call("GET", "companies/" + code, null).body();
    assertThat(exported.path("domains").toString())
        .isEqualTo("[{\"name\":\"" + code + ".example\",\"verified\":true}]");
    JsonNode exportedOkta = exported.path("identityProviders").get(0);
    assertThat(exportedOkta.path("config").path("clientSecret").asText())
        .isEqualTo("${MANIFEST_IT_UNSET_SECRET:okta-client-secret}");
    JsonNode exportedDirectory = exported.path("provisioning").path("directories").get(0);
    assertThat(exportedDirectory.path("settings").path("apiToken").toString())
        .isEqualTo("[\"${MANIFEST_IT_UNSET_TOKEN:00manifest-token}\"]");
    assertThat(exported.path("provisioning").path("scim").path("onDelete").asText())
        .isEqualTo("delete");
    assertThat(exported.toString())
        .doesNotContain("\"00manifest-token\"")
        .doesNotContain("\"okta-client-secret\"")
        .doesNotContain("issuer");
    AdminRest.Answer roundTrip = call("PUT", "companies/" + code, exported.toString());
    assertThat(roundTrip.status()).isEqualTo(200);
    assertThat(roundTrip.body().path("changes")).isEmpty();
  }

  @Test
  @DisplayName(
      "A bad manifest is refused whole, every problem named by its path, and nothing is made")
  void badManifestListsEveryProblem() throws Exception {
    String code = newCode("bad-manifest-");
    String body =
        """
        {
          "code": "%s",
          "nmae": "Typo",
          "enabled": "yes",
          "domains": ["ok-%s.example", "not a domain", "acme.example"],
          "identityProviders": [
            {"alias": "acme-okta", "type": "okta"},
            {"alias": "new-okta", "type": "okta", "config": {"oktaDomain": "x.okta.com", "clientId": "a", "clientSecret": "plain-secret"}},
            {"alias": "odd", "type": "no-such-type"}
          ],
          "ruleTables": [
            {"identityProvider": "acme-okta", "name": "theirs", "kind": "roles", "rules": []},
            {"identityProvider": "new-okta", "name": "mine", "kind": "roles", "rules": [{"group": "Staff", "to": ["No such role"]}]}
          ],
          "options": {"defaultRoles": ["No such role"]},
          "access": {"apps": ["no-such-app"]},
          "provisioning": {
            "scim": {"onDelete": "erase", "identityProvider": "acme-okta"},
            "directories": [
              {"name": "theirs", "type": "okta-directory", "identityProvider": "acme-okta"},
              {"name": "mine", "type": "okta-directory", "identityProvider": "new-okta",
               "settings": {"apiToken": "00plain-token", "orgUrl": "https://x.okta.com"}},
              {"name": "odd", "type": "ldap", "identityProvider": "new-okta"}
            ]
          }
        }
        """
            .formatted(code, code);
    AdminRest.Answer refused = call("PUT", "companies/" + code, body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("problems").toString())
        .contains("nmae: unknown field")
        .contains("enabled: true or false")
        .contains("name: required for a new company")
        .contains("domains[1]: 'not a domain' is not a domain name")
        .contains("domains[2]: acme.example belongs to company acme")
        .contains("identityProviders[0].alias: acme-okta is another company's sign-in")
        .contains(
            "identityProviders[1].config.clientSecret: a secret is given as ${vault.name} or ${ENV_NAME}")
        .contains("identityProviders[2].type: no identity provider type 'no-such-type'")
        .contains("ruleTables[0].identityProvider: acme-okta is not a sign-in of this company")
        .contains("ruleTables[1].rules: Rule 1 (Staff): role 'No such role' does not exist.")
        .contains("options.defaultRoles[0]: no role 'No such role' in this realm")
        .contains("access: apps[0]: no client 'no-such-app' in this realm")
        .contains("provisioning.scim.onDelete: 'erase' is not one of disable, delete")
        .contains("provisioning.scim.identityProvider: acme-okta is not a sign-in of this company")
        .contains(
            "provisioning.directories[0].identityProvider: acme-okta is not a sign-in of this company")
        .contains(
            "provisioning.directories[1].settings.apiToken: a secret is given as ${vault.name}")
        .contains(
            "provisioning.directories[1].settings.orgUrl: no setting 'orgUrl' for okta-directory")
        .contains("provisioning.directories[2].type: no directory type 'ldap'");
    assertThat(call("GET", "companies/" + code, null).status()).isEqualTo(404);
    assertThat(fixtures.realm().identityProviders().findAll())
        .noneMatch(provider -> provider.getAlias().equals("new-okta"));
  }

  @Test
  @DisplayName(
      "The demo companies' manifests (realm-exports/manifests) match the demo realm, but for this run's simulator addresses and secrets not yet set through a manifest")
  void demoManifestsMatchTheDemoRealm() throws Exception {
    List<Path> files;
    try (var listed = Files.list(Path.of("..", "realm-exports", "manifests"))) {
      files = listed.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSize(4);
    for (Path file : files) {
      String code = file.getFileName().toString().replace(".json", "");
      AdminRest.Answer plan =
          call("PUT", "companies/" + code + "?dryRun=true", Files.readString(file));
      assertThat(plan.status()).as(file.toString()).isEqualTo(200);
      for (JsonNode change : plan.body().path("changes")) {
        assertThat(change.path("path").asText())
            .as(file + ": " + change)
            .matches(
                "identityProviders\\.[a-z-]+\\.(baseUrlOverride|authorityOverride|graphOverride"
                    + "|clientSecret|groupsApiToken)"
                    + "|provisioning\\.directories\\.[^.]+\\.apiToken");
      }
    }
  }

  @Test
  @DisplayName("A batch applies each manifest on its own and answers each outcome in order")
  void batch() throws Exception {
    String first = newCode("batch-");
    String second = newCode("batch-");
    String body =
        "{\"companies\": ["
            + manifest(first, "Batch " + first, first + ".example", "")
            + ", {\"code\": \""
            + second
            + "\"}, "
            + manifest(second, "Batch " + second, second + ".example", "")
            + "]}";
    AdminRest.Answer answer = call("POST", "companies:batch", body);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode companies = answer.body().path("companies");
    assertThat(companies).hasSize(3);
    assertThat(companies.get(0).path("applied").asBoolean()).isTrue();
    assertThat(companies.get(1).path("problems").toString())
        .contains("name: required for a new company");
    assertThat(companies.get(2).path("applied").asBoolean()).isTrue();
    assertThat(fixtures.companyRepresentation(second).getName()).isEqualTo("Batch " + second);
  }
}
