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
         "options": [], "access": {"apps": "demo-app", "extra": 1}}
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
            "access.extra: unknown field");
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
             "access": {"apps": ["demo-app"], "ssoRequired": true}}
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
  }

  @Test
  @DisplayName("A setting is a secret when its name ends in Secret, Token or Password")
  void secrets() {
    assertThat(ManifestIdentityProviders.secret("clientSecret")).isTrue();
    assertThat(ManifestIdentityProviders.secret("groupsApiToken")).isTrue();
    assertThat(ManifestIdentityProviders.secret("clientSecretExpiresOn")).isFalse();
    assertThat(ManifestIdentityProviders.secret("clientId")).isFalse();
  }
}
