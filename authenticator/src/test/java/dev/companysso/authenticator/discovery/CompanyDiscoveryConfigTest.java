package dev.companysso.authenticator.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompanyDiscoveryConfigTest {

  @Test
  @DisplayName(
      "Without settings: all steps, 256 characters, no remembered company, login_hint used")
  void defaults() {
    CompanyDiscoveryConfig config = CompanyDiscoveryConfig.of(null);

    assertThat(config.resolutionOrder()).isEqualTo(ResolutionStep.DEFAULT_ORDER);
    assertThat(config.maxInputLength()).isEqualTo(256);
    assertThat(config.rememberCompany()).isFalse();
    assertThat(config.rememberFor()).isEqualTo(Duration.ofDays(30));
    assertThat(config.useLoginHint()).isTrue();
  }

  @Test
  @DisplayName("A number setting that is not a whole number above zero falls back to its default")
  void badNumbersFallBack() {
    assertThat(CompanyDiscoveryConfig.from(Map.of("maxInputLength", "lots")).maxInputLength())
        .isEqualTo(256);
    assertThat(CompanyDiscoveryConfig.from(Map.of("rememberCompanyDays", "-3")).rememberFor())
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  @DisplayName("Settings from the admin console are read as typed values")
  void typedValues() {
    CompanyDiscoveryConfig config =
        CompanyDiscoveryConfig.from(
            Map.of(
                "resolutionOrder", "company-code",
                "maxInputLength", "64",
                "rememberCompany", "true",
                "rememberCompanyDays", "7",
                "useLoginHint", "false"));

    assertThat(config.resolutionOrder()).containsExactly(ResolutionStep.COMPANY_CODE);
    assertThat(config.maxInputLength()).isEqualTo(64);
    assertThat(config.rememberCompany()).isTrue();
    assertThat(config.rememberFor()).isEqualTo(Duration.ofDays(7));
    assertThat(config.useLoginHint()).isFalse();
  }

  @Test
  @DisplayName("A login_hint skips the linked-user step unless the option turns it on")
  void loginHintOrder() {
    assertThat(CompanyDiscoveryConfig.from(Map.of()).loginHintOrder())
        .containsExactly(ResolutionStep.COMPANY_CODE, ResolutionStep.EMAIL_DOMAIN);
    assertThat(CompanyDiscoveryConfig.from(Map.of("loginHintLinkedUser", "true")).loginHintOrder())
        .containsExactly(
            ResolutionStep.LINKED_USER, ResolutionStep.COMPANY_CODE, ResolutionStep.EMAIL_DOMAIN);
  }
}
