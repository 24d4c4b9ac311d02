package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

class DefaultRolesTest {

  private static OrganizationModel companyWith(Map<String, List<String>> attributes) {
    OrganizationModel company = mock(OrganizationModel.class);
    when(company.getAttributes()).thenReturn(attributes);
    return company;
  }

  @Nested
  @DisplayName("Given a company with its own companySso.defaultRoles")
  class CompanyOverride {

    private final OrganizationModel company =
        companyWith(Map.of(CompanyAttributes.DEFAULT_ROLES, List.of("Driver, app.viewer")));

    @Test
    @DisplayName("then its list wins over the provider's setting")
    void companyWins() {
      assertThat(DefaultRoles.of(company, List.of("Worker", "Other")))
          .containsExactly("Driver", "app.viewer");
    }
  }

  @Nested
  @DisplayName("Given a company without its own list")
  class NoOverride {

    private final OrganizationModel company = companyWith(Map.of());

    @Test
    @DisplayName("then the provider's setting applies, else Worker")
    void settingThenFallback() {
      assertThat(DefaultRoles.of(company, List.of("Picker"))).containsExactly("Picker");
      assertThat(DefaultRoles.of(company, List.of())).containsExactly(DefaultRoles.FALLBACK);
      assertThat(DefaultRoles.of(null, List.of())).containsExactly("Worker");
    }
  }

  @Test
  @DisplayName(
      "Granting skips a role the realm does not have and reports what it granted, realm-wide unless the realm has roles per company")
  void grantSkipsMissing() {
    RealmModel realm = mock(RealmModel.class);
    UserModel user = mock(UserModel.class);
    RoleModel worker = mock(RoleModel.class);
    when(realm.getRole("Worker")).thenReturn(worker);
    when(realm.getName()).thenReturn("workforce");

    List<String> granted =
        DefaultRoles.grant(realm, mock(OrganizationModel.class), user, List.of("Ghost", "Worker"));

    assertThat(granted).containsExactly("Worker");
    verify(user).grantRole(worker);
    verify(user, never()).grantRole(null);
  }
}
