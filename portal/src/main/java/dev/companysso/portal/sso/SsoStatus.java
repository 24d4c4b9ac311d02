package dev.companysso.portal.sso;

import dev.companysso.portal.health.ConnectionHealth;
import dev.companysso.portal.signins.CompanySignIn;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * Where a company's sign-in stands: not set up; being tested (settings saved in the portal, nothing
 * live); live (an enabled identity provider linked to the company, made in the portal or by hand,
 * of any type); or live but failing (the last sign-in through it failed for a reason that is not
 * one person's, and nobody has signed in since). {@code providerType} is the live provider's type
 * ({@code okta}, {@code entra-id}, {@code oidc}…), or the vendor of the saved settings.
 */
public record SsoStatus(State state, Optional<String> providerType) {

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
      KeycloakSession session,
      RealmModel realm,
      OrganizationModel company,
      CompanySignIn signIn,
      ConnectionHealth health) {
    Optional<String> live =
        company
            .getIdentityProviders()
            .filter(IdentityProviderModel::isEnabled)
            .map(IdentityProviderModel::getProviderId)
            .sorted()
            .findFirst();
    if (live.isPresent()) {
      return new SsoStatus(
          signIn.failing() || checkFailedSinceLastSignIn(signIn, health)
              ? State.FAILING
              : State.LIVE,
          live);
    }
    Optional<SsoDraft> draft = new SsoDrafts(session, realm).of(company);
    return draft.isPresent()
        ? new SsoStatus(State.TESTING, Optional.of(draft.get().vendor().providerId()))
        : new SsoStatus(State.NOT_SET_UP, Optional.empty());
  }

  /** The last connection check failed, and nobody has signed in since. */
  private static boolean checkFailedSinceLastSignIn(CompanySignIn signIn, ConnectionHealth health) {
    return health.failing()
        && (signIn.lastSuccess() == null
            || health.checkedAt().orElseThrow().isAfter(signIn.lastSuccess()));
  }
}
