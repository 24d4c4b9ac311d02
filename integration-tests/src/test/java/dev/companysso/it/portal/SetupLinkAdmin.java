package dev.companysso.it.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.it.support.AdminRest;
import org.keycloak.admin.client.Keycloak;

/** Vendor staff's setup-link calls: {@code /admin/realms/{realm}/company-sso-setup-links}. */
final class SetupLinkAdmin {

  private final Keycloak admin;
  private final String baseUrl;
  private final String realm;

  SetupLinkAdmin(Keycloak admin, String baseUrl, String realm) {
    this.admin = admin;
    this.baseUrl = baseUrl;
    this.realm = realm;
  }

  /** A link for the SSO section with the default lifetime; its URL. */
  String create(String company) throws Exception {
    AdminRest.Answer answer = create(company, "{}");
    if (answer.status() != 201) {
      throw new AssertionError(
          "Setup link for " + company + ": " + answer.status() + " " + answer.body());
    }
    return answer.body().path("url").asText();
  }

  AdminRest.Answer create(String company, String json) throws Exception {
    return AdminRest.call(
        admin, baseUrl, realm, "POST", "company-sso-setup-links/" + company, json);
  }

  JsonNode list(String company) throws Exception {
    return AdminRest.call(admin, baseUrl, realm, "GET", "company-sso-setup-links/" + company)
        .body();
  }

  int revoke(String company, String id) throws Exception {
    return AdminRest.call(
            admin, baseUrl, realm, "DELETE", "company-sso-setup-links/" + company + "/" + id)
        .status();
  }
}
