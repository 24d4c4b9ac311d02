<#-- A value to paste elsewhere (into the IdP, into a message to a customer), with a copy button that names it. -->
<#macro copyValue name label value>
    <div class="${properties.kcFormGroupClass!} csso-copy">
        <label for="csso-value-${name}" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${label}</span></label>
        <div class="${properties.kcInputGroup!}">
            <div class="${properties.kcInputGroupItemClass!} ${properties.kcFill!}">
                <span class="${properties.kcInputClass!} ${properties.kcFormReadOnlyClass!}">
                    <input id="csso-value-${name}" type="text" readonly value="${value}"/>
                </span>
            </div>
            <div class="${properties.kcInputGroupItemClass!}">
                <button type="button" class="${properties.kcFormPasswordVisibilityButtonClass!}" data-csso-copy="csso-value-${name}"
                        aria-label="${msg("companySsoPortalCopy", label)}" id="csso-copy-${name}">
                    <i class="${properties.kcCopyIconClass!}" aria-hidden="true"></i>
                </button>
            </div>
        </div>
    </div>
</#macro>
<#-- Who is visiting: until when their setup link works, or the Owner signed in. -->
<#macro visitor>
    <#if portal.linkExpires()??>
        <span id="csso-portal-link-expiry">${msg("companySsoPortalLinkValidUntil", portal.linkExpires())}</span>
    <#else>
        <span id="csso-portal-owner">${msg("companySsoPortalSignedInAs", portal.owner())}</span>
    </#if>
</#macro>
<#-- Form fields of the portal's forms: they read the page's "form" (value, hasError, error, isErrorKey). -->
<#-- A problem: the portal's message key, or the provider type's words, shown as they are. -->
<#macro errorText name><#if form.isErrorKey(name)>${msg(form.error(name))}<#else>${form.error(name)}</#if></#macro>
<#macro formError name>
    <#if form.hasError(name)>
        <div class="${properties.kcFormHelperTextClass!}" aria-live="polite">
            <div class="${properties.kcInputHelperTextClass!}">
                <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-${name}">
                    <span class="${properties.kcInputErrorMessageClass!}"><@errorText name=name/></span>
                </div>
            </div>
        </div>
    </#if>
</#macro>
<#macro textField name label help="" required=false>
    <div class="${properties.kcFormGroupClass!}">
        <label for="${name}" class="${properties.kcFormLabelClass!}">
            <span class="${properties.kcFormLabelTextClass!}">${label}</span>
            <#if required><span class="${properties.kcInputRequiredClass!}" aria-hidden="true">&#42;</span></#if>
        </label>
        <span class="${properties.kcInputClass!} <#if form.hasError(name)>${properties.kcError!}</#if>">
            <input id="${name}" name="${name}" type="text" value="${form.value(name)}" autocomplete="off"
                   <#if required>aria-required="true"</#if>
                   aria-describedby="<#if help?has_content>${name}-help</#if><#if form.hasError(name)> input-error-${name}</#if>"
                   <#if form.hasError(name)>aria-invalid="true"</#if>/>
        </span>
        <#if help?has_content><p id="${name}-help" class="${properties.kcInputHelperTextItemTextClass!}">${help}</p></#if>
        <@formError name=name/>
    </div>
</#macro>
<#-- A secret: never shown again; the help says whether one is saved (an empty field keeps it). -->
<#macro secretField name label help="">
    <div class="${properties.kcFormGroupClass!}">
        <label for="${name}" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${label}</span></label>
        <span class="${properties.kcInputClass!} <#if form.hasError(name)>${properties.kcError!}</#if>">
            <input id="${name}" name="${name}" type="password" value="" autocomplete="off"
                   aria-describedby="${name}-help<#if form.hasError(name)> input-error-${name}</#if>"
                   <#if form.hasError(name)>aria-invalid="true"</#if>/>
        </span>
        <p id="${name}-help" class="${properties.kcInputHelperTextItemTextClass!}"><#if form.isSecretSaved(name)>${msg("companySsoPortalSecretSaved")} </#if>${help}</p>
        <@formError name=name/>
    </div>
</#macro>
<#-- One of a few options. -->
<#macro choiceField name label options help="">
    <div class="${properties.kcFormGroupClass!}">
        <label for="${name}" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${label}</span></label>
        <span class="${properties.kcInputClass!} <#if form.hasError(name)>${properties.kcError!}</#if>">
            <select id="${name}" name="${name}" aria-describedby="<#if help?has_content>${name}-help</#if><#if form.hasError(name)> input-error-${name}</#if>">
                <#list options as option><option value="${option.value}" <#if form.value(name) == option.value>selected</#if>>${option.label}</option></#list>
            </select>
        </span>
        <#if help?has_content><p id="${name}-help" class="${properties.kcInputHelperTextItemTextClass!}">${help}</p></#if>
        <@formError name=name/>
    </div>
</#macro>
<#-- Any of several options. -->
<#macro checkboxesField name label options help="">
    <fieldset class="${properties.kcFormGroupClass!} csso-checkboxes" aria-describedby="<#if help?has_content>${name}-help</#if><#if form.hasError(name)> input-error-${name}</#if>">
        <legend class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${label}</span></legend>
        <#list options as option>
            <label class="csso-checkbox"><input type="checkbox" name="${name}" value="${option}" <#if form.selected(name, option)>checked</#if>/> ${option}</label>
        </#list>
        <#if help?has_content><p id="${name}-help" class="${properties.kcInputHelperTextItemTextClass!}">${help}</p></#if>
        <@formError name=name/>
    </fieldset>
</#macro>
<#-- A company's directory sync: last run, last complete run, lagging (a DirectorySyncView). -->
<#macro directorySync sync><#if sync.outcome()??>${msg("companySsoPortalHealthDirectory", msg("companySsoPortalHealthDirectoryOutcome." + sync.outcome()), sync.finished(), sync.lastCompleted()!msg("companySsoPortalVendorNever"))}<#else>${msg("companySsoPortalDirectoryNever")}</#if><#if sync.lagging()> <strong class="csso-check-failed">${msg("companySsoPortalHealthDirectoryLagging")}</strong></#if></#macro>
<#-- Each role or team a person's groups earn, and the rules that grant it (TablePreview.Grant). -->
<#macro grants id grants>
    <#if grants?has_content>
        <ul id="${id}" class="csso-failures">
            <#list grants as grant>
                <li data-target="${grant.target()}"><strong>${grant.target()}</strong> ← <#list grant.reasons() as reason>${msg("companySsoPortalMappingBecause", reason.rule()?c, reason.pattern(), reason.matched()?join(", "))}<#sep>; </#list><#if !grant.held()> ${msg("companySsoPortalMappingNextSignIn")}</#if></li>
            </#list>
        </ul>
    <#else>
        <p>${msg("companySsoPortalMappingNoGrants")}</p>
    </#if>
</#macro>
