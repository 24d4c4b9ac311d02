package dev.companysso.portal.web;

import dev.companysso.core.SettingLists;
import dev.companysso.core.access.AppAccess;
import dev.companysso.core.access.SsoRequired;
import dev.companysso.portal.PortalEvents;
import dev.companysso.portal.PortalUrls;
import dev.companysso.portal.domains.DomainVerifications;
import dev.companysso.portal.health.ConnectionHealth;
import dev.companysso.portal.health.ConnectionHealths;
import dev.companysso.portal.links.Section;
import dev.companysso.portal.links.SetupLink;
import dev.companysso.portal.links.SetupLinkRequest;
import dev.companysso.portal.links.SetupLinks;
import dev.companysso.portal.signins.CompanySignIn;
import dev.companysso.portal.signins.CompanySignIns;
import dev.companysso.portal.sso.SsoStatus;
import dev.companysso.userstorage.scim.ScimTokens;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/company-sso-portal/vendor}: the vendor's staff, signed in to the realm
 * (see {@link VendorStaff}), see every company with its code, identity provider, where its sign-in
 * stands, its last sign-in and its open setup links, and create and revoke setup links. A new
 * link's URL is shown once, on the page that answers its creation.
 */
public final class VendorResource {

  static final int PAGE_SIZE = 20;

  /** Lifetimes offered for a new link, in days; the admin REST API takes any up to 90. */
  static final List<Integer> LIFETIMES = List.of(1, 3, 7, 14, 30, 90);

  private final KeycloakSession session;
  private final RealmModel realm;
  private final PortalPages pages;
  private final DateTimeFormatter dates;

