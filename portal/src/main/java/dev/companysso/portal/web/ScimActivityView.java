package dev.companysso.portal.web;

import dev.companysso.userstorage.scim.activity.ScimActivity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The company's SCIM activity as the provisioning page shows it. */
public record ScimActivityView(String lastRequest, Integer lastStatus, List<Failure> failures) {

  /** One failed request: when, what, the answer's status and its SCIM detail. */
  public record Failure(String at, String request, int status, String detail) {}

  static ScimActivityView of(ScimActivity activity, DateTimeFormatter dates) {
    return new ScimActivityView(
        activity.lastRequest().map(dates::format).orElse(null),
        activity.lastStatus().orElse(null),
        activity.failures().stream()
            .map(
                f ->
                    new Failure(
                        dates.format(Instant.ofEpochMilli(f.at())),
                        f.request(),
                        f.status(),
                        f.detail()))
            .toList());
  }
}
