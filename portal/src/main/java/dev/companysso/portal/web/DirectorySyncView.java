package dev.companysso.portal.web;

import dev.companysso.userstorage.directory.Directories;
import dev.companysso.userstorage.directory.SyncStanding;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * A company's directory sync as the health page and the vendor view show it: the last run's outcome
 * and end, the last complete run, whether it lags. Null fields: no such run yet.
 */
public record DirectorySyncView(
    String outcome, String finished, String lastCompleted, boolean lagging) {

  /** The company's directory provider's standing, if it has one. */
  static Optional<DirectorySyncView> of(
      KeycloakSession session,
      RealmModel realm,
      OrganizationModel company,
      DateTimeFormatter dates) {
    return Directories.ofCompany(session, realm, company).stream()
        .findFirst()
        .map(directory -> of(SyncStanding.of(realm, directory, Instant.now()), dates));
  }

  private static DirectorySyncView of(SyncStanding standing, DateTimeFormatter dates) {
    return new DirectorySyncView(
        standing.lastRun().map(run -> String.valueOf(run.outcome)).orElse(null),
        standing.lastRun().map(run -> dates.format(Instant.parse(run.finished))).orElse(null),
        standing.lastCompleted().map(dates::format).orElse(null),
        standing.lagging());
  }
}
