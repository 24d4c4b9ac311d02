package dev.companysso.authenticator.jit;

import dev.companysso.core.DefaultRoles;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The admin-console settings of first-login provisioning ({@link JitProvisioningConfig}). */
final class JitProvisioningConfigProperties {

  private JitProvisioningConfigProperties() {}

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  static final List<ProviderConfigProperty> ALL =
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
}
