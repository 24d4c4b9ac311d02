package dev.companysso.authenticator.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The ways an input can lead to an identity provider, tried in the order an admin configures. */
public enum ResolutionStep {
  /** An existing user with a linked identity provider: back to that provider. */
  LINKED_USER("linked-user"),
  /** A company code, i.e. an organization alias: that organization's identity providers. */
  COMPANY_CODE("company-code"),
  /** A work e-mail whose domain is a verified domain of an organization. */
  EMAIL_DOMAIN("email-domain");

  public static final List<ResolutionStep> DEFAULT_ORDER = List.of(values());

  private final String configValue;

  ResolutionStep(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  public static Optional<ResolutionStep> fromConfigValue(String value) {
    return Arrays.stream(values()).filter(step -> step.configValue.equals(value)).findFirst();
  }

  /**
   * Reads an admin's order ({@code "company-code##linked-user"}, Keycloak's multivalued form),
   * keeping the first occurrence of each step; unknown names are refused by config validation.
   */
  public static List<ResolutionStep> parseOrder(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_ORDER;
    }
    List<ResolutionStep> order = new ArrayList<>();
    for (String name : value.split("##")) {
      fromConfigValue(name.strip()).filter(step -> !order.contains(step)).ifPresent(order::add);
    }
    return List.copyOf(order);
  }
}
