package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.companysso.core.DomainClaims.Refusal;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

class DomainClaimsTest {

  private final KeycloakSession session = mock(KeycloakSession.class);
  private final RealmModel realm = mock(RealmModel.class);
  private final OrganizationProvider organizations = mock(OrganizationProvider.class);
  private final OrganizationModel acme = company("acme-id");
  private final OrganizationModel globex = company("globex-id");

  private static OrganizationModel company(String id) {
    OrganizationModel company = mock(OrganizationModel.class);
    when(company.getId()).thenReturn(id);
    return company;
  }

  @BeforeEach
  void wire() {
    when(session.getProvider(OrganizationProvider.class)).thenReturn(organizations);
    when(organizations.getByDomainName(anyString())).thenReturn(null);
  }

  @Test
  @DisplayName(
      "A domain is trimmed, lowercased, without its trailing dot and in ASCII; anything else is no domain")
  void normalized() {
    assertThat(DomainClaims.normalized(" Acme.Example. ")).contains("acme.example");
    assertThat(DomainClaims.normalized("bücher.example")).contains("xn--bcher-kva.example");
    assertThat(DomainClaims.normalized("localhost")).isEmpty();
    assertThat(DomainClaims.normalized("*.acme.example")).isEmpty();
    assertThat(DomainClaims.normalized("acme..example")).isEmpty();
    assertThat(DomainClaims.normalized("-acme.example")).isEmpty();
    assertThat(DomainClaims.normalized("jo@acme.example")).isEmpty();
    assertThat(DomainClaims.normalized("a".repeat(64) + ".example")).isEmpty();
    assertThat(DomainClaims.normalized(null)).isEmpty();
  }

  @Test
  @DisplayName(
      "Consumer mail domains are refused, their subdomains too, and those the realm adds; a look-alike is not")
  void consumerDomains() {
    when(realm.getAttribute(DomainClaims.CONSUMER_DOMAINS_ATTRIBUTE))
        .thenReturn("mailbox.example, ##freemail.example");
    assertThat(DomainClaims.refusal(session, realm, acme, "gmail.com"))
        .contains(Refusal.CONSUMER_DOMAIN);
    assertThat(DomainClaims.refusal(session, realm, acme, "eu.outlook.com"))
        .contains(Refusal.CONSUMER_DOMAIN);
    assertThat(DomainClaims.refusal(session, realm, acme, "freemail.example"))
        .contains(Refusal.CONSUMER_DOMAIN);
    assertThat(DomainClaims.refusal(session, realm, acme, "notgmail.com")).isEmpty();
    assertThat(DomainClaims.refusal(session, realm, acme, "Acme.example"))
        .contains(Refusal.NOT_A_DOMAIN);
  }

  @Test
  @DisplayName(
      "A domain another company verified (itself or by its *. entry) is refused; unverified there, or its own, it is not")
  void otherCompany() {
    when(organizations.getByDomainName("globex.example")).thenReturn(globex);
    when(organizations.getByDomainName("eu.globex.example")).thenReturn(globex);
    when(globex.getDomains())
        .thenAnswer(
            i ->
                Stream.of(
                    new OrganizationDomainModel("*.globex.example", true),
                    new OrganizationDomainModel("pending.example", false)));
    when(organizations.getByDomainName("pending.example")).thenReturn(globex);

    assertThat(DomainClaims.refusal(session, realm, acme, "globex.example"))
        .contains(Refusal.OTHER_COMPANY);
    assertThat(DomainClaims.refusal(session, realm, acme, "eu.globex.example"))
        .contains(Refusal.OTHER_COMPANY);
    assertThat(DomainClaims.refusal(session, realm, acme, "pending.example")).isEmpty();
    assertThat(DomainClaims.refusal(session, realm, globex, "globex.example")).isEmpty();
  }
}
