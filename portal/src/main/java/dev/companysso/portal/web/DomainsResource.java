package dev.companysso.portal.web;

import dev.companysso.portal.PortalUrls;
import dev.companysso.portal.domains.DomainSettings;
import dev.companysso.portal.domains.DomainVerifications;
import dev.companysso.portal.domains.DomainVerifications.Outcome;
import dev.companysso.portal.domains.DomainVerifications.Result;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * {@code …/company-sso-portal/domains}: the company proves its e-mail domains by DNS. Adding a
 * domain shows the TXT record to publish; "Verify" looks it up and, found, marks the domain
 * verified, which makes discovery send the domain's people to the company's IdP.
 */
public final class DomainsResource extends PortalSection {

  private static final String DOMAIN = "domain";

  private final DomainVerifications verifications;

  DomainsResource(
      KeycloakSession session,
      RealmModel realm,
      PortalAccess access,
      PortalPages pages,
      DateTimeFormatter dates,
      DomainSettings settings) {
    super(session, realm, access, pages, dates);
    this.verifications = settings.verifications(session, realm);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page() {
    return render(Map.of());
  }

  /** Starts a claim: the record to publish, or why the company may not claim that domain. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response claim(MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    String input = Optional.ofNullable(form.getFirst(DOMAIN)).orElse("").strip();
    Result result = verifications.claim(access.company(), input);
    if (result.outcome() == Outcome.REFUSED) {
      return render(
          Map.of(
              "domainInput",
              input,
              "domainError",
              "companySsoPortalDomainsRefused." + result.refusal().orElseThrow()));
    }
    String domain = result.challenge().orElseThrow().domain();
    access.record(session, realm, OperationType.CREATE, "domains/claim", Map.of(DOMAIN, domain));
    return render(Map.of("claimed", domain));
  }

  /** Looks the record up now: verifies a pending domain, re-checks a verified one. */
  @POST
  @Path("verify")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response verify(MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    String domain = Optional.ofNullable(form.getFirst(DOMAIN)).orElse("");
    Optional<Result> result = verifications.verify(access.company(), domain);
    if (result.isEmpty()) {
      return render(Map.of("outcome", "unknown"));
    }
    Outcome outcome = result.get().outcome();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(DOMAIN, domain);
    details.put("outcome", outcome.name());
    result.get().releasedFrom().ifPresent(other -> details.put("releasedFrom", other));
    access.record(session, realm, OperationType.UPDATE, "domains/verify", details);
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("checked", domain);
    attributes.put(
        "outcome",
        outcome == Outcome.REFUSED
            ? "refused." + result.get().refusal().orElseThrow()
            : outcome.name());
    return render(attributes);
  }

  /** Withdraws a claim not yet proved. */
  @POST
  @Path("withdraw")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response withdraw(MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    String domain = Optional.ofNullable(form.getFirst(DOMAIN)).orElse("");
    if (verifications.withdraw(access.company(), domain)) {
      access.record(session, realm, OperationType.DELETE, "domains/claim", Map.of(DOMAIN, domain));
    }
    return Response.seeOther(URI.create(PortalUrls.of(session, realm).portal() + "/domains"))
        .build();
  }

  private Response render(Map<String, Object> extra) {
    OrganizationModel company = access.company();
    Map<String, Object> attributes = new LinkedHashMap<>(extra);
    attributes.put("portal", PortalBean.of(access, dates));
    attributes.put("domains", DomainRow.of(company, verifications.of(company), dates));
    return pages.page("domains", Response.Status.OK, attributes);
  }
}
