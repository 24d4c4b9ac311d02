package dev.companysso.userstorage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

class SyncStandingTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private final Map<String, String> attributes = new HashMap<>();
  private final RealmModel realm = mock(RealmModel.class);
  private final ComponentModel component = new ComponentModel();

  SyncStandingTest() {
    when(realm.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.getArgument(0)));
    component.setId("directory-1");
  }

  private void ran(SyncReport.Outcome outcome, Duration ago) {
    SyncReport report = new SyncReport("Acme", SyncMode.FULL, false);
    report.end(outcome, null);
    report.finished = NOW.minus(ago).toString();
    RealmModel writer = mock(RealmModel.class);
    org.mockito.Mockito.doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
        .when(writer)
        .setAttribute(anyString(), anyString());
    SyncRecords.saveReport(writer, component.getId(), report);
  }

  private void everyHour() {
    component.put("changedSyncPeriod", 3600);
    component.put("fullSyncPeriod", 86400);
  }

  @Test
  @DisplayName(
      "A scheduled provider whose last complete run is older than twice its shortest period lags")
  void lagsPastTwicePeriod() {
    everyHour();
    ran(SyncReport.Outcome.COMPLETED, Duration.ofHours(3));
    assertThat(SyncStanding.of(realm, component, NOW).lagging()).isTrue();
  }

  @Test
  @DisplayName("A complete run within twice the period: not lagging, even if the last run failed")
  void completedRecently() {
    everyHour();
    ran(SyncReport.Outcome.COMPLETED, Duration.ofMinutes(90));
    ran(SyncReport.Outcome.FAILED, Duration.ofMinutes(30));
    SyncStanding standing = SyncStanding.of(realm, component, NOW);
    assertThat(standing.lagging()).isFalse();
    assertThat(standing.lastRun().orElseThrow().outcome).isEqualTo(SyncReport.Outcome.FAILED);
    assertThat(standing.lastCompleted()).contains(NOW.minus(Duration.ofMinutes(90)));
  }

  @Test
  @DisplayName("Runs that never complete lag; a provider never run or not scheduled does not")
  void neverCompleted() {
    everyHour();
    assertThat(SyncStanding.of(realm, component, NOW).lagging()).as("never ran").isFalse();
    ran(SyncReport.Outcome.FAILED, Duration.ofMinutes(5));
    assertThat(SyncStanding.of(realm, component, NOW).lagging()).isTrue();

    component.put("changedSyncPeriod", -1);
    component.put("fullSyncPeriod", -1);
    assertThat(SyncStanding.of(realm, component, NOW).lagging()).as("runs when started").isFalse();
  }
}
