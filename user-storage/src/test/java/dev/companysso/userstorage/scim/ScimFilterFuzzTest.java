package dev.companysso.userstorage.scim;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;

/**
 * A {@code filter} query parameter is read and evaluated the way {@code GET /Users} does it. The
 * invariant: a ScimException (a 400 for the client) is the only thing that may escape; any other
 * exception or error would be a 500.
 *
 * <p>{@code mvn verify} runs this on the seeds in {@code ScimFilterFuzzTestInputs/parseAndEvaluate}
 * only (Jazzer's regression mode); with {@code JAZZER_FUZZ=1} it fuzzes (see docs/scim.md,
 * "Fuzzing"). A crashing input Jazzer finds is written into that directory: keep it there as a
 * regression seed.
 */
class ScimFilterFuzzTest {

  private static final ObjectNode ALICE = ScimSamples.aliceDocument();

  @DictionaryEntries({
    " eq ",
    " ne ",
    " co ",
    " sw ",
    " ew ",
    " gt ",
    " ge ",
    " lt ",
    " le ",
    " pr",
    " and ",
    " or ",
    "not (",
    ")",
    "(",
    "[",
    "]",
    "\"",
    "\\\"",
    ".",
    "userName",
    "externalId",
    "id",
    "emails",
    "emails[type eq \"work\"].value eq ",
    "value",
    "type",
    "primary",
    "active",
    "title",
    "name.familyName",
    "displayName",
    "members",
    "meta.lastModified",
    "meta.created",
    "\"2026-02-01T00:00:00Z\"",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:",
    "urn:ietf:params:scim:schemas:core:2.0:User:",
    "manager.value",
    "department",
    "true",
    "false",
    "null",
    "1.5e3",
    "\"alice@acme.example\"",
  })
  @FuzzTest(maxDuration = "30s")
  void parseAndEvaluate(byte[] input) throws Exception {
    Filter filter;
    try {
      filter = ScimFilters.parse(new String(input, UTF_8));
    } catch (ScimException e) {
      return;
    }
    // What ScimGroups (members in the filter) and error messages do with a parsed filter.
    filter.toString();
    try {
      FilterEvaluator.evaluate(filter, ALICE);
    } catch (ScimException e) {
      // a filter that does not fit the document, e.g. a date compared with a number: a 400
    }
  }
}
