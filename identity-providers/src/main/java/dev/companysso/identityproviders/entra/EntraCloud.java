package dev.companysso.identityproviders.entra;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Microsoft's national clouds: each has its own sign-in authority and Graph host (Microsoft
 * identity platform docs, "National clouds").
 */
public enum EntraCloud {
  GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com"),
  US_GOVERNMENT("https://login.microsoftonline.us", "https://graph.microsoft.us"),
  CHINA("https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn");

  private final String authority;
  private final String graph;

  EntraCloud(String authority, String graph) {
    this.authority = authority;
    this.graph = graph;
  }

  public String authority() {
    return authority;
  }

  public String graph() {
    return graph;
  }

  /** The setting's value: {@code global}, {@code us-government}, {@code china}. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<EntraCloud> fromSetting(String value) {
    String wanted = value == null || value.isBlank() ? "global" : value.strip();
    return Arrays.stream(values()).filter(cloud -> cloud.settingValue().equals(wanted)).findFirst();
  }
}
