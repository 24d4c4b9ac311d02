package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.LoopbackDns;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Accessibility;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The portal's domains section: the company's IT admin proves a domain by publishing a TXT record
 * the test's loopback name server serves, and Keycloak marks it verified; consumer mail domains,
 * another company's domain and a missing record are refused; a record removed later is reported.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalDomainsIT {

  private PortalTestbed bed;
  private RealmFixtures fixtures;
  private LoopbackDns dns;
  private String portal;

  @BeforeEach
  void connect(CompanySsoStack stack) {
    bed = new PortalTestbed(stack);
    fixtures = bed.fixtures();
    dns = stack.dns();
    portal = bed.portal();
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private String domainsLink(String company) throws Exception {
    var answer = bed.links().create(company, "{\"sections\": [\"domains\"]}");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().path("url").asText();
  }

  private static void add(Browser browser, String domain) {
    var input = browser.waitFor(By.id("domain"));
    input.clear();
    input.sendKeys(domain);
    browser.clickToNewPage(By.cssSelector("#csso-domain-add button"));
  }

  private static void click(Browser browser, String formId) {
    browser.clickToNewPage(By.cssSelector("#" + formId + " button"));
  }

  private static String key(String domain) {
    return domain.replaceAll("[^a-z0-9-]", "-");
  }

  /** Clicks the domain's Verify (or Check again) and answers the outcome shown. */
  private static String verify(Browser browser, String domain) {
    click(browser, "csso-domain-" + key(domain) + "-verify");
    return outcome(browser);
  }

  private static String outcome(Browser browser) {
    return browser.waitFor(By.id("csso-domain-outcome")).getAttribute("data-outcome");
  }

  private static String state(Browser browser, String domain) {
    return browser
        .waitFor(By.id("csso-domain-" + key(domain) + "-state"))
        .getAttribute("data-state");
  }

  private Map<String, Boolean> domainsOf(String company) {
    return fixtures.companyRepresentation(company).getDomains().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                OrganizationDomainRepresentation::getName,
                OrganizationDomainRepresentation::isVerified));
  }

  /** Adds {@code domain} in the page and answers the TXT record (name, value) it shows. */
  private static String[] claim(Browser browser, String domain) {
    add(browser, domain);
    browser.waitFor(By.id("csso-domain-claimed"));
    String name =
        browser.waitFor(By.id("csso-value-record-name-" + key(domain))).getAttribute("value");
    String value =
        browser.waitFor(By.id("csso-value-record-value-" + key(domain))).getAttribute("value");
    return new String[] {name, value};
  }

  @Test
  @DisplayName(
      "The IT admin adds a domain, sees the TXT record to publish, is told the record is missing, publishes it and verifies: the organization now holds the domain verified")
  void verifyByDns() throws Exception {
    String company = bed.newCompany("dnsproof");
    String domain = ScimPayloads.unique("mail") + ".example";
    try (Browser browser = Browser.start()) {
      browser.open(URI.create(domainsLink(company)));
      browser.clickToNewPage(By.id("csso-domains-open"));
      assertThat(state(browser, company + ".example")).isEqualTo("vendor");

      String[] record = claim(browser, domain);
      assertThat(record[0]).isEqualTo("_company-sso." + domain);
      assertThat(record[1]).matches("company-sso-verification=[A-Za-z0-9_-]{32}");
      assertThat(state(browser, domain)).isEqualTo("pending");
      assertThat(domainsOf(company)).as("a claim alone changes nothing").doesNotContainKey(domain);

      assertThat(verify(browser, domain)).isEqualTo("RECORD_MISSING");
      dns.publishTxt(record[0], "v=spf1 -all", "company-sso-verification=someone-else");
      assertThat(verify(browser, domain))
          .as("another token is not ours")
          .isEqualTo("RECORD_MISSING");

      dns.publishTxt(record[0], "v=spf1 -all", record[1]);
      assertThat(verify(browser, domain)).isEqualTo("VERIFIED");
      assertThat(state(browser, domain)).isEqualTo("verified");
      browser.screenshot("portal-domains-verified");
      assertThat(domainsOf(company)).containsEntry(domain, true);
    } finally {
      dns.remove("_company-sso." + domain);
    }
  }

  @Test
  @DisplayName(
      "Refused with the reason under the field: a public mail service (gmail.com, a subdomain of outlook.com), a domain another company verified (acme.example), no domain at all")
  void refusals() throws Exception {
    String company = bed.newCompany("dnsrefuse");
    try (Browser browser = Browser.start()) {
      browser.open(URI.create(domainsLink(company)));
      browser.open(URI.create(portal + "/domains"));
      for (var refused :
          List.of(
              List.of("gmail.com", "public e-mail service"),
              List.of("eu.outlook.com", "public e-mail service"),
              List.of("acme.example", "verified by another company"),
              List.of("jo@example", "Enter a domain name"))) {
        add(browser, refused.get(0));
        assertThat(browser.waitFor(By.id("input-error-domain")).getText())
            .as(refused.get(0))
            .contains(refused.get(1));
        assertThat(browser.waitFor(By.id("domain")).getAttribute("aria-invalid")).isEqualTo("true");
      }
      browser.screenshot("portal-domains-refused");
    }
    assertThat(domainsOf(company)).containsOnlyKeys(company + ".example");
  }

  @Test
  @DisplayName(
      "A domain another company holds unverified moves to the company that proves it by DNS; the admin event names the company that lost it")
  void proofTakesUnverifiedDomain() throws Exception {
    String company = bed.newCompany("dnsowner");
    String squatter = bed.newCompany("squatter");
    String domain = ScimPayloads.unique("contested") + ".example";
    OrganizationRepresentation held = fixtures.companyRepresentation(squatter);
    OrganizationDomainRepresentation unverified = new OrganizationDomainRepresentation();
    unverified.setName(domain);
    unverified.setVerified(false);
    held.addDomain(unverified);
    fixtures.companyResource(squatter).update(held).close();
    long start = System.currentTimeMillis();
    try (Browser browser = Browser.start()) {
      browser.open(URI.create(domainsLink(company)));
      browser.open(URI.create(portal + "/domains"));
      String[] record = claim(browser, domain);
      dns.publishTxt(record[0], record[1]);
      assertThat(verify(browser, domain)).isEqualTo("VERIFIED");
    } finally {
      dns.remove("_company-sso." + domain);
    }
    assertThat(domainsOf(company)).containsEntry(domain, true);
    assertThat(domainsOf(squatter)).doesNotContainKey(domain);
    List<AdminEventRepresentation> events =
        fixtures.realm().getAdminEvents().stream()
            .filter(e -> "COMPANY_SSO_PORTAL".equals(e.getResourceType()))
            .filter(e -> e.getTime() >= start)
            .filter(e -> e.getResourcePath().endsWith(company + "/domains/verify"))
            .toList();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getDetails()).containsKey("setupLink");
    assertThat(events.get(0).getRepresentation()).contains("\"releasedFrom\":\"" + squatter + "\"");
  }

  @Test
  @DisplayName(
      "A record removed after verification is reported by the periodic re-check, the domain stays verified; a name server that does not answer changes nothing")
  void removedRecordReported() throws Exception {
    String company = bed.newCompany("dnsrecheck");
    String domain = ScimPayloads.unique("kept") + ".example";
    try (Browser browser = Browser.start()) {
      browser.open(URI.create(domainsLink(company)));
      browser.open(URI.create(portal + "/domains"));
      String[] record = claim(browser, domain);
      dns.publishTxt(record[0], record[1]);
      assertThat(verify(browser, domain)).isEqualTo("VERIFIED");

      dns.silence(record[0]);
      assertThat(verify(browser, domain)).isEqualTo("LOOKUP_FAILED");
      assertThat(state(browser, domain)).isEqualTo("verified");
      dns.answer(record[0]);

      dns.remove(record[0]);
      Instant deadline =
          Instant.now().plus(Duration.ofSeconds(6L * CompanySsoStack.DOMAIN_RECHECK_SECONDS));
      String state = "verified";
      while (!state.equals("missing") && Instant.now().isBefore(deadline)) {
        Thread.sleep(1000);
        browser.open(URI.create(portal + "/domains"));
        state = state(browser, domain);
      }
      assertThat(state).as("reported by the re-check, without a click").isEqualTo("missing");
      assertThat(browser.waitFor(By.id("csso-domain-" + key(domain) + "-state")).getText())
          .contains("_company-sso." + domain);
      browser.screenshot("portal-domains-record-missing");
      assertThat(domainsOf(company)).as("still verified").containsEntry(domain, true);
      try (Browser staff = Browser.start()) {
        bed.signInAsStaff(staff, bed.staff("view-organizations"));
        staff.open(URI.create(portal + "/vendor?q=" + company));
        assertThat(
                staff
                    .waitFor(
                        By.cssSelector(
                            "#csso-company-" + company + " [data-fact='records-missing']"))
                    .getText())
            .isEqualTo(domain);
      }

      dns.publishTxt(record[0], record[1]);
      assertThat(verify(browser, domain)).isEqualTo("VERIFIED");
      assertThat(state(browser, domain)).as("found again: no longer missing").isEqualTo("verified");
    } finally {
      dns.remove("_company-sso." + domain);
    }
  }

  @Test
  @DisplayName(
      "A link that opens only single sign-on reaches no domains page, and a forged form verifies nothing")
  void sectionNotAllowed() throws Exception {
    String company = bed.newCompany("dnsnosection");
    PortalVisitor visitor = new PortalVisitor();
    visitor.get(bed.links().create(company));
    var page = visitor.get(portal + "/domains");
    assertThat(page.statusCode()).isEqualTo(403);
    String csrf = PortalVisitor.csrf(visitor.get(portal + "/sso/okta").body());
    assertThat(
            visitor
                .post(portal + "/domains", Map.of("csrf", csrf, "domain", "x.example"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName(
      "The domains page in German at phone width: translated, nothing overflows, axe-core finds no serious or critical violation")
  void germanPhoneAccessible() throws Exception {
    String company = bed.newCompany("domaene");
    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      browser.open(URI.create(domainsLink(company)));
      browser.open(URI.create(portal + "/domains"));
      claim(browser, ScimPayloads.unique("de") + ".example");
      assertThat(browser.pageText()).contains("Ihre E-Mail-Domains").contains("TXT-Eintrag");
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      assertThat(Accessibility.seriousViolations(browser)).isEmpty();
      browser.screenshot("portal-domains-de-phone");
    }
  }
}
