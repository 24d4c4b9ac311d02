package dev.companysso.portal.health;

import dev.companysso.core.CompanyMetrics;
import dev.companysso.core.ProviderIds;
import dev.companysso.identityproviders.testconnection.ConnectionCheck;
import dev.companysso.identityproviders.testconnection.ConnectionTests;
import dev.companysso.portal.PortalEvents;
import dev.companysso.portal.PortalUrls;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * Checks a company's live identity provider as the connection test does (discovery document,
 * issuer, signing keys, client secret accepted) and records the outcome; a connection that starts
 * failing, or recovers, is an admin event. Only the bundle's Okta and Microsoft Entra ID types can
 * be checked; a company on another type is left unchecked.
 */
public final class HealthChecks {

  private static final Logger LOG = Logger.getLogger(HealthChecks.class);
  private static final Set<String> CHECKABLE = Set.of(ProviderIds.OKTA, ProviderIds.ENTRA_ID);

  private final KeycloakSession session;
  private final RealmModel realm;

  public HealthChecks(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** The company's provider the checks run on: its first enabled Okta or Entra ID provider. */
  public static Optional<IdentityProviderModel> checkable(OrganizationModel company) {
    return company
        .getIdentityProviders()
        .filter(IdentityProviderModel::isEnabled)
        .filter(idp -> CHECKABLE.contains(idp.getProviderId()))
        .min(Comparator.comparing(IdentityProviderModel::getAlias));
  }

  /** Checks the company now; empty when it has no provider that can be checked. */
  public Optional<List<ConnectionCheck>> check(OrganizationModel company) {
    Optional<IdentityProviderModel> provider = checkable(company);
    if (provider.isEmpty()) {
      return Optional.empty();
    }
    IdentityProviderModel idp = provider.get();
    List<ConnectionCheck> checks =
        ConnectionTests.run(session, idp, brokerEndpoint(idp)).orElse(List.of());
    List<String> failed = checks.stream().filter(c -> !c.ok()).map(ConnectionCheck::name).toList();
    ConnectionHealths healths = new ConnectionHealths(session, realm);
    ConnectionHealth before = healths.of(company);
    healths.checked(company, Instant.now(), failed);
    CompanyMetrics.connectionCheck(failed.isEmpty() ? "ok" : "failing");
    // An event when the state changes, not on every check of a connection that stays broken.
    if (!failed.isEmpty() && !failed.equals(before.failedChecks())) {
      PortalEvents.raised(
          session,
          realm,
          company.getAlias(),
          "health/failing",
          Map.of("identityProvider", idp.getAlias(), "failedChecks", failed));
    } else if (failed.isEmpty() && before.failing()) {
      PortalEvents.raised(
          session,
          realm,
          company.getAlias(),
          "health/recovered",
          Map.of("identityProvider", idp.getAlias()));
    }
    if (!failed.isEmpty()) {
      LOG.warnf(
          "Health: the identity provider %s of company %s in realm %s fails its checks: %s",
          idp.getAlias(), company.getAlias(), realm.getName(), failed);
    }
    return Optional.of(checks);
  }

  /**
   * The redirect URI the client-secret probe sends. In a request it is the provider's own; on the
   * timer there is no request to take the host from, so the realm's frontend URL or a stand-in: the
   * probe's code is never valid, and providers answer on the secret before the redirect URI.
   */
  private String brokerEndpoint(IdentityProviderModel idp) {
    try {
      if (session.getContext().getUri() != null) {
        return PortalUrls.of(session, realm).brokerEndpoint(idp.getAlias());
      }
    } catch (RuntimeException noRequest) {
      LOG.tracef("Health: no request to take the host from (%s)", noRequest.getMessage());
    }
    String frontend = realm.getAttribute("frontendUrl");
    String root = frontend == null || frontend.isBlank() ? "http://localhost" : frontend.strip();
    return root.replaceAll("/+$", "")
        + "/realms/"
        + realm.getName()
        + "/broker/"
        + idp.getAlias()
        + "/endpoint";
  }
}
