package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;

class CompanyDomainsTest {

  @Test
  @DisplayName("The domain of an e-mail is after its last @, lowercased; without one there is none")
  void domainOf() {
    assertThat(CompanyDomains.domainOf("Jo@Acme.Example")).contains("acme.example");
    assertThat(CompanyDomains.domainOf("acme")).isEmpty();
    assertThat(CompanyDomains.domainOf("@acme.example")).isEmpty();
    assertThat(CompanyDomains.domainOf(null)).isEmpty();
  }

  @Test
  @DisplayName(
      "A registered domain covers itself; a *. domain also covers its subdomains, not look-alikes")
  void covers() {
    assertThat(CompanyDomains.covers("acme.example", "ACME.example")).isTrue();
    assertThat(CompanyDomains.covers("acme.example", "eu.acme.example")).isFalse();
    assertThat(CompanyDomains.covers("*.acme.example", "eu.acme.example")).isTrue();
    assertThat(CompanyDomains.covers("*.acme.example", "acme.example")).isTrue();
    assertThat(CompanyDomains.covers("*.acme.example", "evilacme.example")).isFalse();
  }

  @Test
  @DisplayName(
      "A company vouches for an address on a verified domain or under its *. entry, not on an unverified one")
  void vouchesFor() {
    OrganizationModel company = mock(OrganizationModel.class);
    when(company.getDomains())
        .thenAnswer(
            call ->
                Stream.of(
                    new OrganizationDomainModel("*.acme.example", true),
                    new OrganizationDomainModel("pending.example", false)));

    assertThat(CompanyDomains.vouchesFor(company, "jo@eu.acme.example")).isTrue();
    assertThat(CompanyDomains.vouchesFor(company, "jo@acme.example")).isTrue();
    assertThat(CompanyDomains.vouchesFor(company, "jo@pending.example")).isFalse();
    assertThat(CompanyDomains.vouchesFor(company, "jo@evilacme.example")).isFalse();
    assertThat(CompanyDomains.vouchesFor(company, null)).isFalse();
  }
}
