package dev.companysso.userstorage.scim;

import static dev.companysso.userstorage.scim.ScimSamples.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchRequestsTest {

  private static final String ENTERPRISE = UserPatch.ENTERPRISE;

  @Test
  void oktaDeactivationIsOnePathLessReplace() throws Exception {
    PatchRequest request =
        PatchRequests.parse(patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"));

    assertThat(request.getOperations()).hasSize(1);
    PatchOperation operation = request.getOperations().get(0);
    assertThat(operation.getOpType()).isEqualTo(PatchOpType.REPLACE);
    assertThat(operation.getPath()).isNull();
    assertThat(operation.getJsonNode().toString()).isEqualTo("{\"active\":false}");
  }

  @Test
  void entraCapitalisedOperationNamesAreAccepted() throws Exception {
    PatchRequest request =
        PatchRequests.parse(
            patch(
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"},"
                    + "{\"op\":\"Add\",\"path\":\"title\",\"value\":\"Boss\"},"
                    + "{\"op\":\" REMOVE \",\"path\":\"nickName\"}"));

    assertThat(request.getOperations())
        .extracting(PatchOperation::getOpType)
        .containsExactly(PatchOpType.REPLACE, PatchOpType.ADD, PatchOpType.REMOVE);
    assertThat(request.getOperations())
        .extracting(op -> op.getPath().toString())
        .containsExactly("active", "title", "nickName");
    // The value is kept as sent; UserPatch turns "False" into false.
    assertThat(request.getOperations().get(0).getJsonNode().asText()).isEqualTo("False");
  }

  @Test
  void theOperationsKeyMayBeSpelledInAnyCase() throws Exception {
    PatchRequest request =
        PatchRequests.parse(
            "{\"schemas\":[\""
                + ScimSamples.PATCH_OP
                + "\"],"
                + "\"operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}");

    assertThat(request.getOperations()).hasSize(1);
  }

  @Test
  void pathLessValuesWithDottedAndUrnKeysBecomeOneOperationPerPath() throws Exception {
    PatchRequest request =
        PatchRequests.parse(
            patch(
                "{\"op\":\"Replace\",\"value\":{"
                    + "\"name.givenName\":\"Alicia\","
                    + "\""
                    + ENTERPRISE
                    + ":department\":\"Sales\","
                    + "\"displayName\":\"Alicia Archer\","
                    + "\"active\":true}}"));

    List<PatchOperation> operations = request.getOperations();
    assertThat(operations).hasSize(3);
    assertThat(operations).allMatch(op -> op.getOpType() == PatchOpType.REPLACE);
    assertThat(operations.get(0).getPath().toString()).isEqualTo("name.givenName");
    assertThat(operations.get(0).getJsonNode().asText()).isEqualTo("Alicia");
    assertThat(operations.get(1).getPath().toString()).isEqualTo(ENTERPRISE + ":department");
    assertThat(operations.get(1).getJsonNode().asText()).isEqualTo("Sales");
    // What is not a path stays together in one path-less operation.
    assertThat(operations.get(2).getPath()).isNull();
    assertThat(operations.get(2).getJsonNode().toString())
        .isEqualTo("{\"displayName\":\"Alicia Archer\",\"active\":true}");
  }

  @Test
  void aBareSchemaUrnKeyIsAnObjectNotAPath() throws Exception {
    PatchRequest request =
        PatchRequests.parse(
            patch(
                "{\"op\":\"add\",\"value\":{\"" + ENTERPRISE + "\":{\"department\":\"Sales\"}}}"));

    assertThat(request.getOperations()).hasSize(1);
    assertThat(request.getOperations().get(0).getPath()).isNull();
  }

  @Test
  void anOperationWithOnlyPathKeysLeavesNoEmptyPathLessOperation() throws Exception {
    PatchRequest request =
        PatchRequests.parse(
            patch(
                "{\"op\":\"add\",\"value\":{\"name.familyName\":\"B\",\"name.givenName\":\"A\"}}"));

    assertThat(request.getOperations())
        .extracting(op -> op.getPath().toString())
        .containsExactly("name.familyName", "name.givenName");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "null"})
  void aBlankPathIsNoPath(String path) throws Exception {
    PatchRequest request =
        PatchRequests.parse(
            patch("{\"op\":\"replace\",\"path\":" + path + ",\"value\":{\"title\":\"CEO\"}}"));

    assertThat(request.getOperations().get(0).getPath()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"op\":\"Replace\",\"path\":\"\",\"value\":\"Engineering\"}",
        "{\"op\":\"add\",\"path\":\" \",\"value\":[1]}",
        "{\"op\":\"remove\",\"path\":\"\"}",
      })
  void aBlankPathWithAValueThatIsNotAnObjectIsInvalidSyntax(String operation) {
    // Regression (found by UserPatchFuzzTest): the library read "" as the root path and threw a
    // NullPointerException when applying a string to it.
    ScimSamples.assertBadRequest(
        () -> UserPatch.apply(ScimSamples.alice(), PatchRequests.parse(patch(operation))),
        BadRequestException.INVALID_SYNTAX);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "not json",
        "{\"Operations\":[",
        "[]",
        "\"Operations\"",
        "42",
        "null",
        "{}",
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}",
        "{\"Operations\":null}",
        "{\"Operations\":{\"op\":\"add\"}}",
        "{\"Operations\":\"replace\"}",
        "{\"Operations\":[]}",
        "{\"Operations\":[{\"path\":\"title\",\"value\":\"x\"}]}",
        "{\"Operations\":[{\"op\":null,\"path\":\"title\",\"value\":\"x\"}]}",
        "{\"Operations\":[{\"op\":7,\"path\":\"title\",\"value\":\"x\"}]}",
        "{\"Operations\":[\"replace\"]}",
        "{\"Operations\":[[{\"op\":\"add\"}]]}",
        "{\"Operations\":[{\"op\":\"frobnicate\",\"path\":\"title\",\"value\":\"x\"}]}",
        "{\"Operations\":[{\"op\":\"\",\"path\":\"title\",\"value\":\"x\"}]}",
        "{\"Operations\":[{\"op\":\"copy\",\"from\":\"title\",\"path\":\"nickName\"}]}",
      })
  void aBodyThatIsNotAPatchRequestIsInvalidSyntax(String body) {
    ScimSamples.assertBadRequest(
        () -> PatchRequests.parse(body), BadRequestException.INVALID_SYNTAX);
  }

  @Test
  void aPathWhoseValueFilterTheParserWouldBlowUpIsInvalidFilter() throws Exception {
    // Regression: a path's value filter is parsed like a filter; without a space before "and"
    // the tree doubles with every term, and the library's error message printed all of it.
    String path = "emails[" + "type lt 2and ".repeat(40) + "type lt 2or type lt 2].value";
    ScimSamples.assertBadRequest(
        () ->
            PatchRequests.parse(
                patch("{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":\"x\"}")),
        BadRequestException.INVALID_FILTER);

    assertThat(
            PatchRequests.parse(
                    patch(
                        "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"and"
                            + " primary eq true].value\",\"value\":\"x\"}"))
                .getOperations())
        .hasSize(1);
  }

  @Test
  void moreThan1000OperationsAreRefused() throws Exception {
    String one = "{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}";
    assertThat(
            PatchRequests.parse(patch(String.join(",", java.util.Collections.nCopies(1000, one))))
                .getOperations())
        .hasSize(1000);

    assertThatThrownBy(
            () ->
                PatchRequests.parse(
                    patch(String.join(",", java.util.Collections.nCopies(1001, one)))))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.getScimError().getScimType())
                  .isEqualTo(BadRequestException.INVALID_SYNTAX);
              assertThat(e.getMessage()).contains("more than 1000");
            });
  }
}
