package dev.companysso.userstorage.directory;

import org.keycloak.storage.UserStorageProvider;

/**
 * The per-session face of a directory provider. It serves no lookups: imported users are ordinary
 * Keycloak users (no federation link), so they survive the provider's removal and sign in by SSO.
 * All the work is the factory's {@code sync}.
 */
final class DirectoryProvider implements UserStorageProvider {

  @Override
  public void close() {
    // nothing held
  }
}
