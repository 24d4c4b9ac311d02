package dev.companysso.mappers.claim;

import com.google.auto.service.AutoService;
import dev.companysso.core.CompanyRoles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * The roles a person holds in each of their companies ({@link CompanyRoles}), per company code:
 * {@code "organization": {"acme": {"roles": ["Owner", "Worker"]}, "contoso": {"roles":
 * ["Worker"]}}}, client roles under {@code resource_access} as Keycloak writes them for the realm.
 *
 * <p>It runs after Keycloak's own Organization Membership mapper and adds to its claim rather than
 * replacing it: the companies that claim names (for example only {@code acme} when the client asked
 * for the {@code organization:acme} scope) are the ones given roles; a list of codes becomes a map.
 * Without that claim, every enabled company of the person is listed.
 */
@AutoService(ProtocolMapper.class)
public final class CompanyRolesClaimMapper extends AbstractOIDCProtocolMapper
    implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper,
        UserInfoTokenMapper,
        TokenIntrospectionTokenMapper {

  public static final String PROVIDER_ID = "company-roles-claim-mapper";

  static final String DEFAULT_CLAIM = "organization";

  private static final List<ProviderConfigProperty> PROPERTIES = properties();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayCategory() {
    return TOKEN_MAPPER_CATEGORY;
  }

  @Override
  public String getDisplayType() {
    return "Company roles";
  }

  @Override
  public String getHelpText() {
    return "Adds the roles the user holds in each of their companies (roles per company) under the"
        + " organization claim, per company code.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  /** After Keycloak's organization mappers (priority 0), whose claim this one adds to. */
  @Override
  public int getPriority() {
    return 100;
  }

  @Override
  protected void setClaim(
      IDToken token,
      ProtocolMapperModel mappingModel,
      UserSessionModel userSession,
      KeycloakSession session,
      ClientSessionContext clientSessionCtx) {
    RealmModel realm = userSession.getRealm();
    if (!realm.isOrganizationsEnabled()) {
      return;
    }
    String claimName = claimName(mappingModel);
    UserModel user = userSession.getUser();
    Object existing = token.getOtherClaims().get(claimName);
    Map<String, Object> claim = new LinkedHashMap<>();
    session
        .getProvider(OrganizationProvider.class)
        .getByMember(user)
        .filter(OrganizationModel::isEnabled)
        .forEach(
            company ->
                companyEntry(existing, company.getAlias())
                    .ifPresent(
                        entry -> {
                          entry.putAll(roles(realm, user, company));
                          claim.put(company.getAlias(), entry);
                        }));
    if (existing instanceof Map<?, ?> earlier) {
      earlier.forEach((key, value) -> claim.putIfAbsent(String.valueOf(key), value));
    }
    if (!claim.isEmpty()) {
      token.getOtherClaims().put(claimName, claim);
    }
  }

  /**
   * What the claim already says about the company, to add to; empty when the claim exists and does
   * not name it (the token is for other companies).
   */
  private static Optional<Map<String, Object>> companyEntry(Object existing, String code) {
    if (existing == null) {
      return Optional.of(new LinkedHashMap<>());
    }
    if (existing instanceof Map<?, ?> map) {
      if (!map.containsKey(code)) {
        return Optional.empty();
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      if (map.get(code) instanceof Map<?, ?> details) {
        details.forEach((key, value) -> copy.put(String.valueOf(key), value));
      }
      return Optional.of(copy);
    }
    boolean named =
        existing instanceof Collection<?> codes ? codes.contains(code) : code.equals(existing);
    return named ? Optional.of(new LinkedHashMap<>()) : Optional.empty();
  }

  /**
   * {@code roles} (realm roles) and {@code resource_access} (client roles), composites expanded.
   */
  private static Map<String, Object> roles(
      RealmModel realm, UserModel user, OrganizationModel company) {
    Set<String> realmRoles = new TreeSet<>();
    Map<String, Set<String>> clientRoles = new TreeMap<>();
    for (RoleModel role : CompanyRoles.effective(realm, user, company)) {
      if (role.isClientRole()) {
        clientRoles
            .computeIfAbsent(
                ((ClientModel) role.getContainer()).getClientId(), c -> new TreeSet<>())
            .add(role.getName());
      } else {
        realmRoles.add(role.getName());
      }
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("roles", new ArrayList<>(realmRoles));
    if (!clientRoles.isEmpty()) {
      Map<String, Object> access = new LinkedHashMap<>();
      clientRoles.forEach(
          (clientId, names) -> access.put(clientId, Map.of("roles", new ArrayList<>(names))));
      entry.put("resource_access", access);
    }
    return entry;
  }

  private static String claimName(ProtocolMapperModel model) {
    String name = model.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
    return name == null || name.isBlank() ? DEFAULT_CLAIM : name.strip();
  }

  private static List<ProviderConfigProperty> properties() {
    List<ProviderConfigProperty> properties = new ArrayList<>();
    OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
    properties.get(0).setDefaultValue(DEFAULT_CLAIM);
    OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, CompanyRolesClaimMapper.class);
    return List.copyOf(properties);
  }
}
