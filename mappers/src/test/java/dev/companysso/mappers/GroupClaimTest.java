package dev.companysso.mappers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupClaimTest {

  @Test
  @DisplayName("Values within the caps are read whole")
  void withinCaps() {
    GroupClaim claim = GroupClaim.capped(List.of("Engineering", "x".repeat(1_024)));

    assertThat(claim.values()).hasSize(2);
    assertThat(claim.complete()).isTrue();
  }

  @Test
  @DisplayName("An over-long value is skipped and the claim read as incomplete (nothing removed)")
  void longValue() {
    GroupClaim claim = GroupClaim.capped(List.of("Engineering", "x".repeat(1_025)));

    assertThat(claim.values()).containsExactly("Engineering");
    assertThat(claim.complete()).isFalse();
  }

  @Test
  @DisplayName("More than 10,000 values: the first 10,000 are read, the claim is incomplete")
  void tooMany() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i <= GroupClaim.MAX_VALUES; i++) {
      values.add("group-" + i);
    }
    GroupClaim claim = GroupClaim.capped(values);

    assertThat(claim.values()).hasSize(GroupClaim.MAX_VALUES);
    assertThat(claim.complete()).isFalse();
  }
}
