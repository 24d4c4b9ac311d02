package dev.companysso.userstorage.directory;

import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;

/** A secret setting: its value, or what the vault holds when it is {@code ${vault.key}}. */
public final class Secrets {

  private Secrets() {}

  public static String resolve(KeycloakSession session, String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    try (VaultStringSecret secret = session.vault().getStringSecret(value)) {
      return secret.get().orElse(value);
    }
  }
}
