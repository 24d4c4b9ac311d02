package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/** The realm export as {@code --import-realm} left it in the running server. */
@ExtendWith(CompanySsoExtension.class)
class WorkforceRealmIT {

  @Test
  @DisplayName(
      "The imported workforce realm has Organizations on, the company-sso theme, and the Worker and Owner roles")
  void realmSettings(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmResource realm = admin.realm(CompanySsoStack.REALM);
      RealmRepresentation settings = realm.toRepresentation();
      assertThat(settings.isOrganizationsEnabled()).isTrue();
      assertThat(settings.getLoginTheme()).isEqualTo("company-sso");
      assertThat(settings.getSupportedLocales()).containsExactlyInAnyOrder("en", "de", "fr", "es");
      assertThat(realm.roles().list()).extracting("name").contains("Worker", "Owner");
    }
  }

  @Test
  @DisplayName(
      "Each demo company is an organization whose alias is its company code, linked to its IdP")
  void companies(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmResource realm = admin.realm(CompanySsoStack.REALM);
      assertThat(realm.organizations().list(0, Integer.MAX_VALUE))
          .extracting(OrganizationRepresentation::getAlias)
          .contains("acme", "contoso");
      assertThat(identityProviderAliasesOf(realm, "acme")).containsExactly("acme-okta");
      assertThat(identityProviderAliasesOf(realm, "contoso")).containsExactly("contoso-entra");
    }
  }

  @Test
  @DisplayName("demo-app is a public client that must use PKCE with S256")
  void demoApp(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      ClientRepresentation client =
          admin.realm(CompanySsoStack.REALM).clients().findByClientId("demo-app").get(0);
      assertThat(client.isPublicClient()).isTrue();
      assertThat(client.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
    }
  }

  @Test
  @DisplayName("The login page renders with the company-sso theme from the bundle")
  void loginPageUsesTheTheme(CompanySsoStack stack) throws Exception {
    URI authorization =
        new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM)
            .authorize(Map.of())
            .url();
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/login/company-sso/").contains("kc-company-sso");
  }

  private static List<String> identityProviderAliasesOf(RealmResource realm, String alias) {
    OrganizationRepresentation organization =
        realm.organizations().list(0, Integer.MAX_VALUE).stream()
            .filter(o -> alias.equals(o.getAlias()))
            .findFirst()
            .orElseThrow();
    return realm
        .organizations()
        .get(organization.getId())
        .identityProviders()
        .getIdentityProviders()
        .stream()
        .map(idp -> idp.getAlias())
        .toList();
  }
}
