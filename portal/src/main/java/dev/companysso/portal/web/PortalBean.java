package dev.companysso.portal.web;

import dev.companysso.portal.links.Section;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * What every portal page shows of its visitor's access: the company and, for a setup link, until
 * when it works, or the Owner signed in. The CSRF token goes into every form.
 */
public record PortalBean(
    String companyName,
    String companyCode,
    String linkExpires,
    String owner,
    List<String> sections,
    String csrf) {

  static PortalBean of(PortalAccess access, DateTimeFormatter dates) {
    return new PortalBean(
        access.company().getName(),
        access.company().getAlias(),
        access.link() == null ? null : dates.format(access.link().expires()),
        access.owner() == null ? null : access.owner().getUsername(),
        access.link() == null
            ? Arrays.stream(Section.values()).map(Section::key).toList()
            : access.link().sections().stream().map(Section::key).toList(),
        access.csrfToken());
  }
}
