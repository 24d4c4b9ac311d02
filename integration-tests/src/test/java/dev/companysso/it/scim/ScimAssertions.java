package dev.companysso.it.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The shapes RFC 7644 and the contract require of every answer, checked the same way everywhere.
 */
public final class ScimAssertions {

  private ScimAssertions() {}

  /** The status, with the whole answer in the failure message. */
  public static ScimClient.Answer assertStatus(ScimClient.Answer answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    return answer;
  }

  /** 2xx with a SCIM JSON body (the resource, as PATCH/PUT/POST answer it). */
  public static JsonNode assertResource(ScimClient.Answer answer, int status) {
    assertStatus(answer, status);
    assertScimJson(answer);
    assertThat(answer.body()).as(answer.toString()).isNotNull();
    return answer.body();
  }

  /**
   * A ListResponse: the schema, and totalResults / startIndex / itemsPerPage as numbers that agree
   * with the Resources returned.
   */
  public static ScimClient.Answer assertListResponse(ScimClient.Answer answer) {
    assertStatus(answer, 200);
    assertScimJson(answer);
    JsonNode body = answer.body();
    assertThat(texts(body.path("schemas")))
        .as(answer.toString())
        .contains(ScimPayloads.LIST_RESPONSE);
    assertThat(body.path("totalResults").isIntegralNumber()).as(answer.toString()).isTrue();
    assertThat(body.path("startIndex").isIntegralNumber()).as(answer.toString()).isTrue();
    assertThat(body.path("itemsPerPage").isIntegralNumber()).as(answer.toString()).isTrue();
    assertThat(body.path("itemsPerPage").asInt())
        .as("itemsPerPage counts the Resources of this page: " + answer)
        .isEqualTo(answer.resources().size());
    assertThat(body.path("totalResults").asInt()).isGreaterThanOrEqualTo(answer.resources().size());
    return answer;
  }

  /** A list that found nothing: totalResults 0 and no Resources. */
  public static void assertEmptyList(ScimClient.Answer answer) {
    assertListResponse(answer);
    assertThat(answer.body().path("totalResults").asInt()).as(answer.toString()).isZero();
    assertThat(answer.resources()).isEmpty();
  }

  /** A list that found exactly the resource {@code id}. */
  public static JsonNode assertSingle(ScimClient.Answer answer, String id) {
    assertListResponse(answer);
    assertThat(answer.body().path("totalResults").asInt()).as(answer.toString()).isEqualTo(1);
    assertThat(answer.resourceIds()).containsExactly(id);
    return answer.resources().get(0);
  }

  /**
   * An RFC 7644 §3.12 error: the status, SCIM JSON, the Error schema, {@code status} as the string
   * of the code, and the {@code scimType} when one is given.
   */
  public static void assertScimError(ScimClient.Answer answer, int status, String scimType) {
    assertStatus(answer, status);
    assertScimJson(answer);
    JsonNode body = answer.body();
    assertThat(body).as(answer.toString()).isNotNull();
    assertThat(texts(body.path("schemas"))).as(answer.toString()).contains(ScimPayloads.ERROR);
    assertThat(body.path("status").isTextual()).as("status is a string: " + answer).isTrue();
    assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
    if (scimType != null) {
      assertThat(body.path("scimType").asText()).as(answer.toString()).isEqualTo(scimType);
    }
  }

  /** 401 as a SCIM error with the Bearer challenge of the contract. */
  public static void assertUnauthorized(ScimClient.Answer answer) {
    assertScimError(answer, 401, null);
    assertThat(answer.wwwAuthenticate())
        .as("WWW-Authenticate of " + answer)
        .startsWith("Bearer")
        .contains("realm=\"company-scim\"");
  }

  public static void assertScimJson(ScimClient.Answer answer) {
    assertThat(answer.contentType()).as(answer.toString()).startsWith(ScimClient.SCIM_JSON);
  }

  /** The {@code value}s of a multi-valued attribute such as {@code members}. */
  public static List<String> values(JsonNode multiValued) {
    List<String> values = new ArrayList<>();
    multiValued.forEach(item -> values.add(item.path("value").asText()));
    return values;
  }

  /** The texts of a JSON array such as {@code schemas}. */
  public static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  /**
   * Skips a step whose resource an earlier step of the sequence failed to make, so that the report
   * shows the step that really failed rather than a cascade.
   */
  public static void requireEarlierStep(Object made, String what) {
    Assumptions.assumeTrue(made != null, what + " was not made by the earlier step");
  }
}
