package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.FreePort;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.By;

/**
 * Connection health: a check of the company's Okta provider (wrong secret, provider down, fixed)
 * shows in the portal and in the vendor view; a client secret entered as expiring soon sends one
 * e-mail, through the realm's mail settings, to the company's Owner and to vendor staff.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalHealthIT {

  private static final String ACME_SECRET = "acme-okta-client-secret";
  private static final Pattern ISSUER = Pattern.compile("\"issuer\"\\s*:\\s*\"([^\"]+)\"");

  private CompanySsoStack stack;
  private PortalTestbed bed;
  private RealmFixtures fixtures;
  private String portal;
  private String provider;

  @BeforeEach
  void connect(CompanySsoStack stack) {
    this.stack = stack;
    bed = new PortalTestbed(stack);
    fixtures = bed.fixtures();
    portal = bed.portal();
  }

  @AfterEach
  void close() {
    bed.close();
  }

  /** A company whose Okta provider (the bundle's type) points at acme's org with this secret. */
  private String companyOnOkta(String prefix, String secret) {
    String code = bed.newCompany(prefix);
    provider =
        bed.oktaProvider(
            code,
            stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG),
            "0oa1acmekeycloak000001",
            secret);
    return code;
  }

  private void setProvider(String key, String value) {
    IdentityProviderRepresentation idp =
        fixtures.realm().identityProviders().get(provider).toRepresentation();
    idp.getConfig().put(key, value);
    try {
      fixtures.realm().identityProviders().get(provider).update(idp);
    } catch (jakarta.ws.rs.BadRequestException e) {
      throw new AssertionError(e.getResponse().readEntity(String.class), e);
    }
  }

  /**
   * A stand-in for acme's Okta org that serves its discovery document (with its own address), so
   * the provider can be saved pointing at it; stopped, it is an Okta org that is down.
   */
  private HttpServer oktaStandIn() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String simulator = stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG);
    String original =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(simulator + "/.well-known/openid-configuration"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher issuer = ISSUER.matcher(original);
    assertThat(issuer.find()).as(original).isTrue();
    String discovery = original.replace(issuer.group(1), standInBase(server));
    server.createContext(
        "/acme/.well-known/openid-configuration",
        exchange -> {
          byte[] body = discovery.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static String standInBase(HttpServer server) {
    return "http://localhost:" + server.getAddress().getPort() + "/acme";
  }

  private String ssoLink(String code) throws Exception {
    var answer = bed.links().create(code, "{\"sections\": [\"sso\"]}");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().path("url").asText();
  }

  private static void checkNow(Browser browser) {
    browser.clickToNewPage(By.cssSelector("#csso-health-check-now button"));
  }

  private static String failed(Browser browser) {
    return browser.waitFor(By.id("csso-health-check")).getAttribute("data-failed");
  }

  private String vendorFact(Browser staff, String code, String fact, String attribute) {
    staff.open(URI.create(portal + "/vendor?q=" + code));
    return staff
        .waitFor(By.cssSelector("#csso-company-" + code + " [data-fact='" + fact + "']"))
        .getAttribute(attribute);
  }

  /** The admin events the portal raised by itself about the company's health, oldest first. */
  private List<AdminEventRepresentation> raised(String code, String what) {
    return fixtures.realm().getAdminEvents().stream()
        .filter(e -> "COMPANY_SSO_PORTAL".equals(e.getResourceType()))
        .filter(e -> e.getResourcePath().endsWith(code + "/health/" + what))
        .filter(e -> e.getDetails() != null && e.getDetails().containsKey("raisedBy"))
        .sorted(java.util.Comparator.comparingLong(AdminEventRepresentation::getTime))
        .toList();
  }

  @Test
  @DisplayName(
      "A refused client secret and an unreachable provider show as failing, naming the check, in the portal and the vendor view, with an admin event when it starts failing and when it recovers; fixed, the next check is live again")
  void failingConnectionInBothViews() throws Exception {
    String code = companyOnOkta("health", "not-the-secret");
    assertThat(raised(code, "failing")).isEmpty();
    try (Browser browser = Browser.start();
        Browser staff = Browser.start()) {
      bed.signInAsStaff(staff, bed.staff("view-organizations"));
      browser.open(URI.create(ssoLink(code)));
      browser.clickToNewPage(By.id("csso-health-open"));
      assertThat(browser.waitFor(By.id("csso-health-check")).getText())
          .isEqualTo("Not checked yet.");

      checkNow(browser);
      assertThat(failed(browser)).isEqualTo("credentials");
      assertThat(browser.waitFor(By.id("csso-health-state")).getAttribute("data-state"))
          .isEqualTo("failing");
      assertThat(browser.waitFor(By.id("csso-health-check")).getText())
          .contains("the client ID or secret is refused");
      browser.screenshot("portal-health-failing");
      assertThat(vendorFact(staff, code, "health", "data-failed")).isEqualTo("credentials");
      assertThat(vendorFact(staff, code, "state", "data-state")).isEqualTo("failing");
      checkNow(browser);
      assertThat(raised(code, "failing"))
          .as("one event when it starts failing, none for each check while it stays so")
          .singleElement()
          .satisfies(e -> assertThat(e.getRepresentation()).contains("credentials"));

      setProvider("clientSecret", ACME_SECRET);
      checkNow(browser);
      assertThat(failed(browser)).isEmpty();
      assertThat(browser.waitFor(By.id("csso-health-state")).getAttribute("data-state"))
          .isEqualTo("live");
      assertThat(vendorFact(staff, code, "state", "data-state")).isEqualTo("live");
      assertThat(raised(code, "recovered")).hasSize(1);

      HttpServer standIn = oktaStandIn();
      setProvider("baseUrlOverride", standInBase(standIn));
      standIn.stop(0);
      checkNow(browser);
      assertThat(failed(browser)).isEqualTo("discovery");
      assertThat(vendorFact(staff, code, "health", "data-failed")).isEqualTo("discovery");
      assertThat(vendorFact(staff, code, "state", "data-state")).isEqualTo("failing");
      assertThat(raised(code, "failing")).hasSize(2);
      assertThat(raised(code, "failing").get(1).getRepresentation()).contains("discovery");
    }
  }

  @Test
  @DisplayName(
      "A client secret entered as expiring in 10 days: the check sends one e-mail each to the company's Owner and to vendor staff, in the realm's mail settings, and raises one admin event; the next check sends none")
  void expiringSecretMailsOnce() throws Exception {
    String code = companyOnOkta("expiring", ACME_SECRET);
    String ownerEmail = "owner@" + code + ".example";
    String owner = fixtures.localUser("owner-" + code, ownerEmail, "Owner-passw0rd!");
    fixtures.companyResource(code).members().addMember(owner).close();
    fixtures.grantRealmRole("owner-" + code, "Owner");
    String staffEmail = bed.staff("manage-organizations") + "@vendor.example";
    RealmRepresentation realm = fixtures.realm().toRepresentation();
    Map<String, String> previousSmtp = realm.getSmtpServer();
    GreenMail mail =
        new GreenMail(new ServerSetup(FreePort.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try {
      realm.setSmtpServer(
          Map.of(
              "host", "127.0.0.1",
              "port", String.valueOf(mail.getSmtp().getPort()),
              "from", "sso@vendor.example"));
      fixtures.realm().update(realm);
      String expires = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
      try (Browser browser = Browser.start()) {
        browser.open(URI.create(ssoLink(code)));
        browser.open(URI.create(portal + "/health"));
        var date = browser.waitFor(By.id("secretExpires"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript("arguments[0].value = arguments[1];", date, expires);
        browser.clickToNewPage(By.cssSelector("#csso-health-secret-form button"));
        assertThat(browser.waitFor(By.id("csso-health-secret")).getText()).isEqualTo(expires);
        assertThat(browser.waitFor(By.cssSelector("#csso-health-expiring li")).getText())
            .contains("expires on " + expires);
        checkNow(browser);
        browser.screenshot("portal-health-expiring");
        assertThat(sentTo(mail, ownerEmail)).hasSize(1);
        assertThat(sentTo(mail, staffEmail)).hasSize(1);
        MimeMessage toOwner = sentTo(mail, ownerEmail).get(0);
        assertThat(toOwner.getSubject())
            .isEqualTo(code + ": the sign-in client secret expires on " + expires);
        assertThat(GreenMailUtil.getBody(toOwner)).contains("company code " + code);

        assertThat(raised(code, "expiry-warning"))
            .singleElement()
            .satisfies(e -> assertThat(e.getRepresentation()).contains("client-secret"));

        checkNow(browser);
        assertThat(sentTo(mail, ownerEmail)).as("sent once").hasSize(1);
        assertThat(raised(code, "expiry-warning")).hasSize(1);
      }
    } finally {
      RealmRepresentation restored = fixtures.realm().toRepresentation();
      restored.setSmtpServer(previousSmtp == null ? Map.of() : previousSmtp);
      fixtures.realm().update(restored);
      mail.stop();
      fixtures.realm().users().delete(owner).close();
    }
  }

  private static List<MimeMessage> sentTo(GreenMail mail, String address) {
    return Stream.of(mail.getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .toList();
  }
}
