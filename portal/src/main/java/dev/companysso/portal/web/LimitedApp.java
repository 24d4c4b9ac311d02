package dev.companysso.portal.web;

import dev.companysso.core.access.AppAccess;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * An app that does not admit every company, as the vendor view lists it: the app's side of the
 * access policy, with how many companies list it (one attribute search per app).
 */
public record LimitedApp(String clientId, String mode, long companies) {

  static List<LimitedApp> all(KeycloakSession session, RealmModel realm) {
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    return AppAccess.limitedApps(realm)
        .map(
            client ->
                new LimitedApp(
                    client.getClientId(),
                    AppAccess.Mode.of(client).value(),
                    organizations
                        .getAllStream(
                            Map.of(AppAccess.COMPANY_ATTRIBUTE, client.getClientId()), -1, -1)
                        .count()))
        .toList();
  }
}
