package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeycloakFeaturesTest {

  @Test
  @DisplayName("The oldest supported Keycloak and anything newer are supported; older is not")
  void supportedVersions() {
    assertThat(KeycloakFeatures.supports("26.5.0")).isTrue();
    assertThat(KeycloakFeatures.supports("26.5.6")).isTrue();
    assertThat(KeycloakFeatures.supports("26.7.3")).isTrue();
    assertThat(KeycloakFeatures.supports("27.0.0")).isTrue();
    assertThat(KeycloakFeatures.supports("26.5.0-SNAPSHOT")).isTrue();
    assertThat(KeycloakFeatures.supports("26.4.7")).isFalse();
    assertThat(KeycloakFeatures.supports("26.3.5")).isFalse();
    assertThat(KeycloakFeatures.supports("25.0.6")).isFalse();
    assertThat(KeycloakFeatures.supports("26.5")).isTrue();
    assertThat(KeycloakFeatures.supports("26.4")).isFalse();
  }

  @Test
  @DisplayName("A build from source without a release number is taken as recent")
  void unreadableVersion() {
    assertThat(KeycloakFeatures.supports("999-SNAPSHOT")).isTrue();
    assertThat(KeycloakFeatures.supports("main")).isTrue();
  }

  @Test
  @DisplayName(
      "The Keycloak the tests compile against has every feature; a missing one names its version")
  void newestHasAll() {
    for (KeycloakFeatures feature : KeycloakFeatures.values()) {
      assertThat(feature.available()).as(feature.name()).isTrue();
    }
    assertThat(KeycloakFeatures.ORGANIZATION_GROUPS.missing("SCIM groups"))
        .startsWith("SCIM groups needs Keycloak 26.6 or later; this server runs Keycloak ");
  }
}
