package dev.companysso.identityproviders;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

/**
 * An OIDC provider config whose endpoints, issuer and signature checks follow from a vendor form
 * (an Okta domain, an Entra tenant). They are derived each time they are read and never stored: the
 * admin never types an endpoint and none can disagree with the form.
 */
public abstract class VendorOidcConfig extends OIDCIdentityProviderConfig {

  protected VendorOidcConfig() {}

  protected VendorOidcConfig(IdentityProviderModel model) {
    super(model);
  }

  /** The check of the vendor's own fields, with a message naming the field that is wrong. */
  protected abstract void validateForm();

  /**
   * The settings the form implies, or null while the form is empty (a provider being created).
   *
   * @throws IllegalArgumentException naming the form field that is wrong
   */
  protected abstract VendorEndpoints endpoints();

  @Override
  public String getIssuer() {
    VendorEndpoints endpoints = endpoints();
    return endpoints == null ? super.getIssuer() : endpoints.issuer();
  }

  @Override
  public String getAuthorizationUrl() {
    VendorEndpoints endpoints = endpoints();
    return endpoints == null ? super.getAuthorizationUrl() : endpoints.authorization();
  }

  @Override
  public String getTokenUrl() {
    VendorEndpoints endpoints = endpoints();
    return endpoints == null ? super.getTokenUrl() : endpoints.token();
  }

  @Override
  public String getUserInfoUrl() {
    VendorEndpoints endpoints = endpoints();
    return endpoints == null ? super.getUserInfoUrl() : endpoints.userInfo();
  }

  @Override
  public boolean isDisableUserInfoService() {
    VendorEndpoints endpoints = endpoints();
    return endpoints == null ? super.isDisableUserInfoService() : endpoints.userInfo() == null;
  }

  @Override
  public String getLogoutUrl() {
    VendorEndpoints endpoints = endpoints();
    return endpoints == null ? super.getLogoutUrl() : endpoints.logout();
  }

  @Override
  public String getJwksUrl() {
    VendorEndpoints endpoints = endpoints();
    return endpoints == null ? super.getJwksUrl() : endpoints.jwks();
  }

  @Override
  public boolean isUseJwksUrl() {
    return endpoints() != null || super.isUseJwksUrl();
  }

  @Override
  public boolean isValidateSignature() {
    return endpoints() != null || super.isValidateSignature();
  }

  /** The admin's scopes; the vendor's defaults when none are set. */
  @Override
  public String getDefaultScope() {
    String scope = super.getDefaultScope();
    VendorEndpoints endpoints = endpoints();
    return (scope == null || scope.isBlank()) && endpoints != null
        ? endpoints.defaultScope()
        : scope;
  }

  /** The form, then the OIDC settings it implies, which are stored. */
  @Override
  public void validate(RealmModel realm) {
    validateForm();
    VendorEndpoints endpoints = endpoints();
    super.validate(realm);
    if (endpoints != null) {
      getConfig().put(ISSUER, endpoints.issuer());
      setAuthorizationUrl(endpoints.authorization());
      setTokenUrl(endpoints.token());
      setUserInfoUrl(endpoints.userInfo());
      setDisableUserInfoService(endpoints.userInfo() == null);
      setLogoutUrl(endpoints.logout());
      setJwksUrl(endpoints.jwks());
      setUseJwksUrl(true);
      setValidateSignature(true);
    }
  }
}
