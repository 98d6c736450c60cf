// The hosted sign-in page's script, loaded by CSP nonce (no inline script anywhere).
// - passkey sign-in: the Platform passkey endpoints set the session cookie, then the browser goes back to return_url;
// - social sign-in: the Platform initiate endpoint, returning to /login?social=1 (a fixed, allow-listed URL),
//   with the authorize request's return URL kept in sessionStorage for the way back;
// - the social return: a challenge token from the URL fragment resumes the second-factor step.
// The script never judges a return URL itself: it follows only what the server rendered after its own check
// (data-return-url), and hands anything it kept in sessionStorage back to the server (/login/continue, or the
// second-factor form), which applies the same one rule (LocalReturnUrl) before redirecting.
'use strict';
(() => {
  const storageKey = 'latchkey.return_url';
  const kept = () => { const url = sessionStorage.getItem(storageKey) || ''; sessionStorage.removeItem(storageKey); return url; };

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    return { ok: response.ok, body: await response.json().catch(() => ({})) };
  }

  function initSignIn(area) {
    const status = document.getElementById('alternatives-status');
    const report = message => { status.textContent = message; status.hidden = false; };
    const passkey = document.getElementById('passkey-sign-in');
    if (window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON) {
      passkey.addEventListener('click', async () => {
        passkey.disabled = true;
        try {
          const options = await post('/api/auth/passkey/authenticate-options', {});
          if (!options.ok) return report(options.body.error || 'Passkey sign-in is unavailable.');
          const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.body.options) });
          const verified = await post('/api/auth/passkey/authenticate-verify', { challengeToken: options.body.challengeToken, credential: credential.toJSON() });
          if (verified.ok) return location.assign(area.dataset.returnUrl);
          report(verified.body.error || 'This passkey was not accepted.');
        } catch {
          report('Passkey sign-in was cancelled or failed. Try again or use your password.');
        } finally {
          passkey.disabled = false;
        }
      });
    } else {
      passkey.hidden = true;
    }
    for (const button of area.querySelectorAll('button[data-provider]')) {
      button.addEventListener('click', async () => {
        const started = await post('/api/auth/oauth/initiate', { provider: button.dataset.provider, redirectTo: area.dataset.socialReturn });
        if (!started.ok) return report(started.body.error || 'This sign-in method is unavailable.');
        sessionStorage.setItem(storageKey, area.dataset.returnUrl);
        location.assign(started.body.url);
      });
    }
    area.hidden = false;
  }

  function resumeSecondFactor(form) {
    const token = new URLSearchParams(location.hash.slice(1)).get('challengeToken');
    history.replaceState(null, '', location.pathname + location.search); // the token leaves the address bar
    if (!token) return;
    form.elements.challenge.value = token;
    form.elements.return_url.value = kept();
    form.submit();
  }

  const area = document.getElementById('alternatives');
  if (area) initSignIn(area);
  const resume = document.getElementById('resume-second-factor');
  if (resume) resumeSecondFactor(resume);
  if (document.getElementById('social-done')) location.replace('/login/continue?to=' + encodeURIComponent(kept()));
})();
