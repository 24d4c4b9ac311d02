package dev.companysso.userstorage.scim;

import static dev.companysso.userstorage.scim.ScimSamples.patch;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.UserResource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserPatchTest {

  private static final String ENTERPRISE = UserPatch.ENTERPRISE;
  private static final String WORK_EMAIL = "emails[type eq \\\"work\\\"].value";

  private static UserResource apply(UserResource user, String operations) throws ScimException {
    return UserPatch.apply(user, PatchRequests.parse(patch(operations)));
  }

  private static EnterpriseUserExtension enterprise(UserResource user) throws Exception {
    return user.getExtension(EnterpriseUserExtension.class);
  }

  private static UserResource withEmails(Email... emails) {
    UserResource user = ScimSamples.bare();
    user.setEmails(List.of(emails));
    return user;
  }

  @Test
  void oktaDeactivatesWithAPathLessReplaceAndReactivatesTheSameWay() throws Exception {
    UserResource deactivated =
        apply(ScimSamples.alice(), "{\"op\":\"replace\",\"value\":{\"active\":false}}");

    assertThat(deactivated.getActive()).isFalse();
    assertThat(deactivated.getUserName()).isEqualTo("alice@acme.example");
    assertThat(deactivated.getEmails()).isEqualTo(ScimSamples.alice().getEmails());
    assertThat(deactivated.getName()).isEqualTo(ScimSamples.alice().getName());
    assertThat(enterprise(deactivated)).isEqualTo(enterprise(ScimSamples.alice()));

    UserResource reactivated =
        apply(deactivated, "{\"op\":\"replace\",\"value\":{\"active\":true}}");
    assertThat(reactivated.getActive()).isTrue();
  }

  @Test
  void theUserGivenIsNotChanged() throws Exception {
    UserResource alice = ScimSamples.alice();

    apply(alice, "{\"op\":\"replace\",\"value\":{\"active\":false,\"title\":\"CEO\"}}");

    assertThat(alice.getActive()).isTrue();
    assertThat(alice.getTitle()).isEqualTo("Engineer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"False", "false", "FALSE", " false "})
  void entraSendsActiveAsAString(String value) throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"" + value + "\"}");

    assertThat(user.getActive()).isFalse();
    assertThat(
            apply(user, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}").getActive())
        .isTrue();
  }

  @Test
  void activeAsAStringThatIsNotABooleanIsInvalidValue() {
    ScimSamples.assertBadRequest(
        () ->
            apply(
                ScimSamples.alice(),
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"maybe\"}"),
        BadRequestException.INVALID_VALUE);
  }

  @Test
  void pathLessDottedAndUrnKeysChangeOnlyTheirSubAttribute() throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"Replace\",\"value\":{"
                + "\"name.givenName\":\"Alicia\","
                + "\""
                + ENTERPRISE
                + ":department\":\"Sales\","
                + "\"displayName\":\"Alicia Archer\"}}");

    assertThat(user.getName().getGivenName()).isEqualTo("Alicia");
    assertThat(user.getName().getFamilyName()).isEqualTo("Archer");
    assertThat(user.getDisplayName()).isEqualTo("Alicia Archer");
    assertThat(enterprise(user).getDepartment()).isEqualTo("Sales");
    assertThat(enterprise(user).getCostCenter()).isEqualTo("CC-7");
    assertThat(enterprise(user).getManager().getValue())
        .isEqualTo("6f1c0a52-0000-4000-8000-0000000b0b00");
  }

  @Test
  void entraAddsEnterpriseAttributesOneByOneToAUserWithoutTheExtension() throws Exception {
    UserResource user =
        apply(
            ScimSamples.bare(),
            "{\"op\":\"Add\",\"path\":\""
                + ENTERPRISE
                + ":department\",\"value\":\"Sales\"},"
                + "{\"op\":\"Add\",\"path\":\""
                + ENTERPRISE
                + ":employeeNumber\",\"value\":\"42\"},"
                + "{\"op\":\"Add\",\"path\":\"name.givenName\",\"value\":\"Bea\"}");

    assertThat(enterprise(user).getDepartment()).isEqualTo("Sales");
    assertThat(enterprise(user).getEmployeeNumber()).isEqualTo("42");
    assertThat(user.getName().getGivenName()).isEqualTo("Bea");
  }

  @Test
  void addToTheWorkAddressWhenOneExistsReplacesIt() throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"Add\",\"path\":\"" + WORK_EMAIL + "\",\"value\":\"alice.a@acme.example\"}");

    assertThat(user.getEmails())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getValue()).isEqualTo("alice.a@acme.example");
              assertThat(e.getType()).isEqualTo("work");
              assertThat(e.getPrimary()).isTrue();
            });
  }

  @Test
  void addToTheWorkAddressWhenNoneExistsAddsOne() throws Exception {
    UserResource user =
        apply(
            ScimSamples.bare(),
            "{\"op\":\"Add\",\"path\":\"" + WORK_EMAIL + "\",\"value\":\"bare@acme.example\"}");

    assertThat(user.getEmails())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getValue()).isEqualTo("bare@acme.example");
              assertThat(e.getType()).isEqualTo("work");
            });
  }

  @Test
  void replaceOfTheWorkAddressWhenOneExistsReplacesIt() throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"replace\",\"path\":\"" + WORK_EMAIL + "\",\"value\":\"a2@acme.example\"}");

    assertThat(user.getEmails())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getValue()).isEqualTo("a2@acme.example");
              assertThat(e.getType()).isEqualTo("work");
              assertThat(e.getPrimary()).isTrue();
            });
  }

  @Test
  void replaceOfTheWorkAddressWhenNoneExistsAppendsOne() throws Exception {
    UserResource bare =
        apply(
            ScimSamples.bare(),
            "{\"op\":\"replace\",\"path\":\"" + WORK_EMAIL + "\",\"value\":\"bare@acme.example\"}");
    assertThat(bare.getEmails())
        .extracting(Email::getType, Email::getValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("work", "bare@acme.example"));

    UserResource home =
        apply(
            withEmails(new Email().setType("home").setValue("b@home.example")),
            "{\"op\":\"replace\",\"path\":\"" + WORK_EMAIL + "\",\"value\":\"bare@acme.example\"}");
    assertThat(home.getEmails())
        .extracting(Email::getType, Email::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("home", "b@home.example"),
            org.assertj.core.groups.Tuple.tuple("work", "bare@acme.example"));
  }

  @Test
  void addToTheWorkAddressWhenOnlyAnotherTypeExistsAppendsOne() throws Exception {
    UserResource user =
        apply(
            withEmails(new Email().setType("home").setValue("b@home.example")),
            "{\"op\":\"add\",\"path\":\"" + WORK_EMAIL + "\",\"value\":\"b@acme.example\"}");

    assertThat(user.getEmails())
        .extracting(Email::getType, Email::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("home", "b@home.example"),
            org.assertj.core.groups.Tuple.tuple("work", "b@acme.example"));
  }

  @Test
  void aWorkAddressAmongOthersIsReplacedInPlace() throws Exception {
    UserResource user =
        apply(
            withEmails(
                new Email().setType("home").setValue("b@home.example"),
                new Email().setType("work").setValue("b@acme.example").setPrimary(true)),
            "{\"op\":\"Add\",\"path\":\"" + WORK_EMAIL + "\",\"value\":\"b2@acme.example\"}");

    assertThat(user.getEmails())
        .extracting(Email::getType, Email::getValue, Email::getPrimary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("home", "b@home.example", null),
            org.assertj.core.groups.Tuple.tuple("work", "b2@acme.example", true));
  }

  @Test
  void theManagerAsAPlainIdBecomesAManagerObject() throws Exception {
    UserResource user =
        apply(
            ScimSamples.bare(),
            "{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"m-2\"}");

    assertThat(enterprise(user).getManager().getValue()).isEqualTo("m-2");
    assertThat(ScimJson.tree(user).path(ENTERPRISE).path("manager").toString())
        .isEqualTo("{\"value\":\"m-2\"}");
  }

  @Test
  void theManagerAsAPlainIdInAPathLessValueReplacesTheWholeManager() throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + ":manager\":\"m-2\"}}");

    assertThat(enterprise(user).getManager().getValue()).isEqualTo("m-2");
    assertThat(enterprise(user).getManager().getDisplayName()).isNull();
  }

  @Test
  void theManagerAsAListOfValueObjectsTakesTheFirst() throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"Replace\",\"path\":\""
                + ENTERPRISE
                + ":manager\",\"value\":[{\"value\":\"m-3\"},{\"value\":\"m-4\"}]}");

    assertThat(enterprise(user).getManager().getValue()).isEqualTo("m-3");
  }

  @Test
  void theManagerAsAnObjectIsKept() throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"replace\",\"path\":\""
                + ENTERPRISE
                + ":manager\",\"value\":{\"value\":\"m-5\"}}");

    assertThat(enterprise(user).getManager().getValue()).isEqualTo("m-5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "[]"})
  void anEmptyManagerRemovesIt(String value) throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":" + value + "}");

    assertThat(enterprise(user).getManager()).isNull();
    assertThat(enterprise(user).getDepartment()).isEqualTo("Engineering");
  }

  @Test
  void aNullManagerIsRefusedByTheParserAsRfc7644Requires() {
    ScimSamples.assertBadRequest(
        () ->
            apply(
                ScimSamples.alice(),
                "{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":null}"),
        BadRequestException.INVALID_SYNTAX);
  }

  @Test
  void removeOfAPathRemovesTheValue() throws Exception {
    UserResource user =
        apply(
            ScimSamples.alice(),
            "{\"op\":\"remove\",\"path\":\"title\"},"
                + "{\"op\":\"Remove\",\"path\":\"name.middleName\"},"
                + "{\"op\":\"remove\",\"path\":\""
                + ENTERPRISE
                + ":department\"},"
                + "{\"op\":\"remove\",\"path\":\""
                + ENTERPRISE
                + ":manager\"}");

    assertThat(user.getTitle()).isNull();
    assertThat(user.getName().getMiddleName()).isNull();
    assertThat(user.getName().getGivenName()).isEqualTo("Alice");
    assertThat(enterprise(user).getDepartment()).isNull();
    assertThat(enterprise(user).getManager()).isNull();
    assertThat(enterprise(user).getCostCenter()).isEqualTo("CC-7");
  }

  @Test
  void removeOfAValueFilteredPathRemovesTheMatchingElements() throws Exception {
    UserResource user =
        apply(
            withEmails(
                new Email().setType("home").setValue("b@home.example"),
                new Email().setType("work").setValue("b@acme.example")),
            "{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"]\"}");

    assertThat(user.getEmails()).extracting(Email::getType).containsExactly("home");
  }

  @Test
  void aValueOfTheWrongShapeIsInvalidValue() {
    ScimSamples.assertBadRequest(
        () ->
            apply(
                ScimSamples.alice(),
                "{\"op\":\"replace\",\"path\":\"emails\",\"value\":\"not a list\"}"),
        BadRequestException.INVALID_VALUE);
  }
}
