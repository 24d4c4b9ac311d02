<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
<!-- template: company-chooser.ftl -->
    <#if section = "header">
        ${msg("companySsoChooserTitle")}
    <#elseif section = "form">
        <form id="kc-company-sso-chooser" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <ul class="${properties.kcFormSocialAccountListClass!}" role="list">
                <#list companyProviders as provider>
                    <li>
                        <button id="company-sso-${provider.alias}" name="identityProvider" value="${provider.alias}" type="submit"
                                class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcMarginTopClass!}">
                            ${provider.displayName}
                        </button>
                    </li>
                </#list>
            </ul>
        </form>
        <div id="kc-company-sso-back" class="${properties.kcFormGroupClass!}">
            <a href="${url.loginRestartFlowUrl}">${msg("companySsoBackToLogin")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
