package dev.companysso.userstorage.directory.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A directory API answer that was read completely: its JSON body and its {@code Link} headers. */
public record ApiResponse(JsonNode body, List<String> links) {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  public ApiResponse {
    links = links == null ? List.of() : links;
  }

  /** Okta's next page: {@code Link: <…>; rel="next"}, or null on the last page. */
  public String nextLink() {
    for (String link : links) {
      Matcher next = NEXT.matcher(link);
      if (next.find()) {
        return next.group(1);
      }
    }
    return null;
  }
}
