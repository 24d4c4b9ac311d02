package dev.companysso.userstorage.scim;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.UserResource;

/**
 * A {@code PATCH /Users/{id}} body is read and applied the way {@link ScimUsers#patch} does it, to
 * a full account and to a bare one; the result's e-mail is then picked as {@link UserWriter} does.
 * The invariant: a ScimException (a 400 for the client) is the only thing that may escape; any
 * other exception or error would be a 500.
 *
 * <p>{@code mvn verify} runs this on the seeds in {@code UserPatchFuzzTestInputs/parseAndApply}
 * only (Jazzer's regression mode): realistic Okta and Entra ID bodies and every crash found so far.
 * With {@code JAZZER_FUZZ=1} it fuzzes (see docs/scim.md, "Fuzzing").
 */
class UserPatchFuzzTest {

  @DictionaryEntries({
    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[",
    "{\"op\":",
    "\"op\"",
    "\"path\"",
    "\"value\"",
    "\"Operations\"",
    "\"add\"",
    "\"Add\"",
    "\"replace\"",
    "\"Replace\"",
    "\"remove\"",
    "\"Remove\"",
    ":",
    ",",
    "{",
    "}",
    "[",
    "]",
    "[{\"value\":",
    "\"active\"",
    "\"False\"",
    "\"True\"",
    "true",
    "false",
    "null",
    "0",
    "-1.5e9",
    "\"emails[type eq \\\"work\\\"].value\"",
    "\"emails[type eq \\\"work\\\"]\"",
    "\"emails\"",
    "\"name.givenName\"",
    "\"name\"",
    "\"title\"",
    "\"userName\"",
    "\"displayName\"",
    "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
    "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\"",
    "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\"",
    "\"members[value eq \\\"x\\\"]\"",
    "\"meta\"",
    "\"id\"",
    "\"schemas\"",
    "\"type\"",
    "\"primary\"",
    "\"work\"",
    "\"alice@acme.example\"",
  })
  @FuzzTest(maxDuration = "30s")
  void parseAndApply(byte[] input) throws Exception {
    String body = new String(input, UTF_8);
    for (UserResource user : new UserResource[] {ScimSamples.alice(), ScimSamples.bare()}) {
      try {
        // Parsed again for each user: operations may hand their value nodes to the document.
        UserResource patched = UserPatch.apply(user, PatchRequests.parse(body));
        UserWriter.email(patched);
        ScimJson.tree(patched);
      } catch (ScimException e) {
        // a 400 for the client
      }
    }
  }
}
