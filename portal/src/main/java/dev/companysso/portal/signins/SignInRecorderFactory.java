package dev.companysso.portal.signins;

import com.google.auto.service.AutoService;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link SignInRecorder} for every realm (a global listener: no realm setting to forget),
 * so the vendor view knows each company's last sign-in without Keycloak storing login events.
 */
@AutoService(EventListenerProviderFactory.class)
public final class SignInRecorderFactory implements EventListenerProviderFactory {

  public static final String ID = "company-sso-sign-ins";

  private final Map<String, SignInRecorder.Written> lastWritten = SignInRecorder.newMemory();
  private KeycloakSessionFactory factory;

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new SignInRecorder(factory, lastWritten);
  }

  @Override
  public boolean isGlobal() {
    return true;
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    this.factory = factory;
  }

  @Override
  public void close() {}
}
