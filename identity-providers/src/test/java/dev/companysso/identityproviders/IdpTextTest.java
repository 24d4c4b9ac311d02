package dev.companysso.identityproviders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.companysso.identityproviders.okta.OktaOrgServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdpTextTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  private static Properties texts(String suffix) throws IOException {
    Properties texts = new Properties();
    try (InputStream in = IdpText.class.getResourceAsStream("IdpTexts" + suffix + ".properties")) {
      assertThat(in).as("IdpTexts" + suffix).isNotNull();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }

  private static Set<String> placeholders(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"_de", "_fr", "_es"})
  @DisplayName("Every message has a translation with the same placeholders, and each formats")
  void translated(String suffix) throws IOException {
    Properties english = texts("");
    Properties translated = texts(suffix);
    assertThat(translated.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    Locale locale = Locale.forLanguageTag(suffix.substring(1));
    for (String key : english.stringPropertyNames()) {
      assertThat(placeholders(translated.getProperty(key)))
          .as(suffix + " " + key)
          .isEqualTo(placeholders(english.getProperty(key)));
      assertThat(IdpText.of(key, "A", "B", "C").in(locale)).as(key).doesNotContain("{");
    }
  }

  @Test
  @DisplayName(
      "A form problem names its field, is English for the admin API, keeps its apostrophes and reads in German for the portal")
  void formProblem() {
    assertThatThrownBy(() -> OktaOrgServer.of("acme-admin.okta.com", "", null))
        .isInstanceOfSatisfying(
            FormProblem.class,
            problem -> {
              assertThat(problem.field()).isEqualTo("oktaDomain");
              assertThat(problem.getMessage())
                  .isEqualTo(
                      "Okta domain: acme-admin.okta.com is the Admin Console's address; Okta"
                          + " answers 404 there. Use the primary Okta domain, acme.okta.com.");
              assertThat(problem.in(Locale.GERMAN))
                  .startsWith("Okta-Domain: acme-admin.okta.com ist die Adresse der Admin Console");
              assertThat(problem.in(Locale.FRENCH)).contains("l'adresse de l'Admin Console");
            });
  }
}
