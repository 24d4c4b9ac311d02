package dev.companysso.authenticator.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;

/** The typed settings of the company discovery steps, with their defaults. */
record CompanyDiscoveryConfig(
    List<ResolutionStep> resolutionOrder,
    int maxInputLength,
    boolean rememberCompany,
    Duration rememberFor,
    boolean useLoginHint,
    boolean loginHintLinkedUser) {

  private static final Logger LOG = Logger.getLogger(CompanyDiscoveryConfig.class);

  static final String RESOLUTION_ORDER = "resolutionOrder";
  static final String MAX_INPUT_LENGTH = "maxInputLength";
  static final String REMEMBER_COMPANY = "rememberCompany";
  static final String REMEMBER_DAYS = "rememberCompanyDays";
  static final String USE_LOGIN_HINT = "useLoginHint";
  static final String LOGIN_HINT_LINKED_USER = "loginHintLinkedUser";

  static final int DEFAULT_MAX_INPUT_LENGTH = 256;
  static final int DEFAULT_REMEMBER_DAYS = 30;

  static final CompanyDiscoveryConfig DEFAULTS = from(Map.of());

  static CompanyDiscoveryConfig of(AuthenticatorConfigModel model) {
    return model == null || model.getConfig() == null ? DEFAULTS : from(model.getConfig());
  }

  static CompanyDiscoveryConfig from(Map<String, String> config) {
    return new CompanyDiscoveryConfig(
        ResolutionStep.parseOrder(config.get(RESOLUTION_ORDER)),
        positiveInt(config.get(MAX_INPUT_LENGTH), DEFAULT_MAX_INPUT_LENGTH),
        Boolean.parseBoolean(config.get(REMEMBER_COMPANY)),
        Duration.ofDays(positiveInt(config.get(REMEMBER_DAYS), DEFAULT_REMEMBER_DAYS)),
        !"false".equals(config.get(USE_LOGIN_HINT)),
        Boolean.parseBoolean(config.get(LOGIN_HINT_LINKED_USER)));
  }

  /**
   * The steps a {@code login_hint} is tried as. Without the option, not the linked-user step: a
   * hint comes from a URL anyone can build, and a redirect for a linked name next to the login page
   * for an unknown one would tell them which accounts exist. Typed input keeps the step.
   */
  List<ResolutionStep> loginHintOrder() {
    return loginHintLinkedUser
        ? resolutionOrder
        : resolutionOrder.stream().filter(step -> step != ResolutionStep.LINKED_USER).toList();
  }

  /**
   * A whole number above zero, else the default. Keycloak has no save-time validation for
   * authenticator settings, so a bad value from a realm import is reported here and ignored.
   */
  private static int positiveInt(String value, int defaultValue) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    LOG.warnf(
        "Company discovery setting '%s' is not a whole number above 0; using %d",
        value, defaultValue);
    return defaultValue;
  }
}
