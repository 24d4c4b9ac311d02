package dev.companysso.portal.admin;

import java.util.List;

/**
 * The body of a new setup link: the portal sections it opens (default {@code ["sso"]}) and when it
 * expires, as a lifetime in days ({@code expiresInDays}, default 7) or a moment ({@code expires},
 * ISO-8601 such as {@code 2026-12-11T17:00:00Z}); at most 90 days ahead.
 */
public record SetupLinkRequest(List<String> sections, Integer expiresInDays, String expires) {}
