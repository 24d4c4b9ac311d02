package dev.companysso.portal.web;

import dev.companysso.portal.PortalUrls;
import dev.companysso.portal.health.ConnectionHealth;
import dev.companysso.portal.health.ConnectionHealths;
import dev.companysso.portal.health.ExpiryWarnings;
import dev.companysso.portal.health.HealthChecks;
import dev.companysso.portal.signins.CompanySignIns;
import dev.companysso.portal.sso.SsoStatus;
import dev.companysso.userstorage.scim.ScimTokens;
import dev.companysso.userstorage.scim.activity.ScimActivities;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * {@code …/company-sso-portal/health}: how the company's connection stands: its sign-in state, the
 * last check of its identity provider, its SCIM token's age and last use, its directory sync's last
 * run and whether it lags, when its client secret expires and which expiries are near. With the
 * sign-in section the visitor also checks now (due expiry warnings go out with it) and enters the
 * client secret's expiry date.
 */
public final class HealthResource extends PortalSection {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private final boolean mayChange;

  HealthResource(
      KeycloakSession session,
      RealmModel realm,
      PortalAccess access,
      PortalPages pages,
      DateTimeFormatter dates,
      boolean mayChange) {
    super(session, realm, access, pages, dates);
    this.mayChange = mayChange;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page() {
    return render(Map.of(), Response.Status.OK);
  }

  @POST
  @Path("check")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response check(MultivaluedMap<String, String> form) {
    requireChange(form);
    OrganizationModel company = access.company();
    boolean checked = new HealthChecks(session, realm).check(company).isPresent();
    new ExpiryWarnings(session, realm).send(company, Instant.now());
    access.record(session, realm, OperationType.ACTION, "health/check", Map.of("checked", checked));
    return back();
  }

  @POST
  @Path("secret-expiry")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response secretExpiry(MultivaluedMap<String, String> form) {
    requireChange(form);
    String input = Optional.ofNullable(form.getFirst("secretExpires")).orElse("").strip();
    Optional<Instant> expires;
    try {
      expires =
          input.isEmpty()
              ? Optional.empty()
              : Optional.of(LocalDate.parse(input, DAY).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return render(
          Map.of("secretInput", input, "secretError", "companySsoPortalHealthSecretDate"),
          Response.Status.BAD_REQUEST);
    }
    new ConnectionHealths(session, realm).secretExpires(access.company(), expires);
    access.record(
        session,
        realm,
        OperationType.UPDATE,
        "health/secret-expiry",
        Map.of("expires", expires.map(Instant::toString).orElse("")));
    return back();
  }

  private void requireChange(MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    if (!mayChange) {
      throw new WebApplicationException(
          pages.message(
              Response.Status.FORBIDDEN,
              "companySsoPortalTitle",
              "companySsoPortalSectionNotAllowed"));
    }
  }

  private Response back() {
    return Response.seeOther(URI.create(PortalUrls.of(session, realm).portal() + "/health"))
        .build();
  }

  private Response render(Map<String, Object> extra, Response.Status status) {
    OrganizationModel company = access.company();
    ConnectionHealth health = new ConnectionHealths(session, realm).of(company);
    Map<String, Object> attributes = new LinkedHashMap<>(extra);
    attributes.put("portal", PortalBean.of(access, dates));
    attributes.put("mayChange", mayChange);
    attributes.put(
        "sso",
        SsoStatus.of(
                session, realm, company, new CompanySignIns(session, realm).of(company), health)
            .state()
            .key());
    attributes.put("checkable", HealthChecks.checkable(company).isPresent());
    health.checkedAt().ifPresent(at -> attributes.put("checkedAt", dates.format(at)));
    attributes.put("failedChecks", health.failedChecks());
    health
        .secretExpires()
        .ifPresent(at -> attributes.put("secretExpires", DAY.format(at.atZone(ZoneOffset.UTC))));
    ScimTokens.created(realm, company)
        .ifPresent(created -> attributes.put("scimTokenCreated", dates.format(created)));
    ScimActivities.of(session, company)
        .lastRequest()
        .ifPresent(at -> attributes.put("scimLastRequest", dates.format(at)));
    DirectorySyncView.of(session, realm, company, dates)
        .ifPresent(sync -> attributes.put("directorySync", sync));
    attributes.put(
        "expiring",
        new ExpiryWarnings(session, realm)
            .due(company, health, Instant.now()).stream()
                .map(
                    e ->
                        Map.of(
                            "what",
                            e.what(),
                            "expires",
                            DAY.format(e.expires().atZone(ZoneOffset.UTC))))
                .toList());
    return pages.page("health", status, attributes);
  }
}
