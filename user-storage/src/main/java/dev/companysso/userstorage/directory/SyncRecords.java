package dev.companysso.userstorage.directory;

import java.io.IOException;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * What a directory provider keeps between runs, as realm attributes (cached and replicated by
 * Keycloak, no schema of ours): the change-feed state (Graph delta link, Okta watermark) and the
 * last run's report. The component's own config is the admin's form, which a save would overwrite.
 */
public final class SyncRecords {

  private SyncRecords() {}

  static String stateKey(String componentId) {
    return "companySso.directory." + componentId + ".state";
  }

  static String reportKey(String componentId) {
    return "companySso.directory." + componentId + ".lastRun";
  }

  static String state(RealmModel realm, String componentId) {
    return realm.getAttribute(stateKey(componentId));
  }

  static void saveState(RealmModel realm, String componentId, String state) {
    if (state == null) {
      realm.removeAttribute(stateKey(componentId));
    } else {
      realm.setAttribute(stateKey(componentId), state);
    }
  }

  static void saveReport(RealmModel realm, String componentId, SyncReport report) {
    try {
      realm.setAttribute(reportKey(componentId), JsonSerialization.writeValueAsString(report));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the sync report", e);
    }
  }

  static void forget(RealmModel realm, String componentId) {
    realm.removeAttribute(stateKey(componentId));
    realm.removeAttribute(reportKey(componentId));
  }

  public static Optional<String> lastReport(RealmModel realm, String componentId) {
    return Optional.ofNullable(realm.getAttribute(reportKey(componentId)));
  }
}
