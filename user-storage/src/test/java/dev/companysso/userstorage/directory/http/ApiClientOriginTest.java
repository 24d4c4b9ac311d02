package dev.companysso.userstorage.directory.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiClientOriginTest {

  @Test
  @DisplayName(
      "A next-page link on the configured API origin is the same origin, whatever its path")
  void sameOrigin() {
    assertThat(ApiClient.originOf("https://acme.okta.com/api/v1/users?after=00u1"))
        .isEqualTo(ApiClient.originOf("https://ACME.okta.com:443"));
    assertThat(ApiClient.originOf("https://graph.microsoft.com/v1.0/users/delta?$deltatoken=x"))
        .isEqualTo(ApiClient.originOf("https://graph.microsoft.com"));
  }

  @Test
  @DisplayName("Another host, scheme or port is another origin; a bad URL has none")
  void otherOrigins() {
    String base = "https://acme.okta.com";
    assertThat(ApiClient.originOf("https://evil.example/api/v1/users"))
        .isNotEqualTo(ApiClient.originOf(base));
    assertThat(ApiClient.originOf("http://acme.okta.com/api/v1/users"))
        .isNotEqualTo(ApiClient.originOf(base));
    assertThat(ApiClient.originOf("https://acme.okta.com:8443/api/v1/users"))
        .isNotEqualTo(ApiClient.originOf(base));
    assertThat(ApiClient.originOf("https://acme.okta.com.evil.example/"))
        .isNotEqualTo(ApiClient.originOf(base));
    assertThat(ApiClient.originOf("not a url")).isNull();
  }
}
