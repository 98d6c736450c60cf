import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newClient, newEmail, rejection, assertErrorResponse, signedUpClient } from '../support/helpers.js';
import { SoftwareAuthenticator } from '../support/authenticator.js';

const claimsKey = 'https://hasura.io/jwt/claims';
const elevatedClaim = 'x-hasura-auth-elevated';
const inAWeek = () => new Date(Date.now() + 7 * 86400000).toISOString();

test('sign up with a security key, sign in with it, and elevate to create a PAT', async () => {
  const key = new SoftwareAuthenticator(baseUrl);
  const nhost = newClient();
  const email = newEmail('webauthn');
  const { body: creation } = await nhost.auth.signUpWebauthn({ email, options: { displayName: 'Ada' } });
  assert.equal(creation.user.name, email);
  await nhost.auth.verifySignUpWebauthn({ credential: key.create(creation), options: { displayName: 'Ada' }, nickname: 'Laptop' });
  const session = nhost.getUserSession();
  assert.equal(session.user.email, email);
  assert.equal(session.user.displayName, 'Ada');
  assert.equal(session.decodedToken[claimsKey][elevatedClaim], undefined);

  // A security-key holder creates PATs only with an elevated token.
  const refused = await rejection(() => nhost.auth.createPAT({ expiresAt: inAWeek() }));
  assertErrorResponse(assert, refused, 401, 'invalid-request');

  const { body: request } = await nhost.auth.elevateWebauthn();
  const { body: elevated } = await nhost.auth.verifyElevateWebauthn({ credential: key.get(request) });
  // The SDK stores sessions only from /signin, /signup and /token answers: the app keeps the elevated one.
  nhost.sessionStorage.set(elevated.session);
  assert.equal(nhost.getUserSession().decodedToken[claimsKey][elevatedClaim], session.user.id);
  const pat = await nhost.auth.createPAT({ expiresAt: inAWeek(), metadata: { name: 'ci' } });
  assert.ok(pat.body.personalAccessToken);

  const other = newClient();
  const { body: options } = await other.auth.signInWebauthn({ email });
  await other.auth.verifySignInWebauthn({ credential: key.get(options) });
  assert.equal(other.getUserSession().user.id, session.user.id);
});

test('add a security key to a password account; an assertion is accepted once', async () => {
  const { nhost, email } = await signedUpClient();
  const key = new SoftwareAuthenticator(baseUrl);
  const { body: creation } = await nhost.auth.addSecurityKey();
  const added = await nhost.auth.verifyAddSecurityKey({ credential: key.create(creation), nickname: 'Desk key' });
  assert.ok(added.body.id);
  assert.equal(added.body.nickname, 'Desk key');

  const client = newClient();
  const { body: options } = await client.auth.signInWebauthn();
  const credential = key.get(options);
  const { body } = await client.auth.verifySignInWebauthn({ credential });
  assert.equal(body.session.user.email, email);

  const replayed = await rejection(() => newClient().auth.verifySignInWebauthn({ credential }));
  assertErrorResponse(assert, replayed, 401, 'invalid-ticket');
});

test('a credential made for another origin is refused', async () => {
  const nhost = newClient();
  const phishing = new SoftwareAuthenticator('https://login.evil.example');
  const { body: creation } = await nhost.auth.signUpWebauthn({ email: newEmail('phished') });
  const refused = await rejection(() => nhost.auth.verifySignUpWebauthn({ credential: phishing.create(creation) }));
  assertErrorResponse(assert, refused, 400, 'invalid-request');
  assert.equal(nhost.getUserSession(), null);
});
