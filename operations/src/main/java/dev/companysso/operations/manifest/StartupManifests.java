package dev.companysso.operations.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * A folder of manifests applied when the server starts: {@code <folder>/<realm>/<code>.json}, each
 * file in a transaction of its own, so that one bad manifest neither stops the start nor the
 * others. Every node of a cluster applies them; applying is idempotent, and a node that loses a
 * race to create the same company logs it and goes on.
 */
public final class StartupManifests {

  /** The server's environment variable naming the folder. */
  static final String FOLDER_VARIABLE = "COMPANY_SSO_MANIFESTS_DIR";

  private static final Logger LOG = Logger.getLogger(StartupManifests.class);

  private StartupManifests() {}

  /** Applies the folder after Keycloak's own migration, when the realms are there. */
  public static void register(KeycloakSessionFactory factory) {
    String folder = System.getenv(FOLDER_VARIABLE);
    if (folder == null || folder.isBlank()) {
      return;
    }
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            apply(factory, Path.of(folder.strip()));
          }
        });
  }

  static void apply(KeycloakSessionFactory factory, Path folder) {
    if (!Files.isDirectory(folder)) {
      LOG.warnf("Manifests: %s is not a folder; nothing applied", folder);
      return;
    }
    for (Path realmFolder : list(folder).stream().filter(Files::isDirectory).toList()) {
      String realmName = realmFolder.getFileName().toString();
      for (Path file :
          list(realmFolder).stream().filter(f -> f.toString().endsWith(".json")).toList()) {
        applyOne(factory, realmName, file);
      }
    }
  }

  private static void applyOne(KeycloakSessionFactory factory, String realmName, Path file) {
    String code = file.getFileName().toString().replaceFirst("\\.json$", "");
    try {
      JsonNode document = new ObjectMapper().readTree(file.toFile());
      KeycloakModelUtils.runJobInTransaction(
          factory,
          session -> {
            RealmModel realm = session.realms().getRealmByName(realmName);
            if (realm == null) {
              LOG.warnf("Manifests: no realm %s for %s", realmName, file);
              return;
            }
            session.getContext().setRealm(realm);
            CompanyManifests.Outcome outcome =
                new CompanyManifests(session, realm).apply(code, document, false);
            if (!outcome.problems().isEmpty()) {
              LOG.errorf(
                  "Manifests: %s refused, nothing changed: %s",
                  file, String.join("; ", outcome.problems()));
            } else {
              LOG.infof(
                  "Manifests: %s applied to realm %s, %d changes",
                  file, realmName, outcome.changes().size());
            }
          });
    } catch (IOException | RuntimeException e) {
      LOG.errorf("Manifests: %s not applied: %s", file, e.getMessage());
    }
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      LOG.errorf("Manifests: cannot read %s: %s", folder, e.getMessage());
      return List.of();
    }
  }
}
