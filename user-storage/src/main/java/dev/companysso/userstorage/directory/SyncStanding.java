package dev.companysso.userstorage.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * How a directory provider's sync stands: its last run, its last complete run, and whether it lags
 * (it runs on a schedule, has run, and has not completed a run in twice its shortest period: a
 * directory that fails every run, or a schedule that stopped, shows here before people notice that
 * leavers still sign in).
 */
public record SyncStanding(
    Optional<SyncReport> lastRun, Optional<Instant> lastCompleted, boolean lagging) {

  public static SyncStanding of(RealmModel realm, ComponentModel component, Instant now) {
    Optional<SyncReport> last = Directories.lastReport(realm, component);
    Optional<Instant> completed = SyncRecords.lastCompleted(realm, component.getId());
    Optional<Duration> period =
        IntStream.of(component.get("changedSyncPeriod", -1), component.get("fullSyncPeriod", -1))
            .filter(seconds -> seconds > 0)
            .min()
            .stream()
            .mapToObj(Duration::ofSeconds)
            .findFirst();
    boolean lagging =
        period.isPresent()
            && last.isPresent()
            && completed
                .map(at -> at.isBefore(now.minus(period.get().multipliedBy(2))))
                .orElse(true);
    return new SyncStanding(last, completed, lagging);
  }
}
