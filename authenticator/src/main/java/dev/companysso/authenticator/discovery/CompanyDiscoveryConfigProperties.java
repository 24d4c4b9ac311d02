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

  private static final List<ProviderConfigProperty> ALL =
      ProviderConfigurationBuilder.create()
          .property()
          .name(RESOLUTION_ORDER)
          .label("Resolution order")
          .helpText(
              "What the input is tried as, in this order: 'linked-user' (an existing user linked to an"
                  + " identity provider goes back to it), 'company-code' (an organization alias),"
                  + " 'email-domain' (a verified organization domain). Leave out a step to turn it off."
                  + " Anything that matches none continues to the password step.")
          .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
          .options(STEPS)
          .defaultValue(String.join("##", STEPS))
          .add()
          .property()
          .name(MAX_INPUT_LENGTH)
          .label("Maximum input length")
          .helpText("Longer inputs are refused with a message before any lookup.")
          .type(ProviderConfigProperty.INTEGER_TYPE)
          .defaultValue(String.valueOf(DEFAULT_MAX_INPUT_LENGTH))
          .add()
          .property()
          .name(REMEMBER_COMPANY)
          .label("Remember my company on this device")
          .helpText(
              "Offers a checkbox on the Single Sign-On page that keeps the company code in a cookie,"
                  + " so the page is filled in next time. Companies whose organization attribute"
                  + " 'companySso.autoRedirect' is 'true' then skip the login page entirely.")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("false")
          .add()
          .property()
          .name(REMEMBER_DAYS)
          .label("Remember the company for (days)")
          .helpText("How long the remembered company cookie lasts.")
          .type(ProviderConfigProperty.INTEGER_TYPE)
          .defaultValue(String.valueOf(DEFAULT_REMEMBER_DAYS))
          .add()
          .property()
          .name(USE_LOGIN_HINT)
          .label("Resolve login_hint")
          .helpText(
              "Treat the login_hint of the authorization request like an input of the Single Sign-On"
                  + " page: a hint that resolves skips the login page.")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("true")
          .add()
          .property()
          .name(LOGIN_HINT_LINKED_USER)
          .label("Resolve login_hint to linked users")
          .helpText(
              "Also try a login_hint as an existing user linked to an identity provider. Off: a"
                  + " hint only resolves as a company code or a verified domain, so a URL cannot"
                  + " probe which usernames exist.")
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
