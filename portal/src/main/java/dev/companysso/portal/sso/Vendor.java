package dev.companysso.portal.sso;

import dev.companysso.core.ProviderIds;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The IdP vendors a company's admin can set up in the portal, and the fields of each form. */
public enum Vendor {
  OKTA(ProviderIds.OKTA, List.of("oktaDomain", "authorizationServer", "clientId"), "oktaDomain"),
  ENTRA_ID(ProviderIds.ENTRA_ID, List.of("tenantId", "cloud", "clientId"), "tenantId");

  /** Every form has it; it is write-only. */
  public static final String CLIENT_SECRET = "clientSecret";

  private final String providerId;
  private final List<String> fields;
  private final String tenantField;

  Vendor(String providerId, List<String> fields, String tenantField) {
    this.providerId = providerId;
    this.fields = fields;
    this.tenantField = tenantField;
  }

  /** The identity provider type, also the vendor's name in the portal's URLs. */
  public String providerId() {
    return providerId;
  }

  /** The form's plain fields (the client secret comes on top). */
  public List<String> fields() {
    return fields;
  }

  /** Which Okta org or Entra tenant: the field the company must fill in besides the client. */
  public String tenantField() {
    return tenantField;
  }

  public static Optional<Vendor> of(String providerId) {
    return Arrays.stream(values()).filter(v -> v.providerId.equals(providerId)).findFirst();
  }
}
