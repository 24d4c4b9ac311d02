package dev.companysso.identityproviders.okta;

import dev.companysso.identityproviders.UpstreamError;
import dev.companysso.identityproviders.VendorOidcIdentityProvider;
import java.util.List;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.vault.VaultStringSecret;

/** Keycloak's OIDC broker for Okta, keyed on {@code sub} (the Okta user id). */
public final class OktaIdentityProvider extends VendorOidcIdentityProvider {

  /** Okta puts at most this many groups into a token's groups claim. */
  static final int GROUPS_CLAIM_LIMIT = 100;

  private final OktaConfig oktaConfig;

  public OktaIdentityProvider(KeycloakSession session, OktaConfig config) {
    super(session, config);
    this.oktaConfig = config;
  }

  /**
   * With a groups API token: when the token has no groups claim (no filter on the app, or a custom
   * server without the claim) or a full one (possibly truncated), the user's groups are read from
   * the Okta API and put where the mappers read the claim.
   */
  @Override
  protected void adjust(BrokeredIdentityContext identity) {
    String stored = oktaConfig.getGroupsApiToken();
    if (stored == null || stored.isBlank()) {
      return;
    }
    JsonWebToken idToken = (JsonWebToken) identity.getContextData().get(VALIDATED_ID_TOKEN);
    if (idToken.getOtherClaims().get("groups") instanceof List<?> claim
        && claim.size() < GROUPS_CLAIM_LIMIT) {
      return;
    }
    try (VaultStringSecret token = session.vault().getStringSecret(stored)) {
      List<String> groups =
          new OktaGroups(
                  session,
                  oktaConfig.server().base(),
                  token
                      .get()
                      .orElseThrow(
                          () ->
                              new IdentityBrokerException(
                                  "The Okta groups API token is not in the vault.")))
              .of(identity.getId());
      idToken.getOtherClaims().put("groups", groups);
    }
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
