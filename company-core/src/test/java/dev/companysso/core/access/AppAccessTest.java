package dev.companysso.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.OrganizationModel;

class AppAccessTest {

  private static ClientModel client(String mode) {
    ClientModel client = mock(ClientModel.class);
    when(client.getAttribute(AppAccess.CLIENT_ATTRIBUTE)).thenReturn(mode);
    return client;
  }

  @Test
  @DisplayName(
      "A client admits all companies unless it says listed or none; anything else closes it")
  void modes() {
    assertThat(AppAccess.Mode.of(client(null))).isEqualTo(AppAccess.Mode.ALL);
    assertThat(AppAccess.Mode.of(client(" Listed "))).isEqualTo(AppAccess.Mode.LISTED);
    assertThat(AppAccess.Mode.of(client("none"))).isEqualTo(AppAccess.Mode.NONE);
    assertThat(AppAccess.Mode.of(client("lisetd"))).as("a typo").isEqualTo(AppAccess.Mode.NONE);
  }

  @Test
  @DisplayName(
      "A company's apps: one per value or comma-separated, each with the role its second attribute names; a role for an app not listed grants nothing")
  void grants() {
    OrganizationModel company = mock(OrganizationModel.class);
    when(company.getAttributes())
        .thenReturn(
            Map.of(
                AppAccess.COMPANY_ATTRIBUTE,
                List.of("dev-app", "a, b", " "),
                AppAccess.ROLES_ATTRIBUTE,
                List.of("dev-app:Engineer", "other:Owner")));
    assertThat(AppAccess.grants(company))
        .containsExactly(
            new AppAccess.Grant("dev-app", Optional.of("Engineer")),
            new AppAccess.Grant("a", Optional.empty()),
            new AppAccess.Grant("b", Optional.empty()));
    assertThat(AppAccess.grants(company).get(0).value()).isEqualTo("dev-app:Engineer");
  }
}
