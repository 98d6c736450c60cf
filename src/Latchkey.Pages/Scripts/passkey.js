// The account console's "add a passkey" step, loaded by CSP nonce (no inline script anywhere). The server rendered
// the creation options (data-options) and the ceremony's ticket; this script only asks the browser to create the
// credential and puts its JSON in the form, which posts it with the page's antiforgery token. Without script, or
// without WebAuthn, the form stays hidden and the page's explanation stays visible.
'use strict';
(() => {
  const form = document.getElementById('passkey-create');
  if (!form || !window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) return;
  const status = document.getElementById('passkey-create-status');
  const button = document.getElementById('passkey-create-button');
  document.getElementById('passkey-no-script').hidden = true;
  form.hidden = false;
  form.addEventListener('submit', async event => {
    if (form.elements.credential.value) return; // the credential is in: let the form post
    event.preventDefault();
    button.disabled = true;
    status.hidden = true;
    try {
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(form.dataset.options));
      const credential = await navigator.credentials.create({ publicKey });
      form.elements.credential.value = JSON.stringify(credential.toJSON());
      form.submit();
    } catch {
      status.textContent = 'The passkey was not created (cancelled, timed out, or already on this device). Try again, or cancel.';
      status.hidden = false;
      button.disabled = false;
    }
  });
})();
