package dev.companysso.identityproviders;

/**
 * The OIDC settings a vendor form implies.
 *
 * @param userInfo the userinfo endpoint, or null to skip the userinfo call
 */
public record VendorEndpoints(
    String issuer,
    String authorization,
    String token,
    String userInfo,
    String logout,
    String jwks,
    String defaultScope) {}
