import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newClient, newEmail, password, rejection, assertErrorResponse, signedUpClient } from '../support/helpers.js';
import { waitForMail } from '../support/outbox.js';
import { totp } from '../support/totp.js';

/** The /v1/verify link of a mail, for one ticket kind (a sign-up's verification mail has one too). */
const verifyLink = (prefix) => new RegExp(`(https?://[^\\s"<>]+/v1/verify\\?ticket=${prefix}[^\\s"<>]+)`);

/** Opens an emailed /v1/verify link as a browser would, without following the redirect; returns the redirect URL. */
async function openLink(link) {
  const response = await fetch(link, { redirect: 'manual' });
  assert.equal(response.status, 302);
  return new URL(response.headers.get('location'));
}

test('TOTP: generate, activate, then sign-in answers an mfaTotp ticket that a code completes', async () => {
  const { nhost, email } = await signedUpClient();
  const generated = await nhost.auth.changeUserMfa();
  assert.match(generated.body.imageUrl, /^data:image\/png;base64,/);
  const secret = generated.body.totpSecret;
  assert.equal((await nhost.auth.verifyChangeUserMfa({ code: totp(secret), activeMfaType: 'totp' })).body, 'OK');

  const app = newClient();
  const { body } = await app.auth.signInEmailPassword({ email, password });
  assert.equal(body.session, undefined, 'no session before the second factor');
  assert.match(body.mfa.ticket, /^mfaTotp:/);

  const wrong = await rejection(() => app.auth.verifySignInMfaTotp({ ticket: body.mfa.ticket, otp: totp(secret, 1) === '000000' ? '111111' : '000000' }));
  assertErrorResponse(assert, wrong, 401, 'invalid-totp');

  // The activation used this time step; each step is accepted once, so the next one signs in.
  const signedIn = await app.auth.verifySignInMfaTotp({ ticket: body.mfa.ticket, otp: totp(secret, 1) });
  assert.equal(signedIn.body.session.user.email, email);
  assert.equal(signedIn.body.session.user.activeMfaType, 'totp');
  assert.ok(app.getUserSession(), 'the SDK keeps the session');

  const reused = await rejection(() => newClient().auth.verifySignInMfaTotp({ ticket: body.mfa.ticket, otp: totp(secret, 1) }));
  assertErrorResponse(assert, reused, 401, 'invalid-ticket');
});

test('magic link: the emailed /v1/verify link redirects with a refresh token the SDK turns into a session', async () => {
  const email = newEmail('magic');
  const nhost = newClient();
  assert.equal((await nhost.auth.signInPasswordlessEmail({ email })).body, 'OK');
  const link = await waitForMail(email, verifyLink('passwordlessEmail'));
  const ticket = new URL(link).searchParams.get('ticket');
  assert.match(ticket, /^passwordlessEmail:/);

  const landing = await openLink(link);
  assert.equal(landing.searchParams.get('type'), 'signinPasswordless');
  const { body } = await nhost.auth.refreshToken({ refreshToken: landing.searchParams.get('refreshToken') });
  assert.equal(body.user.email, email);

  // The SDK's own verify URL for the same (now used) ticket lands on the app with the error.
  const again = await openLink(nhost.auth.verifyTicketURL({ ticket, redirectTo: landing.origin + landing.pathname }));
  assert.equal(again.searchParams.get('error'), 'invalid-ticket');
  assert.equal(again.searchParams.get('refreshToken'), null);
});

test('email change: the link mailed to the new address switches it', async () => {
  const { nhost } = await signedUpClient();
  const newAddress = newEmail('changed');
  assert.equal((await nhost.auth.changeUserEmail({ newEmail: newAddress })).body, 'OK');
  const landing = await openLink(await waitForMail(newAddress, verifyLink('emailConfirmChange')));
  assert.equal(landing.searchParams.get('type'), 'emailConfirmChange');
  assert.equal((await nhost.auth.getUser()).body.email, newAddress);

  const bad = await rejection(() => nhost.auth.changeUserEmail({ newEmail: 'not-an-email' }));
  assertErrorResponse(assert, bad, 400, 'invalid-request');
});
