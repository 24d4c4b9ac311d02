package dev.companysso.userstorage.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.UserResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScimJsonTest {

  @Test
  void aBodyIsReadAsAJsonObject() throws Exception {
    assertThat(ScimJson.object("{\"userName\":\"a\"}").path("userName").asText()).isEqualTo("a");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "{", "{\"a\":}", "[]", "[{}]", "\"text\"", "7", "null", "true"})
  void aBodyThatIsNotAJsonObjectIsInvalidSyntax(String body) {
    ScimSamples.assertBadRequest(() -> ScimJson.object(body), BadRequestException.INVALID_SYNTAX);
  }

  @Test
  void aUserRoundTripsThroughItsTree() throws Exception {
    UserResource alice = ScimSamples.alice();

    // Compared as JSON: Meta's Calendars come back equal in time but not equals().
    assertThat(ScimJson.tree(ScimJson.read(ScimJson.tree(alice), UserResource.class)))
        .isEqualTo(ScimJson.tree(alice));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"userName\":\"a\",\"emails\":\"not a list\"}",
        "{\"userName\":\"a\",\"name\":[1,2]}",
        "{\"userName\":{\"nested\":true}}",
        "{\"userName\":\"a\",\"active\":\"maybe\"}",
        "{\"userName\":\"a\",\"meta\":{\"created\":\"yesterday\"}}",
      })
  void aValueOfTheWrongTypeIsInvalidValue(String body) throws Exception {
    var node = ScimJson.object(body);
    ScimSamples.assertBadRequest(
        () -> ScimJson.read(node, UserResource.class), BadRequestException.INVALID_VALUE);
  }
}
