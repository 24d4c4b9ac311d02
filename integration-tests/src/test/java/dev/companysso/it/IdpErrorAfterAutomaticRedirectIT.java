package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanyDiscoveryPage;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.UpstreamSignInPage;
import dev.companysso.simulators.EntraTenant;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * An IdP that answers a sign-in with an error (not assigned, consent missing) while it keeps the
 * person signed in: every automatic redirect of the company flow (deep link, login_hint, a
 * remembered company with auto-redirect) must stop after that one round trip and show the message,
 * instead of sending the browser back to an IdP that answers the same error again at once.
 */
@ExtendWith(CompanySsoExtension.class)
class IdpErrorAfterAutomaticRedirectIT {

  private static final String NOT_ASSIGNED =
      "Your company has not given you access to this application yet.";
  private static final String CONSENT_MISSING =
      "Your company's administrator must first approve this application";

  /** A company whose Entra app has no admin consent yet, and a worker of its domain. */
  private static final String PENDING = "pendingco";

  private static final String PENDING_IDP = "pendingco-entra";
  private static final String PENDING_WORKER = "kim@pendingco.example";

  /** One person the company's IdP refuses, with what they see and what the admin's event says. */
  record Refusal(
      String description,
      String company,
      String identityProvider,
      UpstreamSignInPage page,
      String username,
      String password,
      String message,
      String eventError) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** How the browser reaches the IdP without anyone choosing it on a page. */
  enum Arrival {
    DEEP_LINK,
    LOGIN_HINT,
    REMEMBERED_COMPANY
  }

  static Stream<Arguments> refusals() {
    List<Refusal> refusals =
        List.of(
            new Refusal(
                "Okta: user not assigned to the app",
                "acme",
                "acme-okta",
                UpstreamSignInPage.OKTA,
                "carol@acme.example",
                "carol-password",
                NOT_ASSIGNED,
                "company_sso_user_not_assigned"),
            new Refusal(
                "Entra ID: AADSTS50105 not assigned",
                "contoso",
                "contoso-entra",
                UpstreamSignInPage.ENTRA,
                "frank@contoso.example",
                "frank-password",
                NOT_ASSIGNED,
                "company_sso_user_not_assigned"),
            new Refusal(
                "Entra ID: AADSTS65001 consent missing",
                PENDING,
                PENDING_IDP,
                UpstreamSignInPage.ENTRA,
                PENDING_WORKER,
                "kim-password",
                CONSENT_MISSING,
                "company_sso_consent_required"));
    return refusals.stream()
        .flatMap(
            refusal -> Stream.of(Arrival.values()).map(arrival -> Arguments.of(refusal, arrival)));
  }

  @BeforeAll
  static void pendingCompany(CompanySsoStack stack) {
    stack
        .entra()
        .addUser(
            CompanySsoStack.CONTOSO_TENANT_ID,
            new EntraTenant.User(
                "0b6a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e",
                PENDING_WORKER,
                "kim-password",
                "Kim",
                "Pending",
                PENDING_WORKER,
                true,
                true,
                List.of(),
                0,
                List.of(),
                null,
                null,
                null));
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
      idp.setAlias(PENDING_IDP);
      idp.setProviderId("entra-id");
      idp.setEnabled(true);
      idp.setHideOnLogin(true);
      idp.setConfig(
          new HashMap<>(
              Map.of(
                  "tenantId",
                  CompanySsoStack.CONTOSO_TENANT_ID,
                  // Registered in the simulator's Contoso tenant without admin consent.
                  "clientId",
                  "8e6b4f2a-1c3d-4e5f-9a7b-0c1d2e3f4a5b",
                  "clientSecret",
                  "contoso-unconsented-secret",
                  "authorityOverride",
                  stack.entra().authority(),
                  "graphOverride",
                  stack.entra().graphBaseUrl())));
      try (Response created = fixtures.realm().identityProviders().create(idp)) {
        assertThat(created.getStatus()).isEqualTo(201);
      }
      fixtures.company(PENDING, "pendingco.example", true, List.of(PENDING_IDP));
    }
  }

  @AfterAll
  static void removePendingCompany(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      fixtures.companyResource(PENDING).delete().close();
      fixtures.realm().identityProviders().get(PENDING_IDP).remove();
    }
    stack.entra().removeUser(CompanySsoStack.CONTOSO_TENANT_ID, PENDING_WORKER);
  }

  @ParameterizedTest(name = "{0}, arriving by {1}")
  @MethodSource("refusals")
  @DisplayName(
      "After one round trip to an IdP that refuses the person, the login page shows why; the browser is not sent back")
  void oneRoundTrip(Refusal refusal, Arrival arrival, CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      long start = System.currentTimeMillis();
      DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
      try (Browser browser = Browser.start();
          RememberedCompany remembered =
              arrival == Arrival.REMEMBERED_COMPANY
                  ? RememberedCompany.turnOn(fixtures, refusal.company())
                  : RememberedCompany.OFF) {
        Map<String, String> request =
            switch (arrival) {
              case DEEP_LINK -> Map.of("company", refusal.company());
              case LOGIN_HINT -> Map.of("login_hint", refusal.username());
              case REMEMBERED_COMPANY -> {
                // The person chose the company once and ticked "remember" on an earlier visit.
                browser.open(app.authorize(Map.of()).url());
                new LoginPage(browser).openSingleSignOn().submitRemembering(refusal.company());
                yield Map.of();
              }
            };
        browser.open(app.authorize(request).url());
        refusal.page().signIn(browser, refusal.username(), refusal.password());

        assertThat(new LoginPage(browser).hasSingleSignOnButton())
            .as("the login page, with the Single Sign-On button to try another way")
            .isTrue();
        assertThat(browser.pageText()).contains(refusal.message());
        assertThat(browser.currentUrl().toString()).startsWith(stack.keycloak().baseUrl());

        // The page's way on still works: the Single Sign-On page takes another company.
        new LoginPage(browser).openSingleSignOn();
        assertThat(new CompanyDiscoveryPage(browser).value()).isNotNull();
      }
      assertThat(
              fixtures.identityProviderErrors(
                  refusal.identityProvider(), refusal.eventError(), start))
          .as("IdP error events of %s: one round trip", refusal.identityProvider())
          .hasSize(1);
    }
  }

  /**
   * "Remember my company" on both discovery steps and auto-redirect for one company, undone on
   * close.
   */
  private record RememberedCompany(
      RealmFixtures fixtures, String company, String page, String deepLink)
      implements AutoCloseable {

    static final RememberedCompany OFF = new RememberedCompany(null, null, null, null);
    private static final String FLOW = "company browser";

    static RememberedCompany turnOn(RealmFixtures fixtures, String company) {
      String page =
          fixtures.authenticatorSetting(FLOW, "company-discovery", "rememberCompany", "true");
      String deepLink =
          fixtures.authenticatorSetting(FLOW, "company-deep-link", "rememberCompany", "true");
      fixtures.companyAttribute(company, "companySso.autoRedirect", "true");
      return new RememberedCompany(fixtures, company, page, deepLink);
    }

    @Override
    public void close() {
      if (fixtures == null) {
        return;
      }
      fixtures.authenticatorSetting(FLOW, "company-discovery", "rememberCompany", page);
      fixtures.authenticatorSetting(FLOW, "company-deep-link", "rememberCompany", deepLink);
      fixtures.companyAttribute(company, "companySso.autoRedirect", null);
    }
  }
}
