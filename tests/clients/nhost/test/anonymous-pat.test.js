import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newClient, newEmail, password, rejection, assertErrorResponse, signedUpClient } from '../support/helpers.js';

const claimsKey = 'https://hasura.io/jwt/claims';

test('anonymous sign-in, then deanonymize with email and password', async () => {
  const nhost = newClient();
  const { body } = await nhost.auth.signInAnonymous({ displayName: 'Guest', locale: 'en' });
  assert.equal(body.session.user.isAnonymous, true);
  assert.equal(body.session.user.email, undefined);
  const claims = nhost.getUserSession().decodedToken[claimsKey];
  assert.equal(claims['x-hasura-user-is-anonymous'], 'true');
  assert.deepEqual(claims['x-hasura-allowed-roles'], ['anonymous']);

  // A guest cannot mint long-lived credentials.
  const pat = await rejection(() => nhost.auth.createPAT({ expiresAt: new Date(Date.now() + 86400000).toISOString() }));
  assertErrorResponse(assert, pat, 403, 'forbidden-anonymous');

  const email = newEmail('guest');
  const done = await nhost.auth.deanonymizeUser({ signInMethod: 'email-password', email, password });
  assert.equal(done.body, 'OK');

  await nhost.refreshSession(24 * 3600);
  const refreshed = nhost.getUserSession();
  assert.equal(refreshed.decodedToken[claimsKey]['x-hasura-user-is-anonymous'], 'false');
  assert.deepEqual(refreshed.decodedToken[claimsKey]['x-hasura-allowed-roles'], ['user', 'me']);
  assert.equal(refreshed.user.email, email);

  const again = await rejection(() => nhost.auth.deanonymizeUser({ signInMethod: 'email-password', email: newEmail(), password }));
  assertErrorResponse(assert, again, 400, 'user-not-anonymous');

  const signedIn = await newClient().auth.signInEmailPassword({ email, password });
  assert.equal(signedIn.body.session.user.id, body.session.user.id, 'the account keeps its id');
});

test('personal access token: create, then sign in with it', async () => {
  const { nhost, email } = await signedUpClient();
  const created = await nhost.auth.createPAT({
    expiresAt: new Date(Date.now() + 7 * 86400000).toISOString(),
    metadata: { name: 'ci', 'used-by': 'sdk-test' },
  });
  assert.ok(created.body.id);
  assert.ok(created.body.personalAccessToken);

  const client = newClient();
  const { body } = await client.auth.signInPAT({ personalAccessToken: created.body.personalAccessToken });
  assert.equal(body.session.user.email, email);
  assert.ok(client.getUserSession());

  const wrong = await rejection(() => newClient().auth.signInPAT({ personalAccessToken: 'sk_live_' + 'x'.repeat(40) }));
  assertErrorResponse(assert, wrong, 401, 'invalid-pat');
});

test('system endpoints: health, version, JWKS', async () => {
  const nhost = newClient();
  const health = await nhost.auth.healthCheckGet();
  assert.equal(health.body, 'OK');
  const version = await nhost.auth.getVersion();
  assert.equal(typeof version.body.version, 'string');
  const jwks = await nhost.auth.getJWKs();
  assert.ok(jwks.body.keys.length >= 1);
  for (const key of jwks.body.keys) assert.deepEqual(Object.keys(key).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
});
