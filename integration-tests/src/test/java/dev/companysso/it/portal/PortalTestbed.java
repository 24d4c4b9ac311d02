package dev.companysso.it.portal;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.RealmFixtures;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.admin.client.Keycloak;

/**
 * What a portal test works with, for one test: an admin client, the realm's fixtures, the setup
 * link API, the portal's address, and companies made for the test, deleted when it is closed.
 */
final class PortalTestbed implements AutoCloseable {

  private final Keycloak admin;
  private final RealmFixtures fixtures;
  private final SetupLinkAdmin links;
  private final String portal;
  private final List<String> companies = new ArrayList<>();

  PortalTestbed(CompanySsoStack stack) {
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    links = new SetupLinkAdmin(admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM);
    portal =
        stack.keycloak().baseUrl() + "/realms/" + CompanySsoStack.REALM + "/company-sso-portal";
  }

  Keycloak admin() {
    return admin;
  }

  RealmFixtures fixtures() {
    return fixtures;
  }

  SetupLinkAdmin links() {
    return links;
  }

  /** {@code http://…/realms/workforce/company-sso-portal}, without a trailing slash. */
  String portal() {
    return portal;
  }

  /**
   * A new enabled company {@code <prefix><uuid>} with the verified domain {@code <code>.example}.
   */
  String newCompany(String prefix) {
    String company = ScimPayloads.unique(prefix);
    fixtures.company(company, company + ".example", true, List.of());
    companies.add(company);
    return company;
  }

  /** Deletes a company the test made itself when the test ends. */
  void track(String company) {
    companies.add(company);
  }

  @Override
  public void close() {
    companies.forEach(c -> fixtures.companyResource(c).delete().close());
    admin.close();
  }
}
