import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newClient, rejection, assertErrorResponse, signedUpClient } from '../support/helpers.js';
import { waitForMail } from '../support/outbox.js';

test('email OTP: the code from the mail signs in, a wrong one is invalid-otp', async () => {
  const { email } = await signedUpClient();
  const nhost = newClient();
  const sent = await nhost.auth.signInOTPEmail({ email });
  assert.equal(sent.body, 'OK');
  const otp = await waitForMail(email, /sign in to [^\n]* is:\s*(\d{6})/);

  const wrong = await rejection(() => newClient().auth.verifySignInOTPEmail({ email, otp: otp === '000000' ? '111111' : '000000' }));
  assertErrorResponse(assert, wrong, 401, 'invalid-otp');

  const { body } = await nhost.auth.verifySignInOTPEmail({ email, otp });
  assert.equal(body.session.user.email, email);
  assert.ok(nhost.getUserSession(), 'the SDK keeps the session');
});

test('password reset: the emailed /v1/verify link hands the app a passwordReset ticket that sets the new password', async () => {
  const { email } = await signedUpClient();
  const nhost = newClient();
  assert.equal((await nhost.auth.sendPasswordResetEmail({ email })).body, 'OK');
  const link = await waitForMail(email, /(https?:\/\/[^\s"<>]+\/v1\/verify\?ticket=passwordReset[^\s"<>]+)/);
  // The app receives the ticket in the redirect of /v1/verify (a reset link does not sign in).
  const landing = await fetch(link, { redirect: 'manual' });
  const token = new URL(landing.headers.get('location')).searchParams.get('ticket').slice('passwordReset:'.length);
  const newPassword = 'amber-Quarry-57-silent-Meadow';
  assert.equal((await nhost.auth.changeUserPassword({ newPassword, ticket: `passwordReset:${token}` })).body, 'OK');
  const { body } = await newClient().auth.signInEmailPassword({ email, password: newPassword });
  assert.equal(body.session.user.email, email);
  const reused = await rejection(() => newClient().auth.changeUserPassword({ newPassword, ticket: `passwordReset:${token}` }));
  assertErrorResponse(assert, reused, 401, 'invalid-ticket');
});
