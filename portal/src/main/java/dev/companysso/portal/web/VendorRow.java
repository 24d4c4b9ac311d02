package dev.companysso.portal.web;

import dev.companysso.core.access.AppAccess;
import dev.companysso.core.access.SsoRequired;
import dev.companysso.portal.PortalEvents;
import dev.companysso.portal.health.ConnectionHealth;
import dev.companysso.portal.links.SetupLink;
import dev.companysso.portal.signins.CompanySignIn;
import dev.companysso.portal.sso.SsoStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;

/** One company in the vendor view, as its template shows it. */
public record VendorRow(
    String name,
    String code,
    boolean enabled,
    String state,
    String vendor,
    String lastSignIn,
    String lastFailure,
    String lastError,
    String checkedAt,
    List<String> failedChecks,
    String scimTokenSince,
    DirectorySyncView directorySync,
    List<String> verifiedDomains,
    List<String> missingRecords,
    List<String> apps,
    boolean ssoRequired,
    List<OpenLink> links) {

  /** A setup link that still works. */
  public record OpenLink(String id, String createdBy, String expires, String lastUsed) {}

  static VendorRow of(
      KeycloakSession session,
      OrganizationModel company,
      SsoStatus status,
      ConnectionHealth health,
      CompanySignIn signIn,
      Optional<Instant> scimTokenCreated,
      Optional<DirectorySyncView> directorySync,
      List<String> missingRecords,
      List<SetupLink> open,
      DateTimeFormatter dates) {
    return new VendorRow(
        company.getName(),
        company.getAlias(),
        company.isEnabled(),
        status.state().key(),
        status.providerType().orElse(null),
        signIn.lastSuccess() == null ? null : dates.format(signIn.lastSuccess()),
        signIn.lastFailure() == null ? null : dates.format(signIn.lastFailure()),
        signIn.lastError(),
        health.checkedAt().map(dates::format).orElse(null),
        health.failedChecks(),
        scimTokenCreated.map(dates::format).orElse(null),
        directorySync.orElse(null),
        company
            .getDomains()
            .filter(OrganizationDomainModel::isVerified)
            .map(OrganizationDomainModel::getName)
            .sorted()
            .toList(),
        missingRecords,
        AppAccess.grants(company).stream().map(AppAccess.Grant::value).toList(),
        SsoRequired.required(company),
        open.stream()
            .map(
                link ->
                    new OpenLink(
                        link.id(),
                        PortalEvents.creatorName(session, link),
                        dates.format(link.expires()),
                        link.lastUsed() == null ? null : dates.format(link.lastUsed())))
            .toList());
  }
}