  VendorResource(
      KeycloakSession session, RealmModel realm, PortalPages pages, DateTimeFormatter dates) {
    this.session = session;
    this.realm = realm;
    this.pages = pages;
    this.dates = dates;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response companies(@QueryParam("q") String search, @QueryParam("page") Integer page) {
    Optional<AuthenticationManager.AuthResult> signedIn = signedIn();
    if (signedIn.isEmpty()) {
      return Response.seeOther(
              PortalSignIn.authorizationRequest(session, realm, "vendor/signed-in"))
          .build();
    }
    return render(
        staff(signedIn.get()),
        search,
        page == null ? 0 : Math.max(0, page),
        null,
        session.getContext().getUri().getQueryParameters());
  }

  /** Where the staff's sign-in returns; the session cookie it set is what counts. */
  @GET
  @Path("signed-in")
  public Response signedInReturn() {
    return Response.seeOther(URI.create(PortalUrls.of(session, realm).portal() + "/vendor"))
        .build();
  }

  @POST
  @Path("links")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response createLink(MultivaluedMap<String, String> form) {
    VendorStaff staff = managingStaff(form);
    OrganizationModel company = company(form.getFirst("company"));
    List<String> problems = new ArrayList<>();
    SetupLinkRequest request =
        new SetupLinkRequest(form.get("sections"), days(form.getFirst("expiresInDays")), null);
    var sections = request.sections(problems);
    Instant expires = request.expiry(Instant.now(), problems);
    if (!problems.isEmpty()) {
      return pages.message(
          Response.Status.BAD_REQUEST,
          "companySsoPortalVendorTitle",
          "companySsoPortalVendorBadLink");
    }
    SetupLinks.Created created =
        new SetupLinks(session, realm).create(company, sections, expires, realm, staff.user());
    PortalEvents.staffActed(
        session,
        realm,
        staff.user(),
        company.getAlias(),
        OperationType.CREATE,
        "setup-links",
        Map.of("id", created.link().id(), "expires", expires.toString()));
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("company", company.getName());
    shown.put("code", company.getAlias());
    shown.put("url", PortalUrls.of(session, realm).setupLink(created.token()));
    shown.put("expires", dates.format(expires));
    return render(staff, company.getName(), 0, shown, new MultivaluedHashMap<>());
  }

  @POST
  @Path("links/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revokeLink(MultivaluedMap<String, String> form) {
    VendorStaff staff = managingStaff(form);
    OrganizationModel company = company(form.getFirst("company"));
    String id = form.getFirst("link");
    if (!new SetupLinks(session, realm).revoke(company, id)) {
      return pages.message(
          Response.Status.NOT_FOUND, "companySsoPortalVendorTitle", "companySsoPortalVendorNoLink");
    }
    PortalEvents.staffActed(
        session,
        realm,
        staff.user(),
        company.getAlias(),
        OperationType.DELETE,
        "setup-links",
        Map.of("id", id));
    return backTo(company);
  }

  /**
   * The apps the company may use ({@code clientId[:role]}, comma-separated): the same setting as
   * the admin API's {@code company-sso-access/companies/{code}}; sessions the change refuses end.
   * With it, whether the company requires its own sign-in ({@code ssoRequired}).
   */
  @POST
  @Path("apps")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response saveApps(MultivaluedMap<String, String> form) {
    VendorStaff staff = managingStaff(form);
    OrganizationModel company = company(form.getFirst("company"));
    AppAccess.Replaced replaced =
        AppAccess.replaceGrants(session, realm, company, SettingLists.names(form.getFirst("apps")));
    if (!replaced.problems().isEmpty()) {
      return pages.message(
          Response.Status.BAD_REQUEST,
          "companySsoPortalVendorTitle",
          "companySsoPortalVendorBadApps",
          String.join("; ", replaced.problems()));
    }
    boolean ssoRequired = "on".equals(form.getFirst("ssoRequired"));
    SsoRequired.require(company, ssoRequired);
    PortalEvents.staffActed(
        session,
        realm,
        staff.user(),
        company.getAlias(),
        OperationType.UPDATE,
        "apps",
        Map.of(
            "apps",
            replaced.apps(),
            "sessionsEnded",
            replaced.sessionsEnded(),
            "ssoRequired",
            ssoRequired));
    return backTo(company);
  }

  /**
   * Which companies an app admits: the same setting as the admin API's {@code
   * company-sso-access/clients/{clientId}}; sessions the change refuses end.
   */
  @POST
  @Path("app-access")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response saveAppAccess(MultivaluedMap<String, String> form) {
    VendorStaff staff = managingStaff(form);
    if (!staff.configuresApps()) {
      throw refusal(Response.Status.FORBIDDEN, "companySsoPortalVendorViewOnly");
    }
    String clientId = form.getFirst("clientId") == null ? "" : form.getFirst("clientId").strip();
    ClientModel client = realm.getClientByClientId(clientId);
    Optional<AppAccess.Mode> mode = AppAccess.Mode.parse(form.getFirst("companies"));
    if (client == null || mode.isEmpty()) {
      return pages.message(
          Response.Status.BAD_REQUEST,
          "companySsoPortalVendorTitle",
          "companySsoPortalVendorBadApp",
          clientId);
    }
    int ended = AppAccess.admit(session, realm, client, mode.get());
    PortalEvents.staffActed(
        session,
        realm,
        staff.user(),
        "apps",
        OperationType.UPDATE,
        clientId,
        Map.of("clientId", clientId, "companies", mode.get().value(), "sessionsEnded", ended));
    return Response.seeOther(URI.create(PortalUrls.of(session, realm).portal() + "/vendor"))
        .build();
  }

  /** The vendor view searched for the company, after a change to it. */
  private Response backTo(OrganizationModel company) {
    return Response.seeOther(
            UriBuilder.fromUri(PortalUrls.of(session, realm).portal() + "/vendor")
                .queryParam("q", company.getName())
                .build())
        .build();
  }

  /**
   * @param questions the page's query, which may ask the explain questions ({@link
   *     VendorQuestions})
   */
  private Response render(
      VendorStaff staff,
      String search,
      int page,
      Map<String, String> createdLink,
      MultivaluedMap<String, String> questions) {
    String query = search == null || search.isBlank() ? null : search.strip();
    List<OrganizationModel> companies =
        session
            .getProvider(OrganizationProvider.class)
            .getAllStream(query, false, page * PAGE_SIZE, PAGE_SIZE + 1)
            .toList();
    boolean more = companies.size() > PAGE_SIZE;
    List<OrganizationModel> shown = more ? companies.subList(0, PAGE_SIZE) : companies;
    Map<String, CompanySignIn> signIns = new CompanySignIns(session, realm).of(shown);
    Map<String, List<String>> missingRecords = DomainVerifications.missingRecords(session, shown);
    Map<String, ConnectionHealth> healths = new ConnectionHealths(session, realm).of(shown);
    SetupLinks links = new SetupLinks(session, realm);
    Instant now = Instant.now();
    List<VendorRow> rows =
        shown.stream()
            .map(
                company -> {
                  CompanySignIn signIn = signIns.getOrDefault(company.getId(), CompanySignIn.NONE);
                  ConnectionHealth health =
                      healths.getOrDefault(company.getId(), ConnectionHealth.NONE);
                  List<SetupLink> open =
                      links.of(company).stream()
                          .filter(link -> link.state(now) == SetupLink.State.ACTIVE)
                          .toList();
                  return VendorRow.of(
                      session,
                      company,
                      SsoStatus.of(session, realm, company, signIn, health),
                      health,
                      signIn,
                      ScimTokens.created(realm, company),
                      DirectorySyncView.of(session, realm, company, dates),
                      missingRecords.getOrDefault(company.getId(), List.of()),
                      open,
                      dates);
                })
            .toList();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("staff", staff.user().getUsername());
    attributes.put("manages", staff.manages());
    attributes.put("configuresApps", staff.configuresApps());
    attributes.put("csrf", staff.csrfToken());
    attributes.put("rows", rows);
    attributes.put("limitedApps", LimitedApp.all(session, realm));
    attributes.put("search", query == null ? "" : query);
    attributes.put("page", page);
    attributes.put("more", more);
    attributes.put("lifetimes", LIFETIMES);
    attributes.put("sections", Section.keys());
    attributes.put("defaultLifetime", (int) SetupLinks.DEFAULT_LIFETIME.toDays());
    if (createdLink != null) {
      attributes.put("createdLink", createdLink);
    }
    attributes.putAll(new VendorQuestions(session, realm, staff).answer(questions));
    return pages.page("vendor", Response.Status.OK, attributes);
  }

  private Optional<AuthenticationManager.AuthResult> signedIn() {
    return Optional.ofNullable(
        AuthenticationManager.authenticateIdentityCookie(session, realm, true));
  }

  /** The signed-in staff member, or the page telling a signed-in user they are not staff. */
  private VendorStaff staff(AuthenticationManager.AuthResult signedIn) {
    return VendorStaff.of(realm, signedIn.getUser(), signedIn.getSession().getId())
        .orElseThrow(
            () ->
                refusal(
                    Response.Status.FORBIDDEN,
                    "companySsoPortalVendorNotStaff",
                    signedIn.getUser().getUsername()));
  }

  /** Staff who may manage companies, posting a form of this browser's session. */
  private VendorStaff managingStaff(MultivaluedMap<String, String> form) {
    VendorStaff staff =
        staff(
            signedIn()
                .orElseThrow(
                    () -> refusal(Response.Status.FORBIDDEN, "companySsoPortalStaleForm")));
    if (!staff.csrfMatches(form.getFirst("csrf"))) {
      throw refusal(Response.Status.FORBIDDEN, "companySsoPortalStaleForm");
    }
    if (!staff.manages()) {
      throw refusal(Response.Status.FORBIDDEN, "companySsoPortalVendorViewOnly");
    }
    return staff;
  }

  private OrganizationModel company(String alias) {
    OrganizationModel company =
        alias == null ? null : session.getProvider(OrganizationProvider.class).getByAlias(alias);
    if (company == null) {
      throw refusal(Response.Status.NOT_FOUND, "companySsoPortalVendorNoCompany");
    }
    return company;
  }

  /** A themed page that says why the request got nowhere. */
  private WebApplicationException refusal(
      Response.Status status, String messageKey, Object... params) {
    return new WebApplicationException(
        pages.message(status, "companySsoPortalVendorTitle", messageKey, params));
  }

  private static Integer days(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
