package dev.companysso.userstorage.directory.okta;

import dev.companysso.userstorage.directory.http.ApiClient;

/** Okta's admin API token (Security → API → Tokens), sent as {@code SSWS}. */
record OktaApiToken(String token) implements ApiClient.Credentials {

  @Override
  public String authorization(ApiClient client) {
    return "SSWS " + token;
  }

  @Override
  public String toString() {
    return "OktaApiToken[***]";
  }
}
