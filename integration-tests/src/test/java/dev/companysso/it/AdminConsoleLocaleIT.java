package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminConsole;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The bundle's settings in the admin console follow the admin's language: the labels are message
 * keys whose texts ship in the provider JARs (en, de, fr, es). The test makes the bootstrap admin
 * German, as an admin does under "Manage account" → language, and puts everything back after.
 */
@ExtendWith(CompanySsoExtension.class)
class AdminConsoleLocaleIT {

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmRepresentation previousMaster;
  private Map<String, List<String>> previousAttributes;

  @BeforeEach
  void germanAdmin(CompanySsoStack stack) {
    this.stack = stack;
    this.admin = stack.keycloak().adminClient();
    RealmResource master = admin.realm("master");
    previousMaster = master.toRepresentation();
    RealmRepresentation german = master.toRepresentation();
    german.setInternationalizationEnabled(true);
    german.setSupportedLocales(Set.of("en", "de"));
    german.setDefaultLocale("en");
    master.update(german);
    UserResource bootstrap = bootstrapAdmin();
    UserRepresentation user = bootstrap.toRepresentation();
    previousAttributes = user.getAttributes();
    user.singleAttribute("locale", "de");
    bootstrap.update(user);
  }

  @AfterEach
  void restore() {
    UserResource bootstrap = bootstrapAdmin();
    UserRepresentation user = bootstrap.toRepresentation();
    user.setAttributes(previousAttributes == null ? Map.of() : previousAttributes);
    bootstrap.update(user);
    RealmRepresentation master = admin.realm("master").toRepresentation();
    master.setInternationalizationEnabled(previousMaster.isInternationalizationEnabled());
    master.setSupportedLocales(previousMaster.getSupportedLocales());
    master.setDefaultLocale(previousMaster.getDefaultLocale());
    admin.realm("master").update(master);
    admin.close();
  }

  private UserResource bootstrapAdmin() {
    RealmResource master = admin.realm("master");
    return master.users().get(master.users().searchByUsername("admin", true).get(0).getId());
  }

  @Test
  @DisplayName(
      "An admin whose language is German sees the Okta provider's settings labelled in German")
  void germanLabels() {
    try (Browser browser = Browser.start()) {
      String page =
          AdminConsole.signIn(browser, stack.keycloak().baseUrl())
              .openIdp(CompanySsoStack.REALM, "okta", "acme-okta", "Okta-Domain");
      WebElement domain = browser.waitFor(By.xpath("//*[normalize-space(text())='Okta-Domain']"));
      ((JavascriptExecutor) browser.driver())
          .executeScript("arguments[0].scrollIntoView({block: 'center'});", domain);
      browser.screenshot("admin-console-okta-de");

      assertThat(page).contains("Okta-Domain", "Autorisierungsserver");
      assertThat(page).doesNotContain("oktaIdpOktaDomain", "Authorization server");
    }
  }
}
