<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: company-sso-portal-message.ftl -->
    <#if section = "header">
        ${msg(portalTitle)}
    <#elseif section = "form">
        <div id="csso-portal-message"></div>
    </#if>
</@layout.registrationLayout>
