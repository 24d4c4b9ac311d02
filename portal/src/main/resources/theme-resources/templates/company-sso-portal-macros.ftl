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
