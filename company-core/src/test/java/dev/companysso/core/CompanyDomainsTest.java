package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
