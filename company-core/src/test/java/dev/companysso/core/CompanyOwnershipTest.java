package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

@DisplayName("A company owns an account it manages alone that holds no protected role")
class CompanyOwnershipTest {

  private final KeycloakSession session = mock(KeycloakSession.class);
  private final OrganizationProvider organizations = mock(OrganizationProvider.class);
  private final RealmModel realm = mock(RealmModel.class);
  private final ClientModel realmManagement = mock(ClientModel.class);
  private final RoleModel manageUsers = mock(RoleModel.class);
  private final RoleModel auditor = mock(RoleModel.class);
  private final OrganizationModel acme = company("acme-id");
  private final OrganizationModel globex = company("globex-id");
  private final UserModel user = mock(UserModel.class);

  private static OrganizationModel company(String id) {
    OrganizationModel company = mock(OrganizationModel.class);
    when(company.getId()).thenReturn(id);
    return company;
  }

  @BeforeEach
  void realm() {
    when(session.getProvider(OrganizationProvider.class)).thenReturn(organizations);
    when(realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID))
        .thenReturn(realmManagement);
    when(realmManagement.getRolesStream()).thenAnswer(call -> Stream.of(manageUsers));
    when(realm.getAttribute(CompanyOwnership.PROTECTED_ROLES_ATTRIBUTE)).thenReturn("Auditor");
    when(realm.getRole("Auditor")).thenReturn(auditor);
    when(organizations.isManagedMember(acme, user)).thenReturn(true);
    when(organizations.getByMember(user)).thenAnswer(call -> Stream.of(acme));
  }

  @Test
  @DisplayName("a managed member of this company alone, without admin roles: owned")
  void owned() {
    assertThat(CompanyOwnership.owns(session, realm, acme, user)).isTrue();
  }

  @Test
  @DisplayName("an ordinary (unmanaged) member, e.g. linked by an admin: not owned")
  void unmanaged() {
    when(organizations.isManagedMember(acme, user)).thenReturn(false);
    assertThat(CompanyOwnership.owns(session, realm, acme, user)).isFalse();
  }

  @Test
  @DisplayName("also a member of another company (a consultant): owned by neither")
  void sharedConsultant() {
    when(organizations.getByMember(user)).thenAnswer(call -> Stream.of(acme, globex));
    assertThat(CompanyOwnership.owns(session, realm, acme, user)).isFalse();
  }

  @Test
  @DisplayName("a holder of a realm-management role or a role named in companySso.protectedRoles")
  void protectedRoles() {
    when(user.hasRole(manageUsers)).thenReturn(true);
    assertThat(CompanyOwnership.owns(session, realm, acme, user)).isFalse();

    when(user.hasRole(manageUsers)).thenReturn(false);
    when(user.hasRole(auditor)).thenReturn(true);
    assertThat(CompanyOwnership.owns(session, realm, acme, user)).isFalse();
  }
}
