package dev.companysso.authenticator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerifiedEmailTest {

  @Test
  @DisplayName("Okta vouches for an e-mail with email_verified true")
  void okta() {
    assertThat(VerifiedEmail.assertedBy(Map.of("email_verified", true))).isTrue();
    assertThat(VerifiedEmail.assertedBy(Map.of("email_verified", false))).isFalse();
    assertThat(VerifiedEmail.assertedBy(Map.of())).isFalse();
  }

  @Test
  @DisplayName(
      "Entra ID (a token with tid) vouches only with xms_edov true, whatever email_verified says")
  void entra() {
    assertThat(VerifiedEmail.assertedBy(Map.of("tid", "t", "xms_edov", true))).isTrue();
    assertThat(VerifiedEmail.assertedBy(Map.of("tid", "t", "email_verified", true))).isFalse();
    assertThat(VerifiedEmail.assertedBy(Map.of("tid", "t", "xms_edov", "1"))).isFalse();
  }
}
