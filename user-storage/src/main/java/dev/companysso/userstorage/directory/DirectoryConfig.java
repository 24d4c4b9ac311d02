package dev.companysso.userstorage.directory;

import dev.companysso.core.Companies;
import dev.companysso.core.DefaultRoles;
import dev.companysso.core.SettingLists;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * The settings every directory provider shares, read from its component and checked: the company's
 * identity provider (whose organization is the company and whose alias the imported users' links
 * carry), the group filter, the safety cap, the default roles and the field mappings. Every problem
 * is a {@link DirectoryProblem} naming the field.
 */
public record DirectoryConfig(
    String componentId,
    IdentityProviderModel identityProvider,
    OrganizationModel company,
    Set<String> groupFilter,
    int safetyCapPercent,
    int safetyCapAllowance,
    List<String> defaultRoles,
    FieldMappings fieldMappings,
    ComponentModel component) {

  public static final String IDENTITY_PROVIDER = "identityProvider";
  public static final String GROUP_FILTER = "groupFilter";
  public static final String SAFETY_CAP_PERCENT = "safetyCapPercent";
  public static final String SAFETY_CAP_ALLOWANCE = "safetyCapAllowance";
  public static final String DEFAULT_ROLES = "defaultRoles";

  static final int DEFAULT_CAP_PERCENT = 10;
  static final int DEFAULT_CAP_ALLOWANCE = 5;

  /**
   * @param expectedProviderType the identity-provider type the directory belongs with ({@code
   *     okta}, {@code entra-id}); an {@code oidc} provider is accepted too
   */
  public static DirectoryConfig read(
      KeycloakSession session,
      ComponentModel model,
      String expectedProviderType,
      Map<String, String> defaultMappings) {
    String alias = value(model, IDENTITY_PROVIDER);
    if (alias.isEmpty()) {
      throw new DirectoryProblem(IDENTITY_PROVIDER, "directory.idpEmpty");
    }
    IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
    if (idp == null) {
      throw new DirectoryProblem(IDENTITY_PROVIDER, "directory.idpUnknown", alias);
    }
    if (!idp.getProviderId().equals(expectedProviderType) && !idp.getProviderId().equals("oidc")) {
      throw new DirectoryProblem(
          IDENTITY_PROVIDER,
          "directory.idpWrongType",
          alias,
          idp.getProviderId(),
          expectedProviderType);
    }
    OrganizationModel company =
        Companies.ofIdentityProvider(session, session.getContext().getRealm(), idp).orElse(null);
    if (company == null) {
      throw new DirectoryProblem(IDENTITY_PROVIDER, "directory.idpNoCompany", alias);
    }
    return new DirectoryConfig(
        model.getId(),
        idp,
        company,
        new LinkedHashSet<>(SettingLists.names(value(model, GROUP_FILTER))),
        number(model, SAFETY_CAP_PERCENT, DEFAULT_CAP_PERCENT, 100),
        number(model, SAFETY_CAP_ALLOWANCE, DEFAULT_CAP_ALLOWANCE, Integer.MAX_VALUE),
        DefaultRoles.of(company, SettingLists.names(value(model, DEFAULT_ROLES))),
        FieldMappings.parse(model.getConfig().getFirst(FieldMappings.CONFIG), defaultMappings),
        model);
  }

  /** Whether a run that disables {@code disabling} of {@code managed} users must stop. */
  public boolean capReached(long disabling, long managed) {
    return disabling > safetyCapAllowance && disabling * 100 > (long) safetyCapPercent * managed;
  }

  public String setting(String name) {
    return value(component, name);
  }

  /** A multivalued setting: the console stores one value per entry, older exports "a##b". */
  public Set<String> settings(String name) {
    Set<String> values = new LinkedHashSet<>();
    component
        .getConfig()
        .getOrDefault(name, List.of())
        .forEach(v -> values.addAll(SettingLists.names(v)));
    return values;
  }

  private static int number(ComponentModel model, String name, int fallback, int max) {
    String raw = value(model, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(raw);
      if (parsed >= 0 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new DirectoryProblem(name, "directory." + name + "Invalid", raw, max);
  }

  static String value(ComponentModel model, String name) {
    String value = model.getConfig().getFirst(name);
    return value == null ? "" : value.strip();
  }
}
