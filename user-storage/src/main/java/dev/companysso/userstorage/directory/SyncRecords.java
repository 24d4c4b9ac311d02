package dev.companysso.userstorage.directory;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * What a directory provider keeps between runs, as realm attributes (cached and replicated by
 * Keycloak, no schema of ours): the change-feed state (Graph delta link, Okta watermark), when the
 * run under way started, the last run's report and when a run last completed. The component's own
 * config is the admin's form, which a save would overwrite.
 */
public final class SyncRecords {

  private SyncRecords() {}

  static String stateKey(String componentId) {
    return "companySso.directory." + componentId + ".state";
  }

  static String reportKey(String componentId) {
    return "companySso.directory." + componentId + ".lastRun";
  }

  static String completedKey(String componentId) {
    return "companySso.directory." + componentId + ".lastCompleted";
  }

  /** When the provider last completed a run (its finish), if it ever did. */
  static Optional<Instant> lastCompleted(RealmModel realm, String componentId) {
    return Optional.ofNullable(realm.getAttribute(completedKey(componentId))).map(Instant::parse);
  }

  static String runningKey(String componentId) {
    return "companySso.directory." + componentId + ".runningSince";
  }

  static void markRunning(RealmModel realm, String componentId, Instant since) {
    realm.setAttribute(runningKey(componentId), since.toString());
  }

  /**
   * When the run under way started, if one is. A node that dies mid-run leaves its mark behind;
   * Keycloak frees the run's lock when the node leaves the cluster, and the next run replaces the
   * mark, so a mark older than the lock can live counts as none.
   */
  public static Optional<Instant> runningSince(RealmModel realm, String componentId, Instant now) {
    return Optional.ofNullable(realm.getAttribute(runningKey(componentId)))
        .map(Instant::parse)
        .filter(since -> since.isAfter(now.minusSeconds(DirectorySync.LOCK_SECONDS)));
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
    realm.removeAttribute(runningKey(componentId));
    if (report.outcome == SyncReport.Outcome.COMPLETED && report.finished != null) {
      realm.setAttribute(completedKey(componentId), report.finished);
    }
    try {
      realm.setAttribute(reportKey(componentId), JsonSerialization.writeValueAsString(report));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the sync report", e);
    }
  }

  static void forget(RealmModel realm, String componentId) {
    realm.removeAttribute(stateKey(componentId));
    realm.removeAttribute(reportKey(componentId));
    realm.removeAttribute(runningKey(componentId));
    realm.removeAttribute(completedKey(componentId));
  }

  public static Optional<String> lastReport(RealmModel realm, String componentId) {
    return Optional.ofNullable(realm.getAttribute(reportKey(componentId)));
  }
}
