<#import "template.ftl" as layout>
<#import "company-sso-portal-macros.ftl" as csso>
<#-- Identity provider types with a name in the messages; any other shows its provider id. -->
<#assign namedTypes = ["okta", "entra-id", "oidc", "keycloak-oidc", "saml"]>
<#-- A question's field on the explain forms: GET forms, so the answer's page can be linked. -->
<#macro question name label value>
    <div class="${properties.kcFormGroupClass!}">
        <label for="${name}" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${label}</span></label>
        <span class="${properties.kcInputClass!}"><input id="${name}" name="${name}" type="text" value="${value}" autocomplete="off"/></span>
    </div>
</#macro>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-vendor.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalVendorTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <script src="${url.resourcesPath}/js/company-sso-portal.js" defer></script>
        <p id="csso-copy-status" class="pf-v5-screen-reader" aria-live="polite" data-copied="${msg("companySsoPortalCopied")}"></p>
        <#if createdLink??>
            <div id="csso-link-created" class="${properties.kcAlertClass!} pf-m-success" role="status">
                <span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalVendorLinkCreated", createdLink.company, createdLink.expires)}</span>
            </div>
            <@csso.copyValue name="setup-link" label=msg("companySsoPortalVendorLinkUrl") value=createdLink.url/>
            <p id="csso-link-once">${msg("companySsoPortalVendorLinkOnce")}</p>
        </#if>
        <form id="csso-search" class="${properties.kcFormClass!}" method="get" action="${portalUrl}/vendor" role="search">
            <div class="${properties.kcFormGroupClass!}">
                <label for="csso-search-q" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalVendorSearch")}</span></label>
                <div class="${properties.kcInputGroup!}">
                    <div class="${properties.kcInputGroupItemClass!} ${properties.kcFill!}">
                        <span class="${properties.kcInputClass!}"><input id="csso-search-q" name="q" type="search" value="${search}" autocomplete="off"/></span>
                    </div>
                    <div class="${properties.kcInputGroupItemClass!}">
                        <button type="submit" class="${properties.kcButtonSecondaryClass!}">${msg("companySsoPortalVendorSearchButton")}</button>
                    </div>
                </div>
            </div>
        </form>
        <section id="csso-explain" aria-labelledby="csso-explain-heading">
            <h2 id="csso-explain-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalVendorExplain")}</h2>
            <form id="csso-explain-form" class="${properties.kcFormClass!}" method="get" action="${portalUrl}/vendor#csso-explain">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="csso-explain-input" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalVendorExplainInput")}</span></label>
                    <div class="${properties.kcInputGroup!}">
                        <div class="${properties.kcInputGroupItemClass!} ${properties.kcFill!}">
                            <span class="${properties.kcInputClass!}"><input id="csso-explain-input" name="explain" type="text" value="<#if explained??>${explained.input()}</#if>" autocomplete="off"/></span>
                        </div>
                        <div class="${properties.kcInputGroupItemClass!}">
                            <button type="submit" class="${properties.kcButtonSecondaryClass!}">${msg("companySsoPortalVendorExplainButton")}</button>
                        </div>
                    </div>
                </div>
            </form>
            <#if viewsUsers>
                <p id="csso-explain-more"><a href="#csso-explain-first-login">${msg("companySsoPortalVendorExplainFirstLogin")}</a> · <a href="#csso-explain-rules">${msg("companySsoPortalVendorExplainRules")}</a></p>
            </#if>
            <#if explained??>
                <div id="csso-explained" role="status">
                    <#if explained.problem()??>
                        <p data-outcome="refused">${msg("companySsoPortalVendorExplainProblem")}</p>
                    <#else>
                        <ol>
                            <#list explained.steps() as step>
                                <li data-step="${step.step()}" data-result="${step.result()}">${msg("companySsoPortalVendorExplainStep." + step.step())}: ${msg("companySsoPortalVendorExplainResult." + step.result())}<#if step.company()??> (${step.company()})</#if></li>
                            </#list>
                        </ol>
                        <#assign offered = explained.providers()>
                        <p data-outcome="${explained.outcome()}"><#if offered?size == 0>${msg("companySsoPortalVendorExplainNext.password")}<#elseif offered?size == 1>${msg("companySsoPortalVendorExplainNext.redirect", offered[0])}<#else>${msg("companySsoPortalVendorExplainNext.chooser", offered?join(", "))}</#if></p>
                    </#if>
                </div>
            </#if>
        </section>
        <section id="csso-limited-apps" aria-labelledby="csso-limited-apps-heading">
            <h2 id="csso-limited-apps-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalVendorLimitedApps")}</h2>
            <#if limitedApps?has_content>
                <ul>
                    <#list limitedApps as app>
                        <li data-app="${app.clientId()}" data-mode="${app.mode()}">${msg("companySsoPortalVendorLimitedApp." + app.mode(), app.clientId(), app.companies())}</li>
                    </#list>
                </ul>
            <#else>
                <p>${msg("companySsoPortalVendorLimitedAppsNone")}</p>
            </#if>
            <#if manages && configuresApps>
                <form method="post" action="${portalUrl}/vendor/app-access" class="csso-inline-form" id="csso-app-access">
                    <input type="hidden" name="csrf" value="${csrf}"/>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="csso-app-access-client" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalVendorAppClient")}</span></label>
                        <span class="${properties.kcInputClass!}"><input id="csso-app-access-client" name="clientId" type="text" autocomplete="off"/></span>
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="csso-app-access-mode" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalVendorAppMode")}</span></label>
                        <span class="${properties.kcInputClass!}">
                            <select id="csso-app-access-mode" name="companies">
                                <#list ["all", "listed", "none"] as mode><option value="${mode}">${msg("companySsoPortalVendorAppMode." + mode)}</option></#list>
                            </select>
                        </span>
                    </div>
                    <button type="submit" class="${properties.kcButtonSecondaryClass!}">${msg("companySsoPortalSave")}</button>
                </form>
            </#if>
        </section>
        <#if !rows?has_content>
            <p id="csso-no-companies">${msg("companySsoPortalVendorNoCompanies")}</p>
        </#if>
        <#list rows as row>
            <section class="csso-company" id="csso-company-${row.code()}" aria-labelledby="csso-company-${row.code()}-name">
                <h2 id="csso-company-${row.code()}-name" class="pf-v5-c-title pf-m-md">${row.name()}</h2>
                <dl class="csso-facts">
                    <dt>${msg("companySsoPortalVendorCode")}</dt>
                    <dd data-fact="code">${row.code()}<#if !row.enabled()> (${msg("companySsoPortalVendorDisabled")})</#if></dd>
                    <dt>${msg("companySsoPortalVendorProvider")}</dt>
                    <dd data-fact="vendor"><#if !(row.vendor()??)>${msg("companySsoPortalVendor.none")}<#elseif namedTypes?seq_contains(row.vendor())>${msg("companySsoPortalVendor." + row.vendor())}<#else>${row.vendor()}</#if></dd>
                    <dt>${msg("companySsoPortalVendorState")}</dt>
                    <dd data-fact="state" data-state="${row.state()}">${msg("companySsoPortalVendorState." + row.state())}</dd>
                    <dt>${msg("companySsoPortalVendorLastSignIn")}</dt>
                    <dd data-fact="last-sign-in">${row.lastSignIn()!msg("companySsoPortalVendorNever")}</dd>
                    <#if row.state() == "failing" && row.lastFailure()??>
                        <dt>${msg("companySsoPortalVendorLastFailure")}</dt>
                        <dd data-fact="last-failure">${row.lastFailure()} (${row.lastError()!""})</dd>
                    </#if>
                    <dt>${msg("companySsoPortalHealthLastCheck")}</dt>
                    <dd data-fact="health" data-failed="${row.failedChecks()?join(",")}"><#if !(row.checkedAt()??)>${msg("companySsoPortalHealthNeverChecked")}<#elseif row.failedChecks()?has_content>${msg("companySsoPortalHealthFailing", row.checkedAt(), row.failedChecks()?map(c -> msg("companySsoPortalHealthCheck." + c))?join(", "))}<#else>${msg("companySsoPortalHealthOk", row.checkedAt())}</#if></dd>
                    <dt>${msg("companySsoPortalProvisioningHeading")}</dt>
                    <dd data-fact="scim"><#if row.scimTokenSince()??>${msg("companySsoPortalVendorScimSince", row.scimTokenSince())}<#else>${msg("companySsoPortalVendorScimNone")}</#if></dd>
                    <#if row.directorySync()??>
                        <dt>${msg("companySsoPortalDirectoryHeading")}</dt>
                        <dd data-fact="directory" data-outcome="${row.directorySync().outcome()!""}" data-lagging="${row.directorySync().lagging()?c}"><@csso.directorySync sync=row.directorySync()/></dd>
                    </#if>
                    <dt>${msg("companySsoPortalVendorDomains")}</dt>
                    <dd data-fact="domains"><#if row.verifiedDomains()?has_content>${row.verifiedDomains()?join(", ")}<#else>${msg("companySsoPortalVendorDomainsNone")}</#if></dd>
                    <#if row.missingRecords()?has_content>
                        <dt>${msg("companySsoPortalVendorRecordsMissing")}</dt>
                        <dd data-fact="records-missing" class="csso-check-failed">${row.missingRecords()?join(", ")}</dd>
                    </#if>
                    <dt>${msg("companySsoPortalVendorApps")}</dt>
                    <dd data-fact="apps"><#if row.apps()?has_content>${row.apps()?join(", ")}<#else>${msg("companySsoPortalVendorAppsNone")}</#if></dd>
                    <dt>${msg("companySsoPortalVendorSsoRequired")}</dt>
                    <dd data-fact="sso-required" data-required="${row.ssoRequired()?c}">${msg(row.ssoRequired()?then("companySsoPortalVendorSsoRequiredYes", "companySsoPortalVendorSsoRequiredNo"))}</dd>
                    <dt>${msg("companySsoPortalVendorOpenLinks")}</dt>
                    <dd data-fact="links">${row.links()?size}</dd>
                </dl>
                <#if manages>
                    <form method="post" action="${portalUrl}/vendor/apps" class="csso-inline-form" id="csso-apps-${row.code()}">
                        <input type="hidden" name="csrf" value="${csrf}"/>
                        <input type="hidden" name="company" value="${row.code()}"/>
                        <div class="${properties.kcFormGroupClass!}">
                            <label for="csso-apps-input-${row.code()}" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalVendorAppsLabel")}</span></label>
                            <span class="${properties.kcInputClass!}">
                                <input id="csso-apps-input-${row.code()}" name="apps" type="text" value="${row.apps()?join(", ")}" autocomplete="off" aria-describedby="csso-apps-help-${row.code()}"/>
                            </span>
                            <p id="csso-apps-help-${row.code()}" class="${properties.kcInputHelperTextItemTextClass!}">${msg("companySsoPortalVendorAppsHelp")}</p>
                        </div>
                        <div class="${properties.kcFormGroupClass!}">
                            <label class="csso-checkbox"><input type="checkbox" id="csso-sso-required-${row.code()}" name="ssoRequired" value="on" <#if row.ssoRequired()>checked</#if> aria-describedby="csso-sso-required-help-${row.code()}"/> ${msg("companySsoPortalVendorSsoRequiredLabel")}</label>
                            <p id="csso-sso-required-help-${row.code()}" class="${properties.kcInputHelperTextItemTextClass!}">${msg("companySsoPortalVendorSsoRequiredHelp")}</p>
                        </div>
                        <button type="submit" class="${properties.kcButtonSecondaryClass!}" aria-label="${msg("companySsoPortalVendorAppsSave", row.name())}">${msg("companySsoPortalSave")}</button>
                    </form>
                </#if>
                <#if row.links()?has_content>
                    <ul class="csso-links" aria-label="${msg("companySsoPortalVendorOpenLinksOf", row.name())}">
                        <#list row.links() as link>
                            <li data-link="${link.id()}">
                                ${msg("companySsoPortalVendorLinkLine", link.expires(), link.createdBy(), link.lastUsed()!msg("companySsoPortalVendorNever"))}
                                <#if manages>
                                    <form method="post" action="${portalUrl}/vendor/links/revoke" class="csso-inline-form">
                                        <input type="hidden" name="csrf" value="${csrf}"/>
                                        <input type="hidden" name="company" value="${row.code()}"/>
                                        <input type="hidden" name="link" value="${link.id()}"/>
                                        <button type="submit" class="${properties.kcButtonSecondaryClass!}" data-revoke="${link.id()}"
                                                aria-label="${msg("companySsoPortalVendorRevokeLabel", row.name(), link.expires())}">${msg("companySsoPortalVendorRevoke")}</button>
                                    </form>
                                </#if>
                            </li>
                        </#list>
                    </ul>
                </#if>
                <#if manages>
                    <form method="post" action="${portalUrl}/vendor/links" class="csso-new-link">
                        <input type="hidden" name="csrf" value="${csrf}"/>
                        <input type="hidden" name="company" value="${row.code()}"/>
                        <fieldset class="${properties.kcFormGroupClass!} csso-sections">
                            <legend class="${properties.kcFormLabelClass!}">${msg("companySsoPortalVendorSections")}</legend>
                            <#list sections as key>
                                <div class="pf-v5-c-check">
                                    <input class="pf-v5-c-check__input" type="checkbox" id="csso-section-${key}-${row.code()}" name="sections" value="${key}"<#if key == "sso"> checked</#if>/>
                                    <label class="pf-v5-c-check__label" for="csso-section-${key}-${row.code()}">${msg("companySsoPortalSection." + key)}</label>
                                </div>
                            </#list>
                        </fieldset>
                        <div class="${properties.kcFormGroupClass!}">
                            <label for="csso-days-${row.code()}" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalVendorLifetime")}</span></label>
                            <span class="${properties.kcInputClass!} pf-v5-c-form-control">
                                <select id="csso-days-${row.code()}" name="expiresInDays">
                                    <#list lifetimes as days>
                                        <option value="${days?c}"<#if days == defaultLifetime> selected</#if>>${days?c}</option>
                                    </#list>
                                </select>
                            </span>
                        </div>
                        <button type="submit" id="csso-create-${row.code()}" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                                aria-label="${msg("companySsoPortalVendorCreateFor", row.name())}">${msg("companySsoPortalVendorCreate")}</button>
                    </form>
                </#if>
            </section>
        </#list>
        <#if page gt 0 || more>
            <nav class="csso-pages" aria-label="${msg("companySsoPortalVendorPages")}">
                <#if page gt 0><a id="csso-page-previous" href="${portalUrl}/vendor?q=${search?url}&amp;page=${(page - 1)?c}">${msg("companySsoPortalVendorPrevious")}</a></#if>
                <#if more><a id="csso-page-next" href="${portalUrl}/vendor?q=${search?url}&amp;page=${(page + 1)?c}">${msg("companySsoPortalVendorNext")}</a></#if>
            </nav>
        </#if>
        <#if viewsUsers>
        <section id="csso-explain-first-login" aria-labelledby="csso-explain-first-login-heading">
            <h2 id="csso-explain-first-login-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalVendorExplainFirstLogin")}</h2>
            <form id="csso-first-login-form" class="${properties.kcFormClass!}" method="get" action="${portalUrl}/vendor#csso-explain-first-login">
                <@question name="firstLoginSignIn" label=msg("companySsoPortalVendorExplainSignIn") value=(firstLogin.signIn())!""/>
                <@question name="firstLoginEmail" label=msg("companySsoPortalVendorExplainEmail") value=(firstLogin.email())!""/>
                <div class="${properties.kcFormGroupClass!}">
                    <label class="csso-checkbox"><input type="checkbox" id="firstLoginEmailVerified" name="firstLoginEmailVerified" value="on" <#if (firstLogin.emailVerified())!true>checked</#if>/> ${msg("companySsoPortalVendorExplainEmailVerified")}</label>
                </div>
                <@question name="firstLoginUsername" label=msg("companySsoPortalVendorExplainUsername") value=(firstLogin.username())!""/>
                <button type="submit" class="${properties.kcButtonSecondaryClass!}">${msg("companySsoPortalVendorExplainButton")}</button>
            </form>
            <#if firstLogin??>
                <div id="csso-first-login" role="status">
                    <#if firstLogin.problem()??>
                        <p data-decision="none">${msg(firstLogin.problem().key(), firstLogin.problem().about())}</p>
                    <#else>
                        <#assign decided = firstLogin.answer()>
                        <p data-decision="${decided.decision()}"<#if decided.how()??> data-how="${decided.how()}"</#if>>
                            <#switch decided.decision()>
                                <#case "create">${msg("companySsoPortalVendorFirstLogin.create", decided.account()!"", decided.company(), decided.roles()?join(", "))}<#break>
                                <#case "link">${msg("companySsoPortalVendorFirstLogin." + decided.how(), decided.account(), decided.company())}<#break>
                                <#case "confirm-link">${msg("companySsoPortalVendorFirstLogin.confirm-link", decided.account())}<#break>
                                <#case "refuse">${msg("companySsoPortalVendorFirstLogin.refuse", decided.foreign().name(), decided.foreign().owner(), decided.company())}<#break>
                                <#default>${msg("companySsoPortalVendorFirstLogin.keycloak", decided.identityProvider())}
                            </#switch>
                        </p>
                        <#if decided.unvouched()?has_content>
                            <ul>
                                <#list decided.unvouched() as missing><li data-unvouched="${missing}">${msg("companySsoPortalVendorUnvouched." + missing)}</li></#list>
                            </ul>
                        </#if>
                    </#if>
                </div>
            </#if>
        </section>
        <section id="csso-explain-rules" aria-labelledby="csso-explain-rules-heading">
            <h2 id="csso-explain-rules-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalVendorExplainRules")}</h2>
            <form id="csso-person-form" class="${properties.kcFormClass!}" method="get" action="${portalUrl}/vendor#csso-explain-rules">
                <@question name="person" label=msg("companySsoPortalVendorExplainPerson") value=(person.person())!""/>
                <@question name="personSignIn" label=msg("companySsoPortalVendorExplainPersonSignIn") value=(person.signIn())!""/>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="personGroups" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalVendorExplainGroups")}</span></label>
                    <span class="${properties.kcInputClass!}"><textarea id="personGroups" name="personGroups" rows="3" aria-describedby="personGroups-help">${(person.groups())!""}</textarea></span>
                    <p id="personGroups-help" class="${properties.kcInputHelperTextItemTextClass!}">${msg("companySsoPortalVendorExplainGroupsHelp")}</p>
                </div>
                <button type="submit" class="${properties.kcButtonSecondaryClass!}">${msg("companySsoPortalVendorExplainButton")}</button>
            </form>
            <#if person??>
                <div id="csso-person" role="status">
                    <#if person.problem()??>
                        <p data-answer="none">${msg(person.problem().key(), person.problem().about())}</p>
                    </#if>
                    <#list person.answers() as answer>
                        <div data-sign-in="${answer.identityProvider()}">
                            <h3 class="pf-v5-c-title pf-m-md">${answer.identityProvider()}</h3>
                            <p data-groups-from="${answer.groupsFrom()}">${msg("companySsoPortalVendorGroupsFrom." + answer.groupsFrom(), answer.user(), answer.groups()?join(", "))}</p>
                            <#if !answer.tables()?has_content><p>${msg("companySsoPortalVendorNoTables")}</p></#if>
                            <#list answer.tables() as table>
                                <h4 class="pf-v5-c-title pf-m-md">${table.table()} (${msg("companySsoPortalMappingTable." + table.kind())})</h4>
                                <@csso.grants id="csso-person-${answer.identityProvider()}-${table.kind()}" grants=table.grants()/>
                                <#if table.gives()?has_content><p data-gives="${table.gives()?join(",")}">${msg("companySsoPortalVendorGives", table.gives()?join(", "))}</p></#if>
                                <#if table.takes()?has_content><p data-takes="${table.takes()?join(",")}">${msg("companySsoPortalVendorTakes", table.takes()?join(", "))}</p></#if>
                                <#if table.skippedRows()?has_content><p>${msg("companySsoPortalVendorSkippedRows", table.skippedRows()?join(", "))}</p></#if>
                            </#list>
                        </div>
                    </#list>
                </div>
            </#if>
        </section>
        </#if>
    <#elseif section = "info">
        <span id="csso-vendor-staff">${msg(manages?then("companySsoPortalVendorSignedInAs", "companySsoPortalVendorSignedInViewOnly"), staff)}</span>
    </#if>
</@layout.registrationLayout>
