package dev.companysso.it.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * SCIM request bodies shaped as the identity providers send them. Values are filled in by the
 * tests; names come from {@link #unique} so that parallel and repeated runs never collide with each
 * other or with other tests' users of the same company.
 */
public final class ScimPayloads {

  public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE_USER =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String MICROSOFT_GROUP =
      "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScimPayloads() {}

  /** {@code prefix} followed by a fresh random UUID. */
  public static String unique(String prefix) {
    return prefix + UUID.randomUUID();
  }

  /** Parses a JSON text (a text block with the values formatted in). */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + text, e);
    }
  }

  /**
   * The user Okta creates (its SCIM 2.0 Spec Test's "realistic values", also what an assignment in
   * Okta provisions), e-mail = userName, with a password as Okta's password push sends it.
   */
  public static ObjectNode oktaUser(String userName, String givenName, String familyName) {
    return (ObjectNode)
        json(
            """
            {
              "schemas": ["%s"],
              "userName": "%s",
              "name": {"givenName": "%s", "familyName": "%s"},
              "emails": [{"primary": true, "value": "%s", "type": "work"}],
              "displayName": "%s %s",
              "active": true,
              "password": "t1meMa$9er"
            }
            """
                .formatted(
                    USER_SCHEMA, userName, givenName, familyName, userName, givenName, familyName));
  }

  /**
   * The user Microsoft Entra's SCIM validator and provisioning service create: both schemas,
   * externalId (the object id), meta.resourceType, empty roles, an enterprise department.
   */
  public static ObjectNode entraUser(
      String userName, String externalId, String email, String department) {
    return (ObjectNode)
        json(
            """
            {
              "schemas": ["%s", "%s"],
              "externalId": "%s",
              "userName": "%s",
              "active": true,
              "emails": [{"primary": true, "type": "work", "value": "%s"}],
              "meta": {"resourceType": "User"},
              "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
              "roles": [],
              "%s": {"department": "%s"}
            }
            """
                .formatted(
                    USER_SCHEMA,
                    ENTERPRISE_USER,
                    externalId,
                    userName,
                    email,
                    ENTERPRISE_USER,
                    department));
  }

  /** A group as Okta's group push creates it: a displayName and no members yet. */
  public static ObjectNode oktaGroup(String displayName) {
    return (ObjectNode)
        json(
            """
            {"schemas": ["%s"], "displayName": "%s", "members": []}
            """
                .formatted(GROUP_SCHEMA, displayName));
  }

  /** A group as Entra creates it, with Microsoft's ADSCIM schema and the group's object id. */
  public static ObjectNode entraGroup(String displayName, String externalId) {
    return (ObjectNode)
        json(
            """
            {
              "schemas": ["%s", "%s"],
              "externalId": "%s",
              "displayName": "%s",
              "meta": {"resourceType": "Group"}
            }
            """
                .formatted(GROUP_SCHEMA, MICROSOFT_GROUP, externalId, displayName));
  }

  /** A PatchOp request with these operations. */
  public static ObjectNode patch(JsonNode... operations) {
    ObjectNode patch = MAPPER.createObjectNode();
    patch.putArray("schemas").add(PATCH_OP);
    ArrayNode list = patch.putArray("Operations");
    for (JsonNode operation : operations) {
      list.add(operation);
    }
    return patch;
  }

  /**
   * One operation; {@code op} is sent as spelled (Entra capitalises it), {@code path} null leaves
   * it out, {@code value} may be a JsonNode, a String, a Boolean or null (left out).
   */
  public static ObjectNode op(String op, String path, Object value) {
    ObjectNode operation = MAPPER.createObjectNode();
    operation.put("op", op);
    if (path != null) {
      operation.put("path", path);
    }
    if (value != null) {
      operation.set("value", MAPPER.valueToTree(value));
    }
    return operation;
  }

  /** A members list of {@code {"value": id}}. */
  public static ArrayNode members(String... ids) {
    ArrayNode members = MAPPER.createArrayNode();
    for (String id : ids) {
      members.addObject().put("value", id);
    }
    return members;
  }
}
