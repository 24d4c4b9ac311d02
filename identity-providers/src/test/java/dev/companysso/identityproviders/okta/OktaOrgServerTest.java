package dev.companysso.identityproviders.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OktaOrgServerTest {

  @Test
  @DisplayName("The org authorization server: issuer is the org URL, endpoints under /oauth2/v1/")
  void orgServer() {
    OktaOrgServer server = OktaOrgServer.of("acme.okta.com", "", null);

    assertThat(server.issuer()).isEqualTo("https://acme.okta.com");
    assertThat(server.endpoint("authorize")).isEqualTo("https://acme.okta.com/oauth2/v1/authorize");
    assertThat(server.endpoint("keys")).isEqualTo("https://acme.okta.com/oauth2/v1/keys");
    assertThat(server.discovery())
        .isEqualTo("https://acme.okta.com/.well-known/openid-configuration");
  }

  @Test
  @DisplayName("A custom authorization server: issuer /oauth2/{id}, endpoints under it at /v1/")
  void customServer() {
    OktaOrgServer server = OktaOrgServer.of("https://Acme.OktaPreview.com/", "default", null);

    assertThat(server.issuer()).isEqualTo("https://acme.oktapreview.com/oauth2/default");
    assertThat(server.endpoint("token"))
        .isEqualTo("https://acme.oktapreview.com/oauth2/default/v1/token");
    assertThat(server.discovery())
        .isEqualTo("https://acme.oktapreview.com/oauth2/default/.well-known/openid-configuration");
  }

  @Test
  @DisplayName("The base URL override replaces https://{domain} (the simulator's /acme path)")
  void override() {
    OktaOrgServer server = OktaOrgServer.of("acme.okta.com", "", "http://localhost:9001/acme/");

    assertThat(server.issuer()).isEqualTo("http://localhost:9001/acme");
    assertThat(server.endpoint("userinfo"))
        .isEqualTo("http://localhost:9001/acme/oauth2/v1/userinfo");
  }

  @Test
  @DisplayName("Bad forms are refused naming the field; the Admin Console domain gets the fix")
  void refusesBadForms() {
    assertThatThrownBy(() -> OktaOrgServer.of("acme", "", null))
        .hasMessage(
            "Okta domain: 'acme' is not a domain. Enter the org's Okta domain, such as acme.okta.com.");
    assertThatThrownBy(() -> OktaOrgServer.of("acme-admin.okta.com", "", null))
        .hasMessage(
            "Okta domain: acme-admin.okta.com is the Admin Console's address; Okta answers 404"
                + " there. Use the primary Okta domain, acme.okta.com.");
    assertThatThrownBy(() -> OktaOrgServer.of("acme.okta.com", "aus/../x", null))
        .hasMessageStartingWith("Authorization server: 'aus/../x' is not a server id.");
  }
}
