// Copy buttons of the Company SSO portal: each names the value it copies (data-csso-copy = the id
// of its read-only field); the result is announced in the page's polite live region.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-csso-copy]");
  if (!button) {
    return;
  }
  const field = document.getElementById(button.dataset.cssoCopy);
  const status = document.getElementById("csso-copy-status");
  try {
    await navigator.clipboard.writeText(field.value);
  } catch (e) {
    // Without clipboard access (an insecure origin, a refused permission) select the text instead.
    field.focus();
    field.select();
    return;
  }
  if (status) {
    status.textContent = "";
    status.textContent = status.dataset.copied;
  }
});
