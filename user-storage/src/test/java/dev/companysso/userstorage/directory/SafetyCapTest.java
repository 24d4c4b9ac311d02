package dev.companysso.userstorage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyCapTest {

  private static DirectoryConfig cap(int percent, int allowance) {
    return new DirectoryConfig(
        "id",
        null,
        null,
        Set.of(),
        percent,
        allowance,
        List.of(),
        new FieldMappings(Map.of()),
        null);
  }

  @Test
  void aFewLeaversAlwaysPass() {
    assertThat(cap(10, 5).capReached(5, 6)).isFalse();
  }

  @Test
  void moreThanTheShareBeyondTheAllowanceStops() {
    assertThat(cap(10, 5).capReached(6, 59)).isTrue();
    assertThat(cap(10, 5).capReached(6, 60)).isFalse();
    assertThat(cap(10, 5).capReached(11, 100)).isTrue();
  }

  @Test
  void zeroAllowanceAndZeroShareStopAnyDisabling() {
    assertThat(cap(0, 0).capReached(1, 100_000)).isTrue();
    assertThat(cap(0, 0).capReached(0, 100_000)).isFalse();
  }
}
