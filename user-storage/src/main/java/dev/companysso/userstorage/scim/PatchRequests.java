package dev.companysso.userstorage.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a PATCH body into the SCIM library's {@link PatchRequest}, first bringing the forms Okta
 * and Entra ID send into RFC 7644's: operation names in any case ({@code "Replace"}), and a
 * path-less operation whose value holds attribute paths as keys ({@code {"name.givenName": "x",
 * "urn:…:enterprise:2.0:User:department": "y"}}), which becomes one operation per key.
 */
final class PatchRequests {

  private static final int MAX_OPERATIONS = 1000;

  private PatchRequests() {}

  static PatchRequest parse(String body) throws BadRequestException {
    ObjectNode request = ScimJson.object(body);
    JsonNode operations = operations(request);
    if (!(operations instanceof ArrayNode list) || list.isEmpty()) {
      throw BadRequestException.invalidSyntax("Operations: a non-empty list is required.");
    }
    if (list.size() > MAX_OPERATIONS) {
      throw BadRequestException.invalidSyntax(
          "Operations: more than " + MAX_OPERATIONS + " operations in one request.");
    }
    ArrayNode normalized = JsonNodeFactory.instance.arrayNode();
    for (JsonNode operation : list) {
      if (!(operation instanceof ObjectNode op) || !op.path("op").isTextual()) {
        throw BadRequestException.invalidSyntax("Operations: each operation needs an \"op\".");
      }
      op.put("op", op.get("op").asText().strip().toLowerCase(Locale.ROOT));
      JsonNode path = op.get("path");
      if (path != null && (path.isNull() || path.isTextual() && path.asText().isBlank())) {
        // A blank path is no path. The library would read it as the root path, skip its check
        // that a path-less value is an object, and fail with a NullPointerException on apply.
        op.remove("path");
      }
      splitPathKeys(op, normalized);
    }
    // The library's nodes ignore the case of field names: "operations" is "Operations".
    request.remove("Operations");
    request.set("Operations", normalized);
    PatchRequest parsed;
    try {
      parsed = JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(request);
    } catch (JsonProcessingException e) {
      // The original message only: the full one names the library's (relocated) classes.
      throw BadRequestException.invalidSyntax(
          "The PATCH request cannot be read: " + e.getOriginalMessage());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw BadRequestException.invalidSyntax("The PATCH request cannot be read.");
    }
    for (PatchOperation operation : parsed.getOperations()) {
      // emails[…].value: the same parser as a filter, with the same exponential trees.
      if (operation.getPath() != null) {
        for (Path.Element element : operation.getPath()) {
          if (element.getValueFilter() != null) {
            ScimFilters.bounded(element.getValueFilter());
          }
        }
      }
    }
    return parsed;
  }

  /**
   * A PUT of a Group as the path-less replace it amounts to, of what the body carries: a PUT that
   * leaves {@code members} out keeps them (an explicit {@code null} or {@code []} empties the
   * group), so a client that sends only the name never strips the memberships.
   */
  static PatchRequest replaceAll(ObjectNode group) throws BadRequestException {
    ObjectNode value = JsonNodeFactory.instance.objectNode();
    for (String field : List.of("displayName", "externalId", "members")) {
      if (group.has(field)) {
        value.set(field, group.get(field));
      }
    }
    if (!value.hasNonNull("displayName")) {
      throw BadRequestException.invalidValue("displayName: a value is required.");
    }
    return new PatchRequest(PatchOperation.replace(value));
  }

  /** {@code Operations}, whatever case the client spelled it in. */
  private static JsonNode operations(ObjectNode request) {
    for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equalsIgnoreCase("Operations")) {
        return field.getValue();
      }
    }
    return null;
  }

  private static void splitPathKeys(ObjectNode op, ArrayNode into) {
    JsonNode value = op.get("value");
    boolean pathLess = !op.hasNonNull("path") || op.get("path").asText().isBlank();
    if (!pathLess || !(value instanceof ObjectNode object) || !hasPathKey(object)) {
      into.add(op);
      return;
    }
    ObjectNode rest = JsonNodeFactory.instance.objectNode();
    object
        .fields()
        .forEachRemaining(
            field -> {
              if (isPathKey(field.getKey())) {
                ObjectNode single = JsonNodeFactory.instance.objectNode();
                single.set("op", op.get("op"));
                single.set("path", TextNode.valueOf(field.getKey()));
                single.set("value", field.getValue());
                into.add(single);
              } else {
                rest.set(field.getKey(), field.getValue());
              }
            });
    if (!rest.isEmpty()) {
      ObjectNode remaining = op.deepCopy();
      remaining.set("value", rest);
      into.add(remaining);
    }
  }

  private static boolean hasPathKey(ObjectNode object) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (isPathKey(names.next())) {
        return true;
      }
    }
    return false;
  }

  /** {@code name.givenName} or {@code urn:…:User:department}; a bare schema URN is an object. */
  private static boolean isPathKey(String key) {
    boolean urn = key.regionMatches(true, 0, "urn:", 0, 4);
    return urn ? !key.endsWith(":User") && !key.endsWith(":Group") : key.contains(".");
  }
}
