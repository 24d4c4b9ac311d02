package dev.companysso.operations.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

  private static CompanyManifest read(String json, ManifestProblems problems) throws Exception {
    return new ManifestReader(problems).read(new ObjectMapper().readTree(json));
  }

  @Test
  @DisplayName("Every problem of a document is listed by its path, not only the first")
  void everyProblemByPath() throws Exception {
    ManifestProblems problems = new ManifestProblems();
    read(
        """
        {"nmae": "x", "enabled": "yes", "domains": [3, {"verified": true}],
         "identityProviders": [{"type": "okta", "config": {"a": {"b": 1}}}],
         "ruleTables": [{"kind": "roles", "rules": [{"group": "G"}]}],
         "options": [], "access": {"apps": "demo-app", "extra": 1},
         "provisioning": {"scim": {"onDelete": 1},
           "directories": [{"type": "okta-directory", "fullSyncPeriod": "hourly",
             "settings": {"groupFilter": {"x": 1}}}]}}
        """,
        problems);
    assertThat(problems.list())
        .contains(
            "nmae: unknown field",
            "enabled: true or false",
            "domains[0]: a domain name or {\"name\", \"verified\"}",
            "domains[1].name: required",
            "identityProviders[0].alias: required",
            "identityProviders[0].config.a: a string, number or true/false",
            "ruleTables[0].identityProvider: required",
            "ruleTables[0].name: required",
            "ruleTables[0].rules[0]: needs \"group\" and \"to\"",
            "options: an object",
            "access.apps: a list of strings",
            "access.extra: unknown field",
            "provisioning.scim.onDelete: a string",
            "provisioning.directories[0].fullSyncPeriod: a whole number",
            "provisioning.directories[0].settings.groupFilter: a value or a list of values",
            "provisioning.directories[0].name: required",
            "provisioning.directories[0].identityProvider: required");
  }

  @Test
  @DisplayName("A good document reads into the manifest; a domain may be a plain name")
  void goodDocument() throws Exception {
    ManifestProblems problems = new ManifestProblems();
    CompanyManifest manifest =
        read(
            """
            {"code": "acme", "name": "Acme", "domains": ["acme.example",
              {"name": "acme.test", "verified": true}],
             "identityProviders": [{"alias": "acme-okta", "type": "okta",
               "config": {"oktaDomain": "acme.okta.com", "pkceEnabled": true}}],
             "ruleTables": [{"identityProvider": "acme-okta", "name": "t", "kind": "roles",
               "rules": [{"group": "Engineering", "to": ["Engineer"]}]}],
             "access": {"apps": ["demo-app"], "ssoRequired": true},
             "provisioning": {"directories": [{"name": "d", "type": "okta-directory",
               "identityProvider": "acme-okta", "changedSyncPeriod": 900,
               "settings": {"apiToken": "${vault.t}", "activeStatuses": ["ACTIVE", "LOCKED_OUT"]}}]}}
            """,
            problems);
    assertThat(problems.list()).isEmpty();
    assertThat(manifest.domains())
        .containsExactly(
            new CompanyManifest.Domain("acme.example", false),
            new CompanyManifest.Domain("acme.test", true));
    assertThat(manifest.identityProviders().get(0).config())
        .isEqualTo(Map.of("oktaDomain", "acme.okta.com", "pkceEnabled", "true"));
    assertThat(manifest.ruleTables().get(0).rules())
        .containsExactly(new CompanyManifest.RuleTable.Rule("Engineering", List.of("Engineer")));
    assertThat(manifest.options()).isNull();
    assertThat(manifest.access().ssoRequired()).isTrue();
    assertThat(manifest.provisioning().directories().get(0).settings())
        .isEqualTo(
            Map.of(
                "apiToken",
                List.of("${vault.t}"),
                "activeStatuses",
                List.of("ACTIVE", "LOCKED_OUT")));
    assertThat(manifest.provisioning().directories().get(0).changedSyncPeriod()).isEqualTo(900);
  }

  @Test
  @DisplayName("A setting is a secret when its name ends in Secret, Token, Password or PrivateKey")
  void secrets() {
    assertThat(SecretReferences.namedSecret("clientSecret")).isTrue();
    assertThat(SecretReferences.namedSecret("groupsApiToken")).isTrue();
    assertThat(SecretReferences.namedSecret("privateKey")).isTrue();
    assertThat(SecretReferences.namedSecret("clientSecretExpiresOn")).isFalse();
    assertThat(SecretReferences.namedSecret("clientId")).isFalse();
  }

  @Test
  @DisplayName("A secret reference is a vault name or an environment variable, with its default")
  void references() {
    SecretReferences secrets = new SecretReferences(Map.of("OKTA_TOKEN", "from-env")::get);
    assertThat(secrets.problem("plain-secret")).contains("never as such");
    assertThat(secrets.problem("${MISSING}")).contains("no ${MISSING}");
    assertThat(secrets.resolve("${vault.okta}")).isEqualTo("${vault.okta}");
    assertThat(secrets.resolve("${OKTA_TOKEN:fallback}")).isEqualTo("from-env");
    assertThat(secrets.resolve("${MISSING:fallback}")).isEqualTo("fallback");
  }
}
