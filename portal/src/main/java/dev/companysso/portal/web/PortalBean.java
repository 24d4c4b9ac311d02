package dev.companysso.portal.web;

import dev.companysso.portal.links.Section;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What every portal page shows of its visitor's access: the company and, for a setup link, until
 * when it works. The CSRF token goes into every form.
 */
public record PortalBean(
    String companyName,
    String companyCode,
    String linkExpires,
    List<String> sections,
    String csrf) {

  static PortalBean of(PortalAccess access, DateTimeFormatter dates) {
    return new PortalBean(
        access.company().getName(),
        access.company().getAlias(),
        dates.format(access.link().expires()),
        access.link().sections().stream().map(Section::key).toList(),
        access.csrfToken());
  }
}
