package dev.companysso.authenticator.discovery;

import static dev.companysso.authenticator.discovery.CompanyDiscoveryConfig.DEFAULT_MAX_INPUT_LENGTH;
import static dev.companysso.authenticator.discovery.CompanyDiscoveryConfig.DEFAULT_REMEMBER_DAYS;
import static dev.companysso.authenticator.discovery.CompanyDiscoveryConfig.LOGIN_HINT_LINKED_USER;
import static dev.companysso.authenticator.discovery.CompanyDiscoveryConfig.MAX_INPUT_LENGTH;
import static dev.companysso.authenticator.discovery.CompanyDiscoveryConfig.REMEMBER_COMPANY;
import static dev.companysso.authenticator.discovery.CompanyDiscoveryConfig.REMEMBER_DAYS;
import static dev.companysso.authenticator.discovery.CompanyDiscoveryConfig.RESOLUTION_ORDER;
import static dev.companysso.authenticator.discovery.CompanyDiscoveryConfig.USE_LOGIN_HINT;

import java.util.List;
import java.util.stream.Stream;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The admin-console settings of the two company discovery steps. */
final class CompanyDiscoveryConfigProperties {

  private CompanyDiscoveryConfigProperties() {}

  private static final List<String> STEPS =
      ResolutionStep.DEFAULT_ORDER.stream().map(ResolutionStep::configValue).toList();

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  private static final List<ProviderConfigProperty> ALL =
      ProviderConfigurationBuilder.create()
          .property()
          .name(RESOLUTION_ORDER)
          .label("companyDiscoveryResolutionOrder")
          .helpText("companyDiscoveryResolutionOrderHelp")
          .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
          .options(STEPS)
          .defaultValue(String.join("##", STEPS))
          .add()
          .property()
          .name(MAX_INPUT_LENGTH)
          .label("companyDiscoveryMaxInputLength")
          .helpText("companyDiscoveryMaxInputLengthHelp")
          .type(ProviderConfigProperty.INTEGER_TYPE)
          .defaultValue(String.valueOf(DEFAULT_MAX_INPUT_LENGTH))
          .add()
          .property()
          .name(REMEMBER_COMPANY)
          .label("companyDiscoveryRememberCompany")
          .helpText("companyDiscoveryRememberCompanyHelp")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("false")
          .add()
          .property()
          .name(REMEMBER_DAYS)
          .label("companyDiscoveryRememberCompanyDays")
          .helpText("companyDiscoveryRememberCompanyDaysHelp")
          .type(ProviderConfigProperty.INTEGER_TYPE)
          .defaultValue(String.valueOf(DEFAULT_REMEMBER_DAYS))
          .add()
          .property()
          .name(USE_LOGIN_HINT)
          .label("companyDiscoveryUseLoginHint")
          .helpText("companyDiscoveryUseLoginHintHelp")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("true")
          .add()
          .property()
          .name(LOGIN_HINT_LINKED_USER)
          .label("companyDiscoveryLoginHintLinkedUser")
          .helpText("companyDiscoveryLoginHintLinkedUserHelp")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("false")
          .add()
          .build();

  /** Settings of the Single Sign-On page. */
  static final List<ProviderConfigProperty> PAGE =
      pick(RESOLUTION_ORDER, MAX_INPUT_LENGTH, REMEMBER_COMPANY, REMEMBER_DAYS);

  /** Settings of the deep-link step, which resolves without a page. */
  static final List<ProviderConfigProperty> DEEP_LINK =
      pick(
          RESOLUTION_ORDER,
          MAX_INPUT_LENGTH,
          USE_LOGIN_HINT,
          LOGIN_HINT_LINKED_USER,
          REMEMBER_COMPANY);

  private static List<ProviderConfigProperty> pick(String... names) {
    return Stream.of(names)
        .map(name -> ALL.stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow())
        .toList();
  }
}
