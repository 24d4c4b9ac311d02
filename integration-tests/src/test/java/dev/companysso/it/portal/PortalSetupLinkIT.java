package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * Setup links: vendor staff create, list and revoke them; a link opens the portal for its company
 * in one browser; expired, revoked, foreign and forged links and forged forms get nowhere.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalSetupLinkIT {

  private PortalTestbed bed;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private SetupLinkAdmin links;
  private String portal;
  private String baseUrl;

  @BeforeEach
  void connect(CompanySsoStack stack) {
    bed = new PortalTestbed(stack);
    admin = bed.admin();
    fixtures = bed.fixtures();
    links = bed.links();
    portal = bed.portal();
    baseUrl = stack.keycloak().baseUrl();
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private String newCompany(String prefix) {
    return bed.newCompany(prefix);
  }

  @Test
  @DisplayName(
      "A created link answers its URL once; the list shows it active without any secret; creating it is an admin event")
  void createAndList() throws Exception {
    String company = newCompany("linked");
    AdminRest.Answer created =
        links.create(company, "{\"sections\": [\"sso\"], \"expiresInDays\": 3}");

    assertThat(created.status()).isEqualTo(201);
    String url = created.body().path("url").asText();
    assertThat(url).startsWith(portal + "/link/csso_setup_");
    JsonNode listed = links.list(company);
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("state").asText()).isEqualTo("active");
    assertThat(listed.get(0).path("sections").get(0).asText()).isEqualTo("sso");
    assertThat(listed.get(0).path("createdBy").asText()).isEqualTo("admin");
    assertThat(listed.toString()).doesNotContain(url.substring(url.lastIndexOf('/') + 1));
    assertThat(Instant.parse(listed.get(0).path("expires").asText()))
        .isBetween(
            Instant.now().plusSeconds(3 * 86400 - 600), Instant.now().plusSeconds(3 * 86400 + 600));
    assertThat(adminEvents("COMPANY_SSO_SETUP_LINK"))
        .anySatisfy(
            e ->
                assertThat(e.path("resourcePath").asText())
                    .contains(created.body().path("id").asText()));
  }

  @Test
  @DisplayName(
      "A bad request is refused whole, each problem naming its field; an unknown company is 404")
  void badRequests() throws Exception {
    String company = newCompany("badlink");

    AdminRest.Answer section = links.create(company, "{\"sections\": [\"sso\", \"payroll\"]}");
    assertThat(section.status()).isEqualTo(400);
    assertThat(section.body().path("errorMessage").asText())
        .contains(
            "sections[1]: 'payroll' is not a portal section (available: sso, provisioning, domains, mapping).");

    AdminRest.Answer days = links.create(company, "{\"expiresInDays\": 365}");
    assertThat(days.status()).isEqualTo(400);
    assertThat(days.body().path("errorMessage").asText())
        .contains("expiresInDays: from 1 to 90 days.");

    AdminRest.Answer past = links.create(company, "{\"expires\": \"2020-01-01T00:00:00Z\"}");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body().path("errorMessage").asText()).startsWith("expires: ");

    assertThat(links.create("no-such-company-here", "{}").status()).isEqualTo(404);
    assertThat(links.list(company)).isEmpty();
  }

  @Test
  @DisplayName(
      "Opening a link makes that browser its holder and drops the token from the URL; a second browser is told it is open elsewhere")
  void oneBrowserAtATime() throws Exception {
    String company = newCompany("onebrowser");
    String url = links.create(company);

    PortalVisitor first = new PortalVisitor();
    HttpResponse<String> opened = first.get(url);
    assertThat(opened.statusCode()).isEqualTo(303);
    assertThat(opened.headers().firstValue("Location")).hasValue(portal + "/");
    assertThat(opened.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .contains("Path=/realms/" + CompanySsoStack.REALM + "/company-sso-portal");
    HttpResponse<String> home = first.get(portal + "/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains(company).doesNotContain("csso_setup_");

    HttpResponse<String> second = new PortalVisitor().get(url);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("This setup link is open in another browser");

    assertThat(first.get(url).statusCode()).as("the holder opens it again").isEqualTo(303);
    assertThat(adminEvents("COMPANY_SSO_PORTAL"))
        .anySatisfy(
            e -> {
              assertThat(e.path("resourcePath").asText())
                  .isEqualTo("company-sso-portal/" + company + "/open");
              assertThat(e.path("details").path("setupLink").asText()).isNotEmpty();
            });
  }

  @Test
  @DisplayName(
      "A revoked link, an expired link and a made-up token each get their page, and a revoked link's browser is out at once")
  void refusedLinks() throws Exception {
    String company = newCompany("refused");
    String revoked = links.create(company);
    PortalVisitor holder = new PortalVisitor();
    assertThat(holder.get(revoked).statusCode()).isEqualTo(303);
    String id = links.list(company).get(0).path("id").asText();
    assertThat(links.revoke(company, id)).isEqualTo(204);

    HttpResponse<String> again = new PortalVisitor().get(revoked);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("This setup link has been withdrawn");
    assertThat(holder.get(portal + "/").statusCode()).isEqualTo(401);
    assertThat(links.list(company).get(0).path("state").asText()).isEqualTo("revoked");

    String soon =
        links
            .create(company, "{\"expires\": \"" + Instant.now().plusSeconds(2) + "\"}")
            .body()
            .path("url")
            .asText();
    Thread.sleep(2_500);
    HttpResponse<String> expired = new PortalVisitor().get(soon);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("This setup link expired on");

    HttpResponse<String> madeUp = new PortalVisitor().get(portal + "/link/csso_setup_madeup");
    assertThat(madeUp.statusCode()).isEqualTo(404);
    assertThat(madeUp.body()).contains("This setup link is not valid");
  }

  @Test
  @DisplayName(
      "A browser holding company A's link cannot reach company B: B's link id with A's browser secret is refused")
  void otherCompanysLink() throws Exception {
    String a = newCompany("tenanta");
    String b = newCompany("tenantb");
    PortalVisitor holderOfA = new PortalVisitor();
    holderOfA.get(links.create(a));
    links.create(b);
    String linkOfB = links.list(b).get(0).path("id").asText();
    String secretOfA =
        holderOfA.portalCookie().substring(holderOfA.portalCookie().indexOf('.') + 1);

    PortalVisitor forger = new PortalVisitor();
    forger.usePortalCookie(portal + "/", linkOfB + "." + secretOfA);
    HttpResponse<String> home = forger.get(portal + "/");

    assertThat(home.statusCode()).isEqualTo(401);
    assertThat(home.body()).doesNotContain(b);
  }

  @Test
  @DisplayName("A form posted without this browser's CSRF token is refused and changes nothing")
  void csrf() throws Exception {
    String company = newCompany("csrf");
    PortalVisitor visitor = new PortalVisitor();
    visitor.get(links.create(company));
    Map<String, String> form =
        Map.of(
            "oktaDomain", "initrode.okta.com",
            "clientId", "0oa1initrodekeycloak01",
            "clientSecret", "initrode-okta-client-secret");

    HttpResponse<String> missing = visitor.post(portal + "/sso/okta", form);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains("This form is out of date");
    Map<String, String> forged = new HashMap<>(form);
    forged.put("csrf", "forged");
    assertThat(visitor.post(portal + "/sso/okta", forged).statusCode()).isEqualTo(403);

    assertThat(visitor.get(portal + "/sso").statusCode())
        .as("nothing saved: the vendor choice is still offered")
        .isEqualTo(200);
  }

  /** The realm's newest admin events of a resource type of ours (Keycloak filters only its own). */
  private List<JsonNode> adminEvents(String resourceType) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    AdminRest.call(admin, baseUrl, CompanySsoStack.REALM, "GET", "admin-events?max=500")
        .body()
        .forEach(
            event -> {
              if (event.path("resourceType").asText().equals(resourceType)) {
                events.add(event);
              }
            });
    return events;
  }

  @Test
  @DisplayName(
      "Six tests a minute per company: the seventh connection test is refused with 429 and says when to try again")
  void testsRateLimited() throws Exception {
    String company = newCompany("ratelimit");
    PortalVisitor visitor = new PortalVisitor();
    visitor.get(links.create(company));
    String csrf = PortalVisitor.csrf(visitor.get(portal + "/sso/okta").body());
    HttpResponse<String> saved =
        visitor.post(
            portal + "/sso/okta",
            Map.of(
                "csrf", csrf,
                "oktaDomain", "initrode.okta.com",
                "clientId", "0oa1initrodekeycloak01",
                "clientSecret", "initrode-okta-client-secret"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

    List<Integer> answers = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 7; i++) {
      last = visitor.post(portal + "/sso/okta/test-connection", Map.of("csrf", csrf));
      answers.add(last.statusCode());
    }

    assertThat(answers).containsExactly(200, 200, 200, 200, 200, 200, 429);
    assertThat(last.body()).contains("Too many tests").contains("Wait 60 seconds");
  }
}
