package dev.companysso.operations.manifest;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in a manifest: only ever references, {@code ${vault.name}} (stored as it is: Keycloak's
 * vault resolves it at use) or {@code ${ENV_NAME}} / {@code ${ENV_NAME:default}} (read from the
 * server's environment when applied). The reference is stored beside the secret so that export
 * answers it and a second apply can tell whether anything changed.
 */
final class SecretReferences {

  /** Where the reference a secret came from is kept beside it. */
  static final String PREFIX = "companySso.secretRef.";

  private static final Pattern VAULT = Pattern.compile("\\$\\{vault\\.[^}]+}");
  private static final Pattern ENVIRONMENT =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

  private final Function<String, String> environment;

  SecretReferences(Function<String, String> environment) {
    this.environment = environment;
  }

  /** Whether a setting's name says it holds a secret. */
  static boolean namedSecret(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    return name.endsWith("secret")
        || name.endsWith("token")
        || name.endsWith("password")
        || name.endsWith("privatekey");
  }

  static boolean isReference(String key) {
    return key.startsWith(PREFIX);
  }

  /**
   * Why {@code value} cannot be stored as the secret, or null when it can: it is not a reference,
   * or the environment has no such variable and the reference gives no default.
   */
  String problem(String value) {
    if (!VAULT.matcher(value).matches() && !ENVIRONMENT.matcher(value).matches()) {
      return "a secret is given as ${vault.name} or ${ENV_NAME}, never as such";
    }
    return resolve(value) == null
        ? "the server's environment has no " + value + " and no default is given"
        : null;
  }

  /**
   * What a reference stores: a vault reference itself, the value of an environment variable or its
   * default; null when there is neither.
   */
  String resolve(String reference) {
    if (VAULT.matcher(reference).matches()) {
      return reference;
    }
    Matcher variable = ENVIRONMENT.matcher(reference);
    if (!variable.matches()) {
      return null;
    }
    String fromEnvironment = environment.apply(variable.group(1));
    return fromEnvironment != null ? fromEnvironment : variable.group(2);
  }

  /** Whether {@code stored} holds what {@code reference} gives, from that same reference. */
  boolean same(String key, String reference, Map<String, String> stored) {
    return reference.equals(stored.get(PREFIX + key))
        && Objects.equals(resolve(reference), stored.get(key));
  }

  /** The stored secret and its reference, as settings to store. */
  void store(String key, String reference, Map<String, String> settings) {
    settings.put(key, resolve(reference));
    settings.put(PREFIX + key, reference);
  }
}
