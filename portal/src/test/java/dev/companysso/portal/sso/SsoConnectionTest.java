package dev.companysso.portal.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class SsoConnectionTest {

  @Mock RealmModel realm;
  @Mock OrganizationModel company;

  @BeforeEach
  void umbrella() {
    when(company.getAlias()).thenReturn("Umbrella");
    when(company.getId()).thenReturn("org-1");
    when(company.getName()).thenReturn("Umbrella Corporation");
    when(company.getIdentityProviders()).thenAnswer(i -> Stream.empty());
  }

  private static SsoDraft okta(String domain) {
    return new SsoDraft(
        Vendor.OKTA,
        Map.of("oktaDomain", domain, "clientId", "0oa1", "clientSecret", "s3cret"),
        Instant.now(),
        null);
  }

  @Test
  @DisplayName(
      "A new company's provider: alias from its code, hidden, linked, login_hint, PKCE, FORCE sync, not enabled")
  void recommendedOptions() {
    IdentityProviderModel model =
        new SsoConnection(realm, company).model(okta("umbrella.okta.com"));

    assertThat(model.getAlias()).isEqualTo("umbrella-okta");
    assertThat(model.getProviderId()).isEqualTo("okta");
    assertThat(model.isHideOnLogin()).isTrue();
    assertThat(model.isEnabled()).isFalse();
    assertThat(model.getOrganizationId()).isEqualTo("org-1");
    assertThat(model.getSyncMode()).isEqualTo(IdentityProviderSyncMode.FORCE);
    assertThat(model.getConfig())
        .containsEntry("oktaDomain", "umbrella.okta.com")
        .containsEntry("loginHint", "true")
        .containsEntry("pkceEnabled", "true")
        .doesNotContainKey("baseUrlOverride");
  }

  @Test
  @DisplayName("With the test-double attribute, the Okta org is served under the double's base URL")
  void oktaTestDouble() {
    when(realm.getAttribute(SsoConnection.OKTA_BASE_URL_ATTRIBUTE))
        .thenReturn("http://localhost:9001/");

    IdentityProviderModel model =
        new SsoConnection(realm, company).model(okta("Initrode.okta.com"));

    assertThat(model.getConfig())
        .containsEntry("baseUrlOverride", "http://localhost:9001/initrode");
  }
}
