package dev.companysso.portal.web;

import dev.companysso.identityproviders.FormProblem;
import dev.companysso.identityproviders.testconnection.ConnectionCheck;
import dev.companysso.identityproviders.testconnection.ConnectionTests;
import dev.companysso.identityproviders.testsignin.TestSignIn;
import dev.companysso.identityproviders.testsignin.TestSignInResult;
import dev.companysso.portal.PortalUrls;
import dev.companysso.portal.sso.SsoActivation;
import dev.companysso.portal.sso.SsoConnection;
import dev.companysso.portal.sso.SsoDraft;
import dev.companysso.portal.sso.SsoDrafts;
import dev.companysso.portal.sso.TestVerdict;
import dev.companysso.portal.sso.Vendor;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code …/company-sso-portal/sso}: the guided sign-in setup of seeds 002–005. Choose Okta or
 * Microsoft Entra ID, copy the values into the IdP's app, enter what the IdP shows, save (a draft:
 * the live sign-in, if any, is untouched), and test the connection.
 */
public final class SsoResource extends PortalSection {

  private final SsoConnection connection;
  private final SsoDrafts drafts;

  SsoResource(
      KeycloakSession session,
      RealmModel realm,
      PortalAccess access,
      PortalPages pages,
      DateTimeFormatter dates) {
    super(session, realm, access, pages, dates);
    this.connection = new SsoConnection(realm, access.company());
    this.drafts = new SsoDrafts(session, realm);
  }

  /** The vendor choice, or straight to the vendor of the company's saved settings. */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response choose() {
    Optional<SsoDraft> draft = drafts.of(access.company());
    if (draft.isPresent()) {
      return Response.seeOther(vendorPage(draft.get().vendor(), null)).build();
    }
    return pages.page("sso", Response.Status.OK, Map.of("portal", portal()));
  }

  @GET
  @Path("{vendor}")
  @Produces(MediaType.TEXT_HTML)
  public Response vendor(
      @PathParam("vendor") String vendorId,
      @QueryParam("saved") String saved,
      @QueryParam("enabled") String enabled,
      @QueryParam("testSignIn") String testSignIn) {
    Vendor vendor = vendor(vendorId);
    Optional<SsoDraft> draft = drafts.of(access.company()).filter(d -> d.vendor() == vendor);
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (testSignIn != null && draft.isPresent()) {
      attributes.putAll(testOutcome(draft.get(), testSignIn));
      draft = drafts.of(access.company()).filter(d -> d.vendor() == vendor);
    }
    attributes.putAll(attributes(vendor, SsoForm.of(vendor, draft)));
    attributes.put("saved", saved != null);
    attributes.put("enabled", enabled != null);
    attributes.put("tested", draft.map(SsoDraft::isTested).orElse(false));
    return pages.page("sso", Response.Status.OK, attributes);
  }

  /**
   * The test sign-in's result for this company's current settings: what came back, the verdict, and
   * (when it passed with nothing blocking) the settings marked tested, which enabling needs.
   */
  private Map<String, Object> testOutcome(SsoDraft draft, String id) {
    Optional<TestSignIn.Finished> finished =
        new TestSignIn(session, realm)
            .result(id)
            .filter(f -> access.company().getId().equals(f.tags().get("company")));
    if (finished.isEmpty()) {
      return Map.of("testExpired", true);
    }
    TestSignInResult result = finished.get().result();
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("testResult", result);
    outcome.put("testClaims", TestClaims.displayed(result));
    if (result.signedIn()) {
      List<TestVerdict.Finding> verdict = TestVerdict.of(session, realm, access.company(), result);
      outcome.put("verdict", verdict);
      boolean sameSettings =
          String.valueOf(draft.updated().toEpochMilli()).equals(finished.get().tags().get("draft"));
      if (sameSettings && verdict.stream().noneMatch(TestVerdict.Finding::blocking)) {
        drafts.tested(access.company(), draft.updated());
      }
    }
    return outcome;
  }

  @POST
  @Path("{vendor}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response save(
      @PathParam("vendor") String vendorId, MultivaluedMap<String, String> formData) {
    Vendor vendor = vendor(vendorId);
    access.requireCsrf(formData, pages);
    Optional<SsoDraft> previous = drafts.of(access.company());
    SsoForm form = SsoForm.submitted(vendor, formData, previous);
    if (form.isValid()) {
      IdentityProviderModel model = connection.model(form.draft());
      try {
        connection.validate(model);
      } catch (FormProblem problem) {
        form = form.withError(problem.field(), problem.in(locale()));
      } catch (IllegalArgumentException e) {
        form = form.withError(null, e.getMessage());
      }
    }
    if (!form.isValid()) {
      return pages.page("sso", Response.Status.BAD_REQUEST, attributes(vendor, form));
    }
    drafts.save(access.company(), vendor, form.draft().settings());
    access.record(session, realm, OperationType.UPDATE, "sso", form.withoutSecret());
    return Response.seeOther(vendorPage(vendor, "saved")).build();
  }

