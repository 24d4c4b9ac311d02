package dev.companysso.mappers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.mappers.AbstractClaimMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.representations.JsonWebToken;

/**
 * The values of the group claim (Okta group names, Entra group object ids or app roles) of one
 * login, read from the access token, ID token or UserInfo as Keycloak's own claim mappers do.
 *
 * @param values the values, empty when the claim is absent (Okta leaves it out when no group
 *     matches its filter)
 * @param complete false when the IdP said the list is elsewhere (Entra's groups overage, {@code
 *     _claim_names}): the mapper then grants what it sees and removes nothing
 */
public record GroupClaim(List<String> values, boolean complete) {

  /** Entra puts a {@code _claim_names} entry for the claim when a user has too many groups. */
  private static final String DISTRIBUTED_CLAIMS = "_claim_names";

  /** Values one login's rule table reads; Entra's overage from Graph stays well below it. */
  public static final int MAX_VALUES = 10_000;

  /** Longest value a rule is tried on; Okta group names end at 255, Entra ids are 36. */
  public static final int MAX_VALUE_LENGTH = 1_024;

  public static GroupClaim read(BrokeredIdentityContext context, String claim) {
    Object value = AbstractClaimMapper.getClaimValue(context, claim);
    if (value == null) {
      return new GroupClaim(List.of(), !isDistributed(context, claim));
    }
    List<String> values = new ArrayList<>();
    collect(value, values);
    return capped(values);
  }

  /**
   * Claim values are attacker input (a company's IdP admin names the groups): past the caps, the
   * claim is read as incomplete, so the login grants what it matched and removes nothing.
   */
  static GroupClaim capped(List<String> values) {
    List<String> kept =
        values.stream()
            .filter(value -> value.length() <= MAX_VALUE_LENGTH)
            .limit(MAX_VALUES)
            .toList();
    return new GroupClaim(kept, kept.size() == values.size());
  }

  private static void collect(Object value, List<String> into) {
    if (value instanceof Collection<?> list) {
      list.forEach(item -> collect(item, into));
    } else if (value instanceof JsonNode node) {
      if (node.isArray()) {
        node.forEach(item -> collect(item, into));
      } else if (!node.isNull()) {
        into.add(node.asText());
      }
    } else if (value != null) {
      into.add(value.toString());
    }
  }

  private static boolean isDistributed(BrokeredIdentityContext context, String claim) {
    JsonWebToken idToken =
        idToken(context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN));
    return idToken != null
        && idToken.getOtherClaims().get(DISTRIBUTED_CLAIMS) instanceof Map<?, ?> names
        && names.containsKey(claim);
  }

  /** After the first-login flow the context comes back from the session with the token as text. */
  private static JsonWebToken idToken(Object stored) {
    if (stored instanceof JsonWebToken token) {
      return token;
    }
    if (stored instanceof String text) {
      try {
        return new JWSInput(text).readJsonContent(JsonWebToken.class);
      } catch (JWSInputException e) {
        return null;
      }
    }
    return null;
  }
}
