package dev.companysso.authenticator.discovery;

import java.util.List;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.OrganizationModel;

/**
 * Where an input leads: one or more identity providers to offer, or the local password step.
 *
 * @param outcome how it was resolved, recorded as an event detail
 * @param company the organization it resolved to, if any
 * @param providers enabled identity providers to offer; empty for {@link Outcome#LOCAL}
 * @param loginHint what to pass to the identity provider as {@code login_hint}, or null
 */
public record Discovery(
    Outcome outcome,
    OrganizationModel company,
    List<IdentityProviderModel> providers,
    String loginHint) {

  /** The resolution path, as recorded in the {@code company_discovery} event detail. */
  public enum Outcome {
    LINKED("linked"),
    COMPANY("company"),
    DOMAIN("domain"),
    LOCAL("local");

    private final String eventValue;

    Outcome(String eventValue) {
      this.eventValue = eventValue;
    }

    public String eventValue() {
      return eventValue;
    }
  }

  public static final Discovery LOCAL = new Discovery(Outcome.LOCAL, null, List.of(), null);

  public Discovery {
    providers = List.copyOf(providers);
  }

  public boolean isLocal() {
    return outcome == Outcome.LOCAL;
  }
}
