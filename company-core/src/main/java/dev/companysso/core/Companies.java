package dev.companysso.core;

import jakarta.ws.rs.NotFoundException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/** Which company a realm object belongs to. */
public final class Companies {

  private Companies() {}

  /**
   * The company (organization) the identity provider is linked to; none when organizations are off
   * in the realm or the provider is not linked.
   */
  public static Optional<OrganizationModel> ofIdentityProvider(
      KeycloakSession session, RealmModel realm, IdentityProviderModel provider) {
    String companyId = provider.getOrganizationId();
    if (companyId == null || !realm.isOrganizationsEnabled()) {
      return Optional.empty();
    }
    return Optional.ofNullable(session.getProvider(OrganizationProvider.class).getById(companyId));
  }

  /** The company owning the identity provider a mapper belongs to, if any. */
  public static Optional<OrganizationModel> ofMapper(
      KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper) {
    return Optional.ofNullable(
            session.identityProviders().getByAlias(mapper.getIdentityProviderAlias()))
        .flatMap(provider -> ofIdentityProvider(session, realm, provider));
  }

  /** Whether {@code mapper} belongs to an identity provider of {@code company}. */
  public static boolean ownsMapper(
      KeycloakSession session,
      RealmModel realm,
      OrganizationModel company,
      IdentityProviderMapperModel mapper) {
    return ofMapper(session, realm, mapper)
        .map(owner -> owner.getId().equals(company.getId()))
        .orElse(false);
  }

  /** The group rule tables (the bundle's table mappers) of the company's identity providers. */
  public static Stream<IdentityProviderMapperModel> ruleTables(
      KeycloakSession session, OrganizationModel company) {
    return company
        .getIdentityProviders()
        .sorted(Comparator.comparing(IdentityProviderModel::getAlias))
        .flatMap(
            provider ->
                session
                    .identityProviders()
                    .getMappersByAliasStream(provider.getAlias())
                    .filter(
                        mapper ->
                            ProviderIds.RULE_TABLE_MAPPERS.contains(
                                mapper.getIdentityProviderMapper()))
                    .sorted(Comparator.comparing(IdentityProviderMapperModel::getName)));
  }

  /** The company whose code (organization alias) is exactly {@code alias}, for admin APIs. */
  public static OrganizationModel withAlias(KeycloakSession session, String alias) {
    OrganizationModel company =
        alias == null ? null : session.getProvider(OrganizationProvider.class).getByAlias(alias);
    if (company == null) {
      throw new NotFoundException("No company (organization) with alias " + alias);
    }
    return company;
  }
}
