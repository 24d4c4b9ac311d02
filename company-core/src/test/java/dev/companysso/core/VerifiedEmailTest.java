package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerifiedEmailTest {

  private static final String EMAIL = "ann@acme.example";

  @Test
  @DisplayName("Okta vouches for its token's e-mail with email_verified true")
  void okta() {
    assertThat(VerifiedEmail.assertedFor(Map.of("email", EMAIL, "email_verified", true), EMAIL))
        .isTrue();
    assertThat(VerifiedEmail.assertedFor(Map.of("email", EMAIL, "email_verified", false), EMAIL))
        .isFalse();
    assertThat(VerifiedEmail.assertedFor(Map.of("email", EMAIL), EMAIL)).isFalse();
  }

  @Test
  @DisplayName(
      "Entra ID (a token with tid) vouches only with xms_edov true, whatever email_verified says")
  void entra() {
    assertThat(
            VerifiedEmail.assertedFor(Map.of("email", EMAIL, "tid", "t", "xms_edov", true), EMAIL))
        .isTrue();
    assertThat(
            VerifiedEmail.assertedFor(
                Map.of("email", EMAIL, "tid", "t", "email_verified", true), EMAIL))
        .isFalse();
    assertThat(
            VerifiedEmail.assertedFor(Map.of("email", EMAIL, "tid", "t", "xms_edov", "1"), EMAIL))
        .isFalse();
  }

  @Test
  @DisplayName(
      "A verified token vouches only for its own e-mail, not one typed on the review-profile page")
  void onlyTheTokensOwnEmail() {
    Map<String, Object> claims = Map.of("email", EMAIL, "email_verified", true);
    assertThat(VerifiedEmail.assertedFor(claims, "ANN@acme.example")).isTrue();
    assertThat(VerifiedEmail.assertedFor(claims, "boss@acme.example")).isFalse();
    assertThat(VerifiedEmail.assertedFor(Map.of("email_verified", true), EMAIL)).isFalse();
    assertThat(VerifiedEmail.assertedFor(claims, null)).isFalse();
  }
}
