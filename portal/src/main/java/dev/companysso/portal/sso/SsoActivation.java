package dev.companysso.portal.sso;

import dev.companysso.core.ConnectionState;
import dev.companysso.portal.mapping.CompanyTables;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Puts a company's settings into Keycloak's identity providers: as a provider only being tested (so
 * that the IdP app's redirect URI answers, see {@link ConnectionState}) and, once a test sign-in
 * through them succeeded, live and linked to the company, with an empty group-to-role table.
 */
public final class SsoActivation {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final SsoConnection connection;
  private final OrganizationModel company;

  public SsoActivation(KeycloakSession session, RealmModel realm, OrganizationModel company) {
    this.session = session;
    this.realm = realm;
    this.company = company;
    this.connection = new SsoConnection(realm, company);
  }

  /**
   * Makes the provider's broker endpoint answer for a test sign-in. A live provider already does,
   * and keeps its settings: the test uses the draft's, carried with the sign-in.
   */
  public void prepareTest(SsoDraft draft) {
    IdentityProviderModel existing =
        session.identityProviders().getByAlias(connection.alias(draft.vendor()));
    if (existing != null && !ConnectionState.isTesting(existing)) {
      return;
    }
    IdentityProviderModel testing = connection.model(draft);
    testing.setEnabled(true);
    testing.setOrganizationId(null);
    testing.getConfig().put(ConnectionState.TESTING, "true");
    save(existing, testing);
  }

  /** The draft's settings go live: enabled, linked to the company, taking logins. */
  public IdentityProviderModel enable(SsoDraft draft) {
    IdentityProviderModel existing =
        session.identityProviders().getByAlias(connection.alias(draft.vendor()));
    IdentityProviderModel live = connection.model(draft);
    live.setEnabled(true);
    Map<String, String> config = new HashMap<>(live.getConfig());
    config.remove(ConnectionState.TESTING);
    live.setConfig(config);
    live.setOrganizationId(null);
    save(existing, live);
    if (existing == null || existing.getOrganizationId() == null) {
      session.getProvider(OrganizationProvider.class).addIdentityProvider(company, live);
    }
    IdentityProviderModel enabled = session.identityProviders().getByAlias(live.getAlias());
    CompanyTables.prepare(session, realm, enabled);
    return enabled;
  }

  /**
   * Creates the provider, or updates it keeping what the portal has no field for (settings an admin
   * made in the console, such as a groups API token or trust e-mail, and its flows).
   */
  private void save(IdentityProviderModel existing, IdentityProviderModel model) {
    if (existing == null) {
      session.identityProviders().create(model);
    } else {
      Map<String, String> merged = new HashMap<>(existing.getConfig());
      merged.putAll(model.getConfig());
      if (!model.getConfig().containsKey(ConnectionState.TESTING)) {
        merged.remove(ConnectionState.TESTING);
      }
      model.setConfig(merged);
      model.setTrustEmail(existing.isTrustEmail());
      model.setInternalId(existing.getInternalId());
      model.setOrganizationId(existing.getOrganizationId());
      model.setFirstBrokerLoginFlowId(existing.getFirstBrokerLoginFlowId());
      model.setPostBrokerLoginFlowId(existing.getPostBrokerLoginFlowId());
      session.identityProviders().update(model);
    }
  }
}
