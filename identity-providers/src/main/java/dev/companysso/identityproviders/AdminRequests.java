package dev.companysso.identityproviders;

import org.keycloak.models.KeycloakSession;

/**
 * Tells an admin's save through the admin REST API (or console) apart from a realm import. Checks
 * that look at other realm objects or call out to the vendor belong to the save only: an import
 * creates objects in Keycloak's own order (organizations after the providers that name them) and
 * must not depend on the network.
 */
public final class AdminRequests {

  private AdminRequests() {}

  /** Whether this is an admin REST request whose path contains {@code pathPart}. */
  public static boolean isAdminApi(KeycloakSession session, String pathPart) {
    try {
      return session.getContext().getHttpRequest() != null
          && session.getContext().getUri().getPath().contains(pathPart);
    } catch (RuntimeException e) {
      // Realm import at start-up or by kc.sh import runs outside a request: CDI says the request
      // context is not active.
      return false;
    }
  }
}
