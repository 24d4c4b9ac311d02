package dev.companysso.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SettingListsTest {

  @Test
  @DisplayName("The console's ## and an admin's commas both separate names; blanks are dropped")
  void names() {
    assertThat(SettingLists.names("a##b, c ,,")).containsExactly("a", "b", "c");
    assertThat(SettingLists.names(" ")).isEmpty();
    assertThat(SettingLists.names(null)).isEmpty();
  }
}
