package dev.companysso.portal.domains;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TxtRecordsTest {

  @Test
  @DisplayName(
      "A TXT record as the JDK gives it reads as DNS means it: its strings joined, quotes and escapes undone")
  void joined() {
    assertThat(TxtRecords.joined("company-sso-verification=abc"))
        .isEqualTo("company-sso-verification=abc");
    assertThat(TxtRecords.joined("company-sso-verification= abc"))
        .isEqualTo("company-sso-verification=abc");
    assertThat(TxtRecords.joined("\"v=spf1 -all\"")).isEqualTo("v=spf1 -all");
    assertThat(TxtRecords.joined("\"a \\\"b\\\"\"")).isEqualTo("a \"b\"");
  }
}
