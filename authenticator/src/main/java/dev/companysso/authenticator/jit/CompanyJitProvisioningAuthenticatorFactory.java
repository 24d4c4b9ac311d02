package dev.companysso.authenticator.jit;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.company.CompanyAuthenticatorFactory;
import dev.companysso.core.DefaultRoles;
import java.util.List;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** First-login provisioning for the first broker login flow. */
@AutoService(AuthenticatorFactory.class)
public final class CompanyJitProvisioningAuthenticatorFactory extends CompanyAuthenticatorFactory {

  public static final String PROVIDER_ID = "company-jit-provisioning";

  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property()
          .name(JitProvisioningConfig.DEFAULT_ROLES)
          .label("Default roles")
          .helpText(
              "Roles every new company user gets: realm roles by name ('Worker'), client roles as"
                  + " 'client-id.role'. A company replaces them with its organization attribute"
                  + " 'companySso.defaultRoles'. A role that does not exist is skipped with a warning.")
          .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
          .defaultValue(DefaultRoles.FALLBACK)
          .add()
          .property()
          .name(JitProvisioningConfig.OWNER_ROLE)
          .label("Owner role")
          .helpText(
              "Granted to the first member of a company whose organization attribute"
                  + " 'companySso.firstMemberOwner' is 'true'; exactly one, even for simultaneous logins.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue(JitProvisioningConfig.DEFAULT_OWNER_ROLE)
          .add()
          .property()
          .name(JitProvisioningConfig.USERNAME_TEMPLATE)
          .label("Username template")
          .helpText(
              "Empty: Keycloak's username from the identity provider. Else placeholders of the ID"
                  + " token's claims and ${email}, ${username}, ${first_name}, ${last_name},"
                  + " ${company}, e.g. '${company}.${preferred_username}'. A username that is taken"
                  + " leads to the 'link your existing account' steps; a missing value to the"
                  + " review-profile page.")
          .type(ProviderConfigProperty.STRING_TYPE)
          .add()
          .build();

  public CompanyJitProvisioningAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "Company JIT provisioning",
        "Creates the user on first login through a company's identity provider, with the"
            + " company's default roles and membership; links an existing account only when safe."
            + " Use instead of 'Create User If Unique' in the first broker login flow.",
        PROPERTIES,
        List.of(Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED),
        new CompanyJitProvisioningAuthenticator());
  }
}
