import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newClient, newEmail, password, rejection, assertErrorResponse, signedUpClient } from '../support/helpers.js';

const claimsKey = 'https://hasura.io/jwt/claims';

test('sign-up returns a session the SDK stores, with Hasura claims', async () => {
  const nhost = newClient();
  const email = newEmail();
  const { body } = await nhost.auth.signUpEmailPassword({
    email, password, options: { displayName: 'Ada Lovelace', locale: 'en', metadata: { team: 'engines' }, allowedRoles: ['user'], defaultRole: 'user' },
  });
  assert.equal(body.session.user.email, email);
  assert.equal(body.session.user.displayName, 'Ada Lovelace');
  assert.deepEqual(body.session.user.metadata, { team: 'engines' });
  assert.deepEqual(body.session.user.roles, ['user']);

  const session = nhost.getUserSession();
  assert.ok(session, 'the SDK keeps the session');
  const claims = session.decodedToken[claimsKey];
  assert.deepEqual(claims['x-hasura-allowed-roles'], ['user']);
  assert.equal(claims['x-hasura-default-role'], 'user');
  assert.equal(claims['x-hasura-user-id'], body.session.user.id);
  assert.equal(claims['x-hasura-user-is-anonymous'], 'false');
  assert.equal(session.decodedToken.sub, body.session.user.id);
});

test('sign-up with a taken email or a role beyond the allowed ones fails in the spec shape', async () => {
  const { email } = await signedUpClient();
  const taken = await rejection(() => newClient().auth.signUpEmailPassword({ email, password }));
  assertErrorResponse(assert, taken, 409, 'email-already-in-use');

  const role = await rejection(() => newClient().auth.signUpEmailPassword({ email: newEmail(), password, options: { allowedRoles: ['admin'] } }));
  assertErrorResponse(assert, role, 400, 'role-not-allowed');

  const weak = await rejection(() => newClient().auth.signUpEmailPassword({ email: newEmail(), password: 'abc' }));
  assertErrorResponse(assert, weak, 400, 'password-too-short');
});

test('sign-in, user, verify, refresh', async () => {
  const { email } = await signedUpClient();
  const nhost = newClient();
  const { body } = await nhost.auth.signInEmailPassword({ email, password });
  assert.ok(body.session.accessToken);

  const user = await nhost.auth.getUser();
  assert.equal(user.body.email, email);

  const verified = await nhost.auth.verifyToken({ token: body.session.accessToken });
  assert.equal(verified.body, 'OK');

  const before = nhost.getUserSession();
  const refreshed = await nhost.refreshSession(24 * 3600); // a margin beyond the token's life forces a refresh
  assert.ok(refreshed);
  assert.notEqual(refreshed.refreshToken, before.refreshToken, 'the refresh token rotates');
  assert.equal(refreshed.user.email, email);

  // The rotated-away token no longer works once the grace window is over is proven in the .NET suite;
  // here: the new one works.
  const again = await nhost.auth.refreshToken({ refreshToken: refreshed.refreshToken });
  assert.ok(again.body.accessToken);
});

test('wrong password is 401 invalid-email-password', async () => {
  const { email } = await signedUpClient();
  const error = await rejection(() => newClient().auth.signInEmailPassword({ email, password: 'not-the-password-at-all' }));
  assertErrorResponse(assert, error, 401, 'invalid-email-password');
});

test('password change: the new password signs in, the old one does not', async () => {
  const { nhost, email } = await signedUpClient();
  const newPassword = 'amber-Quarry-57-silent-Meadow';
  const changed = await nhost.auth.changeUserPassword({ newPassword });
  assert.equal(changed.body, 'OK');

  await newClient().auth.signInEmailPassword({ email, password: newPassword });
  const old = await rejection(() => newClient().auth.signInEmailPassword({ email, password }));
  assertErrorResponse(assert, old, 401, 'invalid-email-password');
});

test('sign-out ends the session: its refresh token stops working', async () => {
  const { nhost } = await signedUpClient();
  const { refreshToken } = nhost.getUserSession();
  const out = await nhost.auth.signOut({ refreshToken });
  assert.equal(out.body, 'OK');
  const error = await rejection(() => newClient().auth.refreshToken({ refreshToken }));
  assertErrorResponse(assert, error, 401, 'invalid-refresh-token');
});

test('sign-out everywhere ends every session of the user', async () => {
  const { nhost, email } = await signedUpClient();
  const other = newClient();
  await other.auth.signInEmailPassword({ email, password });
  await nhost.auth.signOut({ all: true });
  const error = await rejection(() => newClient().auth.refreshToken({ refreshToken: other.getUserSession().refreshToken }));
  assertErrorResponse(assert, error, 401, 'invalid-refresh-token');
});
