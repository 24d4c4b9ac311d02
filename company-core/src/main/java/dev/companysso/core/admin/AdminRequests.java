package dev.companysso.core.admin;

import java.util.regex.Pattern;
import org.keycloak.models.KeycloakSession;

/**
 * Tells an admin's save through the admin REST API (or console) apart from a realm import. Checks
 * that look at other realm objects or call out to the vendor belong to the save only: an import (at
 * start-up, by {@code kc.sh import}, a new realm or a partial import) creates objects in Keycloak's
 * own order (organizations after the providers that name them) and must not depend on the network.
 * Keycloak's validation hooks run for both, so the request tells them apart.
 */
public final class AdminRequests {

  private static final Pattern IDENTITY_PROVIDER_SAVE =
      Pattern.compile(".*/admin/realms/[^/]+/identity-provider/instances(/[^/]+)?/?");

  private static final Pattern COMPONENT_SAVE =
      Pattern.compile(".*/admin/realms/[^/]+/components(/[^/]+)?/?");

  private AdminRequests() {}

  /** Whether this request creates or updates one identity provider through the admin API. */
  public static boolean isIdentityProviderSave(KeycloakSession session) {
    return requestPathMatches(session, IDENTITY_PROVIDER_SAVE);
  }

  /** Whether this request creates or updates one component (e.g. user storage) there. */
  public static boolean isComponentSave(KeycloakSession session) {
    return requestPathMatches(session, COMPONENT_SAVE);
  }

  private static boolean requestPathMatches(KeycloakSession session, Pattern path) {
    try {
      return session.getContext().getHttpRequest() != null
          && path.matcher(session.getContext().getUri().getPath()).matches();
    } catch (RuntimeException e) {
      // Realm import at start-up or by kc.sh import runs outside a request: CDI says the request
      // context is not active.
      return false;
    }
  }
}
