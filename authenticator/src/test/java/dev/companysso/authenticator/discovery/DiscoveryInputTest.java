package dev.companysso.authenticator.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoveryInputTest {

  @Test
  @DisplayName("A company code is trimmed and matched in lowercase, whatever the case typed")
  void companyCodeIsTrimmedAndLowercased() {
    DiscoveryInput input = DiscoveryInput.parse("  ACME \t", 256).input();

    assertThat(input.value()).isEqualTo("ACME");
    assertThat(input.companyCode()).isEqualTo("acme");
  }

  @Test
  @DisplayName("Mixed-case unicode is lowercased without the default locale's quirks")
  void unicodeIsLowercasedWithTheRootLocale() {
    assertThat(DiscoveryInput.parse("İSTANBUL-Ünİ", 256).input().companyCode())
        .isEqualTo("i̇stanbul-üni̇");
  }

  @Test
  @DisplayName("The domain of a work e-mail is its part after the last @, lowercased")
  void emailDomain() {
    assertThat(DiscoveryInput.parse("Jo.Doe@Acme.Example", 256).input().emailDomain())
        .contains("acme.example");
    assertThat(DiscoveryInput.parse("weird@name@sub.acme.example", 256).input().emailDomain())
        .contains("sub.acme.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme", "@acme.example", "alice@"})
  @DisplayName("Without a local part and a domain there is no e-mail domain")
  void noEmailDomain(String value) {
    assertThat(DiscoveryInput.parse(value, 256).input().emailDomain()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n"})
  @DisplayName("An empty or blank input is refused as empty")
  void blankIsEmpty(String value) {
    assertThat(DiscoveryInput.parse(value, 256).problem()).isEqualTo(DiscoveryInput.Problem.EMPTY);
    assertThat(DiscoveryInput.parse(null, 256).problem()).isEqualTo(DiscoveryInput.Problem.EMPTY);
  }

  @Test
  @DisplayName(
      "An input longer than the cap is refused before any lookup; the cap counts characters")
  void tooLong() {
    assertThat(DiscoveryInput.parse("a".repeat(10_000), 256).problem())
        .isEqualTo(DiscoveryInput.Problem.TOO_LONG);
    assertThat(DiscoveryInput.parse("😀".repeat(256), 256).isValid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme\u0000", "ac\nme", "acme\u202e", "a\u0007b"})
  @DisplayName("Control and formatting characters are refused")
  void unprintable(String value) {
    assertThat(DiscoveryInput.parse(value, 256).problem())
        .isEqualTo(DiscoveryInput.Problem.UNPRINTABLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "' OR 1=1 --", "acme; DROP TABLE ORG"})
  @DisplayName(
      "HTML and SQL fragments are plain text: accepted, looked up as data, never refused by shape")
  void markupIsJustText(String value) {
    assertThat(DiscoveryInput.parse(value, 256).input().value()).isEqualTo(value);
  }
}