  @POST
  @Path("{vendor}/test-connection")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response testConnection(
      @PathParam("vendor") String vendorId, MultivaluedMap<String, String> formData) {
    Vendor vendor = vendor(vendorId);
    access.requireCsrf(formData, pages);
    Optional<SsoDraft> draft = drafts.of(access.company()).filter(d -> d.vendor() == vendor);
    if (draft.isEmpty()) {
      return Response.seeOther(vendorPage(vendor, null)).build();
    }
    if (!TestRateLimit.allow(access.company().getId())) {
      return tooManyTests();
    }
    IdentityProviderModel model = connection.model(draft.get());
    List<ConnectionCheck> checks =
        ConnectionTests.run(
                session, model, PortalUrls.of(session, realm).brokerEndpoint(model.getAlias()))
            .orElseThrow();
    access.record(
        session,
        realm,
        OperationType.ACTION,
        "sso/test-connection",
        Map.of("ok", checks.stream().allMatch(ConnectionCheck::ok)));
    Map<String, Object> attributes = attributes(vendor, SsoForm.of(vendor, draft));
    attributes.put(
        "checks",
        checks.stream()
            .map(check -> new CheckView(check.name(), check.ok(), check.in(locale())))
            .toList());
    attributes.put("checksOk", checks.stream().allMatch(ConnectionCheck::ok));
    return pages.page("sso", Response.Status.OK, attributes);
  }

  @POST
  @Path("{vendor}/test-sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response testSignIn(
      @PathParam("vendor") String vendorId, MultivaluedMap<String, String> formData) {
    Vendor vendor = vendor(vendorId);
    access.requireCsrf(formData, pages);
    Optional<SsoDraft> draft = drafts.of(access.company()).filter(d -> d.vendor() == vendor);
    if (draft.isEmpty()) {
      return Response.seeOther(vendorPage(vendor, null)).build();
    }
    if (!TestRateLimit.allow(access.company().getId())) {
      return tooManyTests();
    }
    new SsoActivation(session, realm, access.company()).prepareTest(draft.get());
    URI idp =
        new TestSignIn(session, realm)
            .start(
                connection.model(draft.get()),
                vendorPage(vendor, null).toString(),
                Map.of(
                    "company", access.company().getId(),
                    "draft", String.valueOf(draft.get().updated().toEpochMilli())));
    access.record(session, realm, OperationType.ACTION, "sso/test-sign-in", Map.of());
    return Response.seeOther(idp).build();
  }

  /** The tested settings go live; untested ones are refused. */
  @POST
  @Path("{vendor}/enable")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response enable(
      @PathParam("vendor") String vendorId, MultivaluedMap<String, String> formData) {
    Vendor vendor = vendor(vendorId);
    access.requireCsrf(formData, pages);
    Optional<SsoDraft> draft =
        drafts.of(access.company()).filter(d -> d.vendor() == vendor).filter(SsoDraft::isTested);
    if (draft.isEmpty()) {
      return pages.message(
          Response.Status.CONFLICT, "companySsoPortalSsoHeading", "companySsoPortalTestFirst");
    }
    IdentityProviderModel live =
        new SsoActivation(session, realm, access.company()).enable(draft.get());
    access.record(
        session,
        realm,
        OperationType.UPDATE,
        "sso/enable",
        Map.of("identityProvider", live.getAlias(), "providerId", live.getProviderId()));
    return Response.seeOther(vendorPage(vendor, "enabled")).build();
  }

  private Response tooManyTests() {
    return pages.message(
        Response.Status.TOO_MANY_REQUESTS,
        "companySsoPortalTitle",
        "companySsoPortalTooManyTests",
        TestRateLimit.WINDOW.toSeconds());
  }

  private Map<String, Object> attributes(Vendor vendor, SsoForm form) {
    String alias = connection.alias(vendor);
    PortalUrls urls = PortalUrls.of(session, realm);
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("portal", portal());
    attributes.put("vendor", vendor.providerId());
    attributes.put("form", form);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("redirectUri", urls.brokerEndpoint(alias));
    values.put("logoutUri", urls.brokerLogoutResponse(alias));
    values.put("initiateLoginUri", urls.initiateLogin());
    attributes.put("values", values);
    attributes.put("formAction", urls.portal() + "/sso/" + vendor.providerId());
    return attributes;
  }

  /** One step of the connection test, worded in the page's language. */
  public record CheckView(String name, boolean ok, String message) {}

  private PortalBean portal() {
    return PortalBean.of(access, dates);
  }

  private Vendor vendor(String id) {
    return Vendor.of(id)
        .orElseThrow(
            () ->
                new jakarta.ws.rs.WebApplicationException(
                    pages.message(
                        Response.Status.NOT_FOUND,
                        "companySsoPortalTitle",
                        "companySsoPortalUnknownVendor")));
  }

  private URI vendorPage(Vendor vendor, String flag) {
    return URI.create(
        PortalUrls.of(session, realm).portal()
            + "/sso/"
            + vendor.providerId()
            + (flag == null ? "" : "?" + flag + "=1"));
  }
}
