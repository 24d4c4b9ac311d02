package dev.companysso.portal.web;

import dev.companysso.portal.PortalEvents;
import dev.companysso.portal.PortalUrls;
import dev.companysso.portal.domains.DomainSettings;
import dev.companysso.portal.health.ConnectionHealths;
import dev.companysso.portal.links.Section;
import dev.companysso.portal.links.SetupLink;
import dev.companysso.portal.links.SetupLinks;
import dev.companysso.portal.signins.CompanySignIns;
import dev.companysso.portal.sso.SsoStatus;
import dev.companysso.userstorage.scim.ScimTokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/company-sso-portal}: where a company's IT admin, holding a setup link,
 * sets up the company's sign-in. {@code GET link/{token}} makes this browser the link's holder and
 * leaves the token out of every later URL; the other pages need that browser.
 */
public final class PortalResource {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final KeycloakSession session;
  private final RealmModel realm;
  private final PortalPages pages;
  private final DomainSettings domainSettings;

  PortalResource(KeycloakSession session, DomainSettings domainSettings) {
    this.session = session;
    this.domainSettings = domainSettings;
    this.realm = session.getContext().getRealm();
    this.pages = new PortalPages(session, realm);
  }

  @GET
  @Path("link/{token}")
  @Produces(MediaType.TEXT_HTML)
  public Response open(@PathParam("token") String token) {
    String held = PortalCookie.read(session).map(PortalCookie.Value::browserSecret).orElse(null);
    SetupLinks.Opening opening = new SetupLinks(session, realm).open(token, held);
    if (opening instanceof SetupLinks.Opened opened) {
      OrganizationModel company = company(opened.link().companyId()).orElse(null);
      if (company == null || PortalEvents.creator(session, opened.link()).isEmpty()) {
        return invalidLink();
      }
      PortalEvents.linkUsed(
          session,
          realm,
          opened.link(),
          company.getAlias(),
          OperationType.ACTION,
          "open",
          Map.of());
      return Response.seeOther(URI.create(PortalUrls.of(session, realm).portal() + "/"))
          .cookie(PortalCookie.of(session, realm, opened.link().id(), opened.browserSecret()))
          .header("Referrer-Policy", "no-referrer")
          .build();
    }
    if (opening instanceof SetupLinks.Refused refused) {
      return refused.state() == SetupLink.State.EXPIRED
          ? pages.message(
              Response.Status.GONE,
              "companySsoPortalLinkTitle",
              "companySsoPortalLinkExpired",
              DAY.format(refused.link().expires()))
          : pages.message(
              Response.Status.GONE, "companySsoPortalLinkTitle", "companySsoPortalLinkRevoked");
    }
    if (opening instanceof SetupLinks.HeldElsewhere) {
      return pages.message(
          Response.Status.CONFLICT,
          "companySsoPortalLinkTitle",
          "companySsoPortalLinkHeldElsewhere",
          SetupLinks.HOLD.toMinutes());
    }
    return invalidLink();
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response home() {
    PortalAccess access = access();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("portal", PortalBean.of(access, DAY));
    OrganizationModel company = access.company();
    attributes.put(
        "sso",
        SsoStatus.of(
                session,
                realm,
                company,
                new CompanySignIns(session, realm).of(company),
                new ConnectionHealths(session, realm).of(company))
            .state()
            .key());
    ScimTokens.created(realm, company)
        .ifPresent(created -> attributes.put("scimTokenCreated", DAY.format(created)));
    attributes.put(
        "verifiedDomains",
        company.getDomains().filter(OrganizationDomainModel::isVerified).count());
    return pages.page("home", Response.Status.OK, attributes);
  }

  /** Vendor staff's view of every company; signed in to the realm, never by a setup link. */
  @Path("vendor")
  public VendorResource vendor() {
    return new VendorResource(session, realm, pages, DAY);
  }

  /** The company's sign-in settings, for a link that opens them. */
  @Path("sso")
  public SsoResource sso() {
    return new SsoResource(session, realm, access(Section.SSO), pages, DAY);
  }

  /** The company's SCIM endpoint and token, for a link that opens them. */
  @Path("provisioning")
  public ProvisioningResource provisioning() {
    return new ProvisioningResource(session, realm, access(Section.PROVISIONING), pages, DAY);
  }

  /** The company's e-mail domains and their DNS proof, for a link that opens them. */
  @Path("domains")
  public DomainsResource domains() {
    return new DomainsResource(session, realm, access(Section.DOMAINS), pages, DAY, domainSettings);
  }

  /** The company's connection health, for anyone the portal admits for the company. */
  @Path("health")
  public HealthResource health() {
    PortalAccess access = access();
    return new HealthResource(session, realm, access, pages, DAY, access.allows(Section.SSO));
  }

  /** The company's group tables, for a link that opens them. */
  @Path("mapping")
  public MappingResource mapping() {
    return new MappingResource(session, realm, access(Section.MAPPING), pages, DAY);
  }

  /** The visitor, when their link (or Owner role) opens {@code section}. */
  private PortalAccess access(Section section) {
    PortalAccess access = access();
    if (!access.allows(section)) {
      throw new WebApplicationException(
          pages.message(
              Response.Status.FORBIDDEN,
              "companySsoPortalTitle",
              "companySsoPortalSectionNotAllowed"));
    }
    return access;
  }

  private Response invalidLink() {
    return pages.message(
        Response.Status.NOT_FOUND, "companySsoPortalLinkTitle", "companySsoPortalLinkInvalid");
  }

  /**
   * Who this request is: the browser holding a setup link, else a company's Owner signed in to the
   * realm; otherwise the page that says how to get in.
   */
  private PortalAccess access() {
    return linkHolder()
        .or(this::owner)
        .orElseThrow(
            () ->
                new WebApplicationException(
                    pages.page(
                        "signin",
                        Response.Status.UNAUTHORIZED,
                        Map.of("ownerSignIn", PortalUrls.of(session, realm).portal() + "/owner"))));
  }

  private Optional<PortalAccess> linkHolder() {
    return PortalCookie.read(session)
        .flatMap(
            cookie ->
                new SetupLinks(session, realm)
                    .heldBy(cookie.linkId(), cookie.browserSecret())
                    .filter(link -> PortalEvents.creator(session, link).isPresent())
                    .flatMap(
                        link ->
                            company(link.companyId())
                                .map(
                                    company ->
                                        PortalAccess.ofLink(
                                            link, company, cookie.browserSecret()))));
  }

  /** A user signed in to the realm who holds the Owner role, for the company they belong to. */
  private Optional<PortalAccess> owner() {
    AuthenticationManager.AuthResult signedIn =
        AuthenticationManager.authenticateIdentityCookie(session, realm, true);
    if (signedIn == null) {
      return Optional.empty();
    }
    return CompanyOwners.companyOf(session, realm, signedIn.getUser())
        .map(
            company ->
                PortalAccess.ofOwner(signedIn.getUser(), company, signedIn.getSession().getId()));
  }

  /**
   * Sends a company's Owner to sign in (through the company flow, like any login) and back: the
   * portal then knows them by Keycloak's own session cookie.
   */
  @GET
  @Path("owner")
  public Response ownerSignIn() {
    if (owner().isPresent()) {
      return Response.seeOther(URI.create(PortalUrls.of(session, realm).portal() + "/")).build();
    }
    if (AuthenticationManager.authenticateIdentityCookie(session, realm, true) != null) {
      return pages.message(
          Response.Status.FORBIDDEN, "companySsoPortalTitle", "companySsoPortalNotOwner");
    }
    return Response.seeOther(PortalSignIn.authorizationRequest(session, realm, "signed-in"))
        .build();
  }

  /** Where the Owner's sign-in returns; the session cookie it set is what counts. */
  @GET
  @Path("signed-in")
  public Response signedIn() {
    return Response.seeOther(URI.create(PortalUrls.of(session, realm).portal() + "/owner")).build();
  }

  private Optional<OrganizationModel> company(String id) {
    return Optional.ofNullable(session.getProvider(OrganizationProvider.class).getById(id));
  }
}
