package dev.companysso.identityproviders.entra;

import dev.companysso.identityproviders.UpstreamError;
import dev.companysso.identityproviders.VendorOidcIdentityProvider;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.JsonWebToken;

/**
 * Keycloak's OIDC broker, made safe for Entra ID:
 *
 * <ul>
 *   <li>the account is keyed on {@code oid}, the user's object id, stable in the tenant; never on
 *       {@code sub} (pairwise: different in every app registration), nor on e-mail or {@code
 *       preferred_username}, which users and admins can change (the "nOAuth" account takeover);
 *   <li>the token's {@code tid} and {@code iss} must name an accepted tenant and agree with each
 *       other ({@code {authority}/{tid}/v2.0}, Microsoft's issuer template);
 *   <li>when the token says "groups overage" the full group list is read from Microsoft Graph and
 *       put where the mappers read the {@code groups} claim.
 * </ul>
 */
public final class EntraIdIdentityProvider extends VendorOidcIdentityProvider {

  private static final Logger LOG = Logger.getLogger(EntraIdIdentityProvider.class);
  private static final String DISTRIBUTED_CLAIMS = "_claim_names";

  /** Login-theme message for a token of a tenant outside the allow-list. */
  static final String TENANT_NOT_ACCEPTED = "companySsoTenantNotAccepted";

  /** Issuers of tenants named by domain, by discovery URL. */
  private static final Map<String, String> DOMAIN_ISSUERS = new ConcurrentHashMap<>();

  private final EntraIdConfig entraConfig;

  public EntraIdIdentityProvider(KeycloakSession session, EntraIdConfig config) {
    super(session, config);
    this.entraConfig = config;
  }

  @Override
  protected void adjust(BrokeredIdentityContext identity) {
    JsonWebToken idToken = (JsonWebToken) identity.getContextData().get(VALIDATED_ID_TOKEN);
    EntraTenancy tenancy = entraConfig.tenancy();
    String tid = claim(idToken, "tid");
    if (!tenancy.accepts(tid, idToken.getIssuer()) || !isTenantOfDomain(tenancy, tid)) {
      LOG.warnf(
          "Identity provider %s refused a token of tenant %s (issuer %s)",
          getConfig().getAlias(), tid, idToken.getIssuer());
      throw new IdentityBrokerException("The Entra tenant of this account is not accepted here.")
          .withMessageCode(TENANT_NOT_ACCEPTED);
    }
    String oid = claim(idToken, "oid");
    if (oid == null) {
      throw new IdentityBrokerException("The Entra ID token has no oid claim.");
    }
    identity.setId(oid);
    identity.setBrokerUserId(getConfig().getAlias() + "." + oid);
    if (entraConfig.isFetchOverageGroups() && hasGroupsOverage(idToken)) {
      AccessTokenResponse tokens =
          (AccessTokenResponse) identity.getContextData().get(FEDERATED_ACCESS_TOKEN_RESPONSE);
      idToken
          .getOtherClaims()
          .put("groups", new GraphGroups(session, tenancy.graph()).of(oid, tokens.getToken()));
      idToken.getOtherClaims().remove(DISTRIBUTED_CLAIMS);
    }
  }

  /** AADSTS50105 (not assigned), AADSTS65001 / consent_required (no consent). */
  @Override
  protected Optional<UpstreamError> classify(String error, String description) {
    String text = description == null ? "" : description;
    if (text.startsWith("AADSTS50105")) {
      return Optional.of(UpstreamError.USER_NOT_ASSIGNED);
    }
    if (text.startsWith("AADSTS65001") || "consent_required".equals(error)) {
      return Optional.of(UpstreamError.CONSENT_REQUIRED);
    }
    return Optional.empty();
  }

  /**
   * A tenant named by domain is pinned to the tenant id its discovery document names, read once per
   * domain and kept (a verified domain does not move between tenants).
   */
  private boolean isTenantOfDomain(EntraTenancy tenancy, String tid) {
    if (!tenancy.allowed().isEmpty()) {
      return true;
    }
    String discovery = tenancy.endpoint("/v2.0/.well-known/openid-configuration");
    String issuer = DOMAIN_ISSUERS.get(discovery);
    if (issuer == null) {
      try {
        issuer = SimpleHttp.create(session).doGet(discovery).asJson().path("issuer").asText();
      } catch (IOException e) {
        throw new IdentityBrokerException("Could not read " + discovery, e);
      }
      DOMAIN_ISSUERS.put(discovery, issuer);
    }
    return issuer.equals(tenancy.issuerOf(tid));
  }

  private static boolean hasGroupsOverage(JsonWebToken idToken) {
    return idToken.getOtherClaims().get(DISTRIBUTED_CLAIMS) instanceof Map<?, ?> names
        && names.containsKey("groups");
  }

  private static String claim(JsonWebToken token, String name) {
    Object value = token.getOtherClaims().get(name);
    return value == null ? null : value.toString();
  }
}
