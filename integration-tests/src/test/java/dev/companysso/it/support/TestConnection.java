package dev.companysso.it.support;

import org.keycloak.admin.client.Keycloak;

/** The bundle's "Test connection" admin endpoint of an identity provider. */
public final class TestConnection {

  private TestConnection() {}

  public static AdminRest.Answer run(
      Keycloak admin, String keycloakBaseUrl, String realm, String alias) throws Exception {
    return AdminRest.call(
        admin,
        keycloakBaseUrl,
        realm,
        "POST",
        "company-sso-identity-providers/" + alias + "/test-connection");
  }
}
