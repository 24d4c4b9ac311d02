package dev.companysso.userstorage.scim.activity;

/**
 * A SCIM request that failed, as the company's IT admin needs it to fix their provisioning app.
 *
 * @param at epoch milliseconds
 * @param request method and path below the base URL, e.g. {@code POST /Users}; never the query (a
 *     filter names people)
 * @param detail the SCIM error's own detail, as the client got it
 */
public record ScimFailure(long at, String request, int status, String detail) {}
