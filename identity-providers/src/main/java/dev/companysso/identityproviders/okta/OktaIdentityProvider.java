package dev.companysso.identityproviders.okta;

import dev.companysso.identityproviders.UpstreamError;
import dev.companysso.identityproviders.VendorOidcIdentityProvider;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/** Keycloak's OIDC broker for Okta, keyed on {@code sub} (the Okta user id). */
public final class OktaIdentityProvider extends VendorOidcIdentityProvider {

  public OktaIdentityProvider(KeycloakSession session, OktaConfig config) {
    super(session, config);
  }

  /** Okta redirects with access_denied and "User is not assigned to the client application." */
  @Override
  protected Optional<UpstreamError> classify(String error, String description) {
    return "access_denied".equals(error)
            && description != null
            && description.contains("not assigned to the client application")
        ? Optional.of(UpstreamError.USER_NOT_ASSIGNED)
        : Optional.empty();
  }
}
