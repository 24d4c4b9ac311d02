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

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property()
          .name(JitProvisioningConfig.DEFAULT_ROLES)
          .label("companyJitDefaultRoles")
          .helpText("companyJitDefaultRolesHelp")
          .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
          .defaultValue(DefaultRoles.FALLBACK)
          .add()
          .property()
          .name(JitProvisioningConfig.OWNER_ROLE)
          .label("companyJitOwnerRole")
          .helpText("companyJitOwnerRoleHelp")
          .type(ProviderConfigProperty.STRING_TYPE)
          .defaultValue(JitProvisioningConfig.DEFAULT_OWNER_ROLE)
          .add()
          .property()
          .name(JitProvisioningConfig.USERNAME_TEMPLATE)
          .label("companyJitUsernameTemplate")
          .helpText("companyJitUsernameTemplateHelp")
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
