package dev.companysso.userstorage.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {

  @Test
  void absentOrBlankMeansTheFirstPageOfTheDefaultSize() throws Exception {
    assertThat(Paging.of(null, null)).isEqualTo(new Paging(1, 100));
    assertThat(Paging.of("", " ")).isEqualTo(new Paging(1, Paging.DEFAULT_COUNT));
  }

  @Test
  void valuesInRangeAreKeptAndSpacesAroundThemIgnored() throws Exception {
    assertThat(Paging.of("51", "50")).isEqualTo(new Paging(51, 50));
    assertThat(Paging.of(" 7 ", "\t20\n")).isEqualTo(new Paging(7, 20));
    assertThat(Paging.of("1", "200")).isEqualTo(new Paging(1, 200));
  }

  @Test
  void countIsCappedAt200() throws Exception {
    assertThat(Paging.of("1", "201").count()).isEqualTo(Paging.MAX_COUNT).isEqualTo(200);
    assertThat(Paging.of("1", "1000000").count()).isEqualTo(200);
    assertThat(Paging.of("1", String.valueOf(Integer.MAX_VALUE)).count()).isEqualTo(200);
  }

  @Test
  void aNegativeCountIsZeroAsRfc7644Says() throws Exception {
    assertThat(Paging.of("1", "-5").count()).isZero();
    assertThat(Paging.of("1", "0").count()).isZero();
    assertThat(Paging.of("1", String.valueOf(Integer.MIN_VALUE)).count()).isZero();
  }

  @Test
  void aStartIndexBelowOneIsOne() throws Exception {
    assertThat(Paging.of("0", null).startIndex()).isEqualTo(1);
    assertThat(Paging.of("-3", null).startIndex()).isEqualTo(1);
    assertThat(Paging.of(String.valueOf(Integer.MIN_VALUE), null).startIndex()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "abc, 10, startIndex",
    "1.5, 10, startIndex",
    "99999999999, 10, startIndex",
    "1, ten, count",
    "1, 0x10, count",
    "1, 1e3, count",
    "1, 12345678901234567890, count",
  })
  void aValueThatIsNotAWholeNumberIsInvalidValue(String startIndex, String count, String name) {
    assertThatThrownBy(() -> Paging.of(startIndex, count))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.getScimError().getScimType())
                  .isEqualTo(BadRequestException.INVALID_VALUE);
              assertThat(e.getMessage()).startsWith(name + ":");
            });
  }
}
