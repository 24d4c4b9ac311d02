package dev.companysso.authenticator.discovery;

import dev.companysso.core.CompanyCodes;
import dev.companysso.core.CompanyDomains;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Resolves a discovery input to identity providers with indexed lookups only: a user by username or
 * e-mail, an organization by alias or by domain, and the user's own links. It never lists all
 * organizations or identity providers.
 */
final class CompanyResolver {

  /** Keycloak's identity-provider config key naming the organization domain it serves. */
  static final String IDP_ORGANIZATION_DOMAIN = OrganizationModel.ORGANIZATION_DOMAIN_ATTRIBUTE;

  private final KeycloakSession session;
  private final RealmModel realm;

  CompanyResolver(KeycloakSession session) {
    this.session = session;
    this.realm = session.getContext().getRealm();
  }

  Discovery resolve(DiscoveryInput input, List<ResolutionStep> order) {
    return resolve(input, order, (step, found) -> {});
  }

  /** {@link #resolve}, telling {@code tried} each step's result, in order, as it goes. */
  Discovery resolve(
      DiscoveryInput input,
      List<ResolutionStep> order,
      BiConsumer<ResolutionStep, Optional<Discovery>> tried) {
    for (ResolutionStep step : order) {
      Optional<Discovery> found =
          switch (step) {
            case LINKED_USER -> byLinkedUser(input);
            case COMPANY_CODE -> byCompanyCode(input);
            case EMAIL_DOMAIN -> byEmailDomain(input);
          };
      tried.accept(step, found);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return Discovery.LOCAL;
  }

  /** The organization whose alias is {@code code}, if enabled and with an enabled provider. */
  Optional<Discovery> byCompanyCode(DiscoveryInput input) {
    return companyByCode(input)
        .flatMap(
            company -> offer(Discovery.Outcome.COMPANY, company, enabledProviders(company), null));
  }

  /**
   * Company codes are organization aliases, matched case-insensitively: the lowercase form is
   * looked up first (aliases are lowercase by convention), then the code as typed.
   */
  Optional<OrganizationModel> companyByCode(DiscoveryInput input) {
    OrganizationProvider organizations = organizations();
    if (organizations == null) {
      return Optional.empty();
    }
    return Stream.of(input.companyCode(), input.value())
        .distinct()
        .map(code -> CompanyCodes.find(organizations, realm, code))
        .filter(Objects::nonNull)
        .filter(OrganizationModel::isEnabled)
        .findFirst();
  }

  private Optional<Discovery> byEmailDomain(DiscoveryInput input) {
    Optional<String> domain = input.emailDomain();
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    return CompanyDomains.verifiedOwner(session, domain.get())
        .flatMap(
            company -> {
              List<IdentityProviderModel> providers = enabledProviders(company);
              List<IdentityProviderModel> forThisDomain =
                  providers.stream()
                      .filter(
                          idp ->
                              domain
                                  .get()
                                  .equalsIgnoreCase(idp.getConfig().get(IDP_ORGANIZATION_DOMAIN)))
                      .toList();
              return offer(
                  Discovery.Outcome.DOMAIN,
                  company,
                  forThisDomain.isEmpty() ? providers : forThisDomain,
                  input.value());
            });
  }

  /**
   * The providers the user of that name or e-mail is linked to. An input in a company's verified
   * domain only ever leads to that company's providers, whatever accounts exist: another company
   * that got an account of that name (by SCIM, an import, a first login) must not receive the
   * domain's people.
   */
  private Optional<Discovery> byLinkedUser(DiscoveryInput input) {
    UserModel user;
    try {
      user = KeycloakModelUtils.findUserByNameOrEmail(session, realm, input.value());
    } catch (ModelDuplicateException ambiguous) {
      // Two accounts share the e-mail (possible with federation); no single home to go to.
      return Optional.empty();
    }
    if (user == null || !user.isEnabled()) {
      return Optional.empty();
    }
    List<FederatedIdentityModel> links =
        session.users().getFederatedIdentitiesStream(realm, user).toList();
    Optional<OrganizationModel> domainOwner =
        input.emailDomain().flatMap(domain -> CompanyDomains.verifiedOwner(session, domain));
    List<IdentityProviderModel> providers =
        links.stream()
            .map(link -> session.identityProviders().getByAlias(link.getIdentityProvider()))
            .filter(Objects::nonNull)
            .filter(IdentityProviderModel::isEnabled)
            .filter(
                idp ->
                    domainOwner.isEmpty()
                        || domainOwner.get().getId().equals(idp.getOrganizationId()))
            .toList();
    if (providers.isEmpty()) {
      return Optional.empty();
    }
    List<IdentityProviderModel> ofTheirCompany = providersOfTheirCompanies(user, providers);
    List<IdentityProviderModel> offered = ofTheirCompany.isEmpty() ? providers : ofTheirCompany;
    String loginHint =
        offered.size() == 1 ? upstreamUsername(links, offered.get(0).getAlias()) : null;
    return offer(Discovery.Outcome.LINKED, null, offered, loginHint);
  }

  private List<IdentityProviderModel> providersOfTheirCompanies(
      UserModel user, List<IdentityProviderModel> providers) {
    OrganizationProvider organizations = organizations();
    if (organizations == null) {
      return List.of();
    }
    Set<String> companies =
        organizations.getByMember(user).map(OrganizationModel::getId).collect(Collectors.toSet());
    return providers.stream().filter(idp -> companies.contains(idp.getOrganizationId())).toList();
  }

  private static String upstreamUsername(List<FederatedIdentityModel> links, String alias) {
    return links.stream()
        .filter(link -> alias.equals(link.getIdentityProvider()))
        .map(FederatedIdentityModel::getUserName)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static List<IdentityProviderModel> enabledProviders(OrganizationModel company) {
    return company.getIdentityProviders().filter(IdentityProviderModel::isEnabled).toList();
  }

  private static Optional<Discovery> offer(
      Discovery.Outcome outcome,
      OrganizationModel company,
      List<IdentityProviderModel> providers,
      String loginHint) {
    return providers.isEmpty()
        ? Optional.empty()
        : Optional.of(new Discovery(outcome, company, providers, loginHint));
  }

  private OrganizationProvider organizations() {
    if (!realm.isOrganizationsEnabled()) {
      return null;
    }
    return session.getProvider(OrganizationProvider.class);
  }
}
