package dev.companysso.core;

import java.util.List;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.JsonWebToken;

/**
 * The company identity provider's group rule tables (the bundle's rule-table mappers), run with the
 * groups a directory lists or SCIM pushes, exactly as a login runs them with the token's {@code
 * groups} claim: same rules, same record of what each table granted, so sync and login never fight.
 * Only tables reading the {@code groups} claim run; one reading app roles ({@code roles}) would see
 * an empty claim and take its grants away.
 */
public final class CompanyGroupRules {

  private static final String GROUPS = "groups";

  private final List<IdentityProviderMapperModel> tables;

  private CompanyGroupRules(List<IdentityProviderMapperModel> tables) {
    this.tables = tables;
  }

  public static CompanyGroupRules of(KeycloakSession session, String identityProviderAlias) {
    return new CompanyGroupRules(
        session
            .identityProviders()
            .getMappersByAliasStream(identityProviderAlias)
            .filter(
                mapper ->
                    ProviderIds.RULE_TABLE_MAPPERS.contains(mapper.getIdentityProviderMapper()))
            .filter(
                mapper -> {
                  String claim = mapper.getConfig().get("claim");
                  return claim == null || claim.isBlank() || claim.strip().equals(GROUPS);
                })
            .toList());
  }

  public boolean isEmpty() {
    return tables.isEmpty();
  }

  /**
   * Runs the tables for {@code user} as if the company's provider had just sent {@code groups}.
   *
   * @param linkId the user's id at the provider (the federated identity link), or any stable id
   */
  public void apply(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderModel identityProvider,
      String linkId,
      String username,
      List<String> groups) {
    BrokeredIdentityContext context = new BrokeredIdentityContext(linkId, identityProvider);
    context.setUsername(username);
    JsonWebToken token = new JsonWebToken();
    token.getOtherClaims().put(GROUPS, groups);
    context.getContextData().put(OIDCIdentityProvider.VALIDATED_ID_TOKEN, token);
    for (IdentityProviderMapperModel table : tables) {
      IdentityProviderMapper mapper =
          (IdentityProviderMapper)
              session
                  .getKeycloakSessionFactory()
                  .getProviderFactory(
                      IdentityProviderMapper.class, table.getIdentityProviderMapper());
      if (mapper != null) {
        mapper.updateBrokeredUser(session, realm, user, table, context);
      }
    }
  }
}
