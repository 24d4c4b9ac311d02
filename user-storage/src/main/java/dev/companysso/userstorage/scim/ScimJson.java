package dev.companysso.userstorage.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** SCIM's JSON on the wire: request bodies in, {@code application/scim+json} answers out. */
final class ScimJson {

  static final String MEDIA_TYPE = "application/scim+json";

  private ScimJson() {}

  /** The request body as a JSON object; anything else is 400 invalidSyntax. */
  static ObjectNode object(String body) throws BadRequestException {
    if (body == null || body.isBlank()) {
      throw BadRequestException.invalidSyntax(
          "The request has no body; a JSON object is expected.");
    }
    JsonNode node;
    try {
      node = JsonUtils.getObjectReader().readTree(body);
    } catch (JsonProcessingException e) {
      throw BadRequestException.invalidSyntax(
          "The body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw BadRequestException.invalidSyntax("The body must be a JSON object.");
    }
    return object;
  }

  /** {@code node} read as {@code type}; a value of the wrong shape is 400 invalidValue. */
  static <T> T read(JsonNode node, Class<T> type) throws BadRequestException {
    try {
      return JsonUtils.nodeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw BadRequestException.invalidValue(
          "A value has the wrong type: "
              + (e instanceof JsonProcessingException json
                  ? json.getOriginalMessage()
                  : e.getMessage()));
    }
  }

  static ObjectNode tree(Object resource) {
    return JsonUtils.valueToNode(resource);
  }

  static Response answer(int status, Object entity) {
    try {
      return Response.status(status)
          .type(MEDIA_TYPE)
          .entity(JsonUtils.getObjectWriter().writeValueAsString(entity))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("SCIM answer could not be written", e);
    }
  }

  static Response error(ScimException e) {
    Response.ResponseBuilder answer =
        Response.fromResponse(answer(e.getScimError().getStatus(), e.getScimError()));
    if (e.getScimError().getStatus() == 401) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"company-scim\"");
    }
    return answer.build();
  }
}
