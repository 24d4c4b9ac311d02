package dev.companysso.portal.sso;

import dev.companysso.portal.signins.CompanySignIn;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * Where a company's sign-in stands: not set up; being tested (settings saved, nothing live); live;
 * or live but failing (the provider's last answer was an error and nobody has signed in since).
 */
public record SsoStatus(State state, Optional<Vendor> vendor) {

  public enum State {
    NOT_SET_UP,
    TESTING,
    LIVE,
    FAILING;

    /** The state as message keys and element ids name it: {@code not_set_up}, {@code live}… */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static SsoStatus of(
      KeycloakSession session, RealmModel realm, OrganizationModel company, CompanySignIn signIn) {
    SsoConnection connection = new SsoConnection(realm, company);
    Optional<Vendor> live =
        Arrays.stream(Vendor.values())
            .filter(v -> connection.linked(v).filter(IdentityProviderModel::isEnabled).isPresent())
            .findFirst();
    if (live.isPresent()) {
      return new SsoStatus(signIn.failing() ? State.FAILING : State.LIVE, live);
    }
    Optional<SsoDraft> draft = new SsoDrafts(session, realm).of(company);
    return draft.isPresent()
        ? new SsoStatus(State.TESTING, Optional.of(draft.get().vendor()))
        : new SsoStatus(State.NOT_SET_UP, Optional.empty());
  }
}
