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

// A page about work under way (data-csso-refresh = seconds, data-csso-refresh-url = the page to
// read again, never a form's answer) reloads until the work is done; the server renders the element
// only while it is, so the reloading stops by itself.
const pending = document.querySelector("[data-csso-refresh]");
if (pending) {
  setTimeout(
    () => window.location.assign(pending.dataset.cssoRefreshUrl),
    Number(pending.dataset.cssoRefresh) * 1000,
  );
}
