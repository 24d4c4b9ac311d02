package dev.companysso.identityproviders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.companysso.identityproviders.okta.OktaOrgServer;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdpTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "es"})
  @DisplayName("Every message has a translation with the same placeholders, and each formats")
  void translated(String language) {
    Locale locale = Locale.forLanguageTag(language);
    assertThat(IdpText.TEXTS.gaps(locale)).isEmpty();
    for (String key :
        ResourceBundle.getBundle("dev.companysso.identityproviders.IdpTexts", Locale.ROOT)
            .keySet()) {
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
