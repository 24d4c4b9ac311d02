package dev.companysso.userstorage.scim;

import dev.companysso.core.CompanyAttributes;
import java.util.List;
import java.util.Locale;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.OrganizationModel;

/**
 * A company's SCIM settings, kept as organization attributes so that an admin sees them beside the
 * company: what {@code DELETE /Users/{id}} does, and which of the company's identity providers the
 * {@code externalId} links to (needed only when the company has more than one).
 */
public record ScimSettings(boolean deleteUsers, IdentityProviderModel identityProvider) {

  public static final String ON_DELETE = "companySso.scim.onDelete";
  public static final String IDENTITY_PROVIDER = "companySso.scim.identityProvider";
  public static final String DISABLE = "disable";
  public static final String DELETE = "delete";

  /** The settings as stored; an unreadable value falls back to the safe default (disable). */
  public static ScimSettings of(OrganizationModel company) {
    boolean delete = DELETE.equals(onDelete(company));
    String alias = CompanyAttributes.first(company, IDENTITY_PROVIDER);
    List<IdentityProviderModel> providers = company.getIdentityProviders().toList();
    IdentityProviderModel provider =
        alias != null
            ? providers.stream().filter(p -> p.getAlias().equals(alias)).findFirst().orElse(null)
            : providers.size() == 1 ? providers.get(0) : null;
    return new ScimSettings(delete, provider);
  }

  public static String onDelete(OrganizationModel company) {
    String value = CompanyAttributes.first(company, ON_DELETE);
    return value == null ? DISABLE : value.strip().toLowerCase(Locale.ROOT);
  }

  /** Checks a new value of each setting (null: unchanged); the message names the field. */
  public static void check(OrganizationModel company, String onDelete, String identityProvider) {
    if (onDelete != null && !List.of(DISABLE, DELETE).contains(onDelete)) {
      throw new IllegalArgumentException(
          "onDelete: '" + onDelete + "' is not one of " + DISABLE + ", " + DELETE + ".");
    }
    if (identityProvider != null
        && !identityProvider.isEmpty()
        && company.getIdentityProviders().noneMatch(p -> p.getAlias().equals(identityProvider))) {
      throw new IllegalArgumentException(
          "identityProvider: '"
              + identityProvider
              + "' is not an identity provider of company "
              + company.getAlias()
              + ".");
    }
  }
}
