package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

class CompanyCodesTest {

  private final OrganizationProvider organizations = mock(OrganizationProvider.class);
  private final RealmModel realm = mock(RealmModel.class);
  private String code;

  @BeforeEach
  void realmOfItsOwn() {
    // The remembered ids are shared by the JVM: each test has a realm and code no other uses.
    when(realm.getId()).thenReturn(UUID.randomUUID().toString());
    code = "acme-" + UUID.randomUUID();
  }

  @Test
  void aKnownCodeIsReadThroughKeycloaksCacheById() {
    OrganizationModel acme = company("id-1", code);
    when(organizations.getByAlias(code)).thenReturn(acme);
    when(organizations.getById("id-1")).thenReturn(acme);

    assertThat(CompanyCodes.find(organizations, realm, code)).isSameAs(acme);
    assertThat(CompanyCodes.find(organizations, realm, code)).isSameAs(acme);
    assertThat(CompanyCodes.find(organizations, realm, code)).isSameAs(acme);

    verify(organizations, times(1)).getByAlias(code);
  }

  @Test
  void aRemovedCompanysCodeIsLookedUpAgain() {
    OrganizationModel removed = company("id-1", code);
    OrganizationModel successor = company("id-2", code);
    when(organizations.getByAlias(code)).thenReturn(removed, successor);
    CompanyCodes.find(organizations, realm, code);
    when(organizations.getById("id-1")).thenReturn(null);

    assertThat(CompanyCodes.find(organizations, realm, code)).isSameAs(successor);
  }

  @Test
  void anIdThatNowCarriesAnotherAliasIsNotTaken() {
    OrganizationModel acme = company("id-1", code);
    when(organizations.getByAlias(code)).thenReturn(acme, (OrganizationModel) null);
    CompanyCodes.find(organizations, realm, code);
    OrganizationModel renamed = company("id-1", "other");
    when(organizations.getById("id-1")).thenReturn(renamed);

    assertThat(CompanyCodes.find(organizations, realm, code)).isNull();
  }

  @Test
  void unknownCodesAreNotRemembered() {
    assertThat(CompanyCodes.find(organizations, realm, code)).isNull();
    assertThat(CompanyCodes.find(organizations, realm, code)).isNull();

    verify(organizations, times(2)).getByAlias(code);
    verify(organizations, never()).getById(org.mockito.ArgumentMatchers.anyString());
  }

  private static OrganizationModel company(String id, String alias) {
    OrganizationModel company = mock(OrganizationModel.class);
    when(company.getId()).thenReturn(id);
    when(company.getAlias()).thenReturn(alias);
    return company;
  }
}
