package dev.companysso.userstorage.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import java.net.URI;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Users as {@link UserView} shows them, for the SCIM tests. */
final class ScimSamples {

  static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private ScimSamples() {}

  /** Alice as UserView shows a full account: work address, names, enterprise fields, manager. */
  static UserResource alice() {
    UserResource user = new UserResource();
    user.setId("6f1c0a52-0000-4000-8000-00000000a11c");
    user.setExternalId("00u1alice00000000001");
    user.setUserName("alice@acme.example");
    user.setName(
        new Name()
            .setGivenName("Alice")
            .setMiddleName("B.")
            .setFamilyName("Archer")
            .setFormatted("Alice B. Archer"));
    user.setDisplayName("Alice Archer");
    user.setNickName("Ali");
    user.setTitle("Engineer");
    user.setActive(true);
    user.setEmails(
        List.of(new Email().setValue("alice@acme.example").setType("work").setPrimary(true)));
    user.setExtension(
        new EnterpriseUserExtension()
            .setDepartment("Engineering")
            .setEmployeeNumber("1001")
            .setCostCenter("CC-7")
            .setDivision("R&D")
            .setOrganization("Acme")
            .setManager(
                new Manager()
                    .setValue("6f1c0a52-0000-4000-8000-0000000b0b00")
                    .setRef(
                        URI.create(
                            "http://localhost/realms/workforce/company-scim/acme/v2/Users/b"))
                    .setDisplayName("Bob Boss")));
    user.setMeta(
        new Meta()
            .setResourceType("User")
            .setCreated(utc(2026, Calendar.JANUARY, 5))
            .setLastModified(utc(2026, Calendar.MARCH, 1))
            .setLocation(
                URI.create("http://localhost/realms/workforce/company-scim/acme/v2/Users/a")));
    return user;
  }

  /** A freshly pushed account: a userName and nothing else SCIM shows. */
  static UserResource bare() {
    UserResource user = new UserResource();
    user.setId("6f1c0a52-0000-4000-8000-0000000000b4");
    user.setUserName("bare@acme.example");
    user.setActive(true);
    return user;
  }

  /** Alice's SCIM document, as {@link UserQuery} evaluates filters against it. */
  static ObjectNode aliceDocument() {
    return ScimJson.tree(alice());
  }

  /** A PATCH body with the given operations (JSON objects, comma-separated). */
  static String patch(String operations) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}";
  }

  /** {@code call} fails with a 400 of this {@code scimType}. */
  static void assertBadRequest(ThrowingCallable call, String scimType) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.getScimError().getScimType()).isEqualTo(scimType));
  }

  private static Calendar utc(int year, int month, int day) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.clear();
    calendar.set(year, month, day, 9, 30, 0);
    return calendar;
  }
}
