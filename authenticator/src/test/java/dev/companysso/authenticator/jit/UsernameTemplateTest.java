package dev.companysso.authenticator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UsernameTemplateTest {

  @Test
  @DisplayName("Placeholders take the claims' values; the username is lowercased")
  void renders() {
    assertThat(
            new UsernameTemplate("${company}.${preferred_username}")
                .render(Map.of("company", "acme", "preferred_username", "Alice@Acme.Example")))
        .contains("acme.alice@acme.example");
  }

  @Test
  @DisplayName("A placeholder without a value gives no username at all, not a half-made one")
  void missingValue() {
    assertThat(
            new UsernameTemplate("${company}.${preferred_username}")
                .render(Map.of("company", "acme")))
        .isEmpty();
  }

  @Test
  @DisplayName("Values with $ and backslashes are copied literally")
  void literalValues() {
    assertThat(new UsernameTemplate("${email}").render(Map.of("email", "a$1\\b@x.example")))
        .contains("a$1\\b@x.example");
  }

  @Test
  @DisplayName("A template needs at least one well-formed placeholder")
  void validity() {
    assertThat(UsernameTemplate.isValid("${email}")).isTrue();
    assertThat(UsernameTemplate.isValid("fixed")).isFalse();
    assertThat(UsernameTemplate.isValid("${email")).isFalse();
    assertThat(UsernameTemplate.isValid("${email}.${")).isFalse();
  }
}
