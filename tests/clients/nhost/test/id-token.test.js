// Sign-in with an ID token (Google-shaped, signed by a key this test publishes as "google"'s JWKS),
// linking one to a signed-in user, and the provider-redirect URL the SDK builds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { newClient, newEmail, rejection, assertErrorResponse, signedUpClient } from '../support/helpers.js';

// scripts/test.sh configures Latchkey:Social:Providers:google with JwksUri http://127.0.0.1:<this port>/jwks.
const jwksPort = Number(process.env.LATCHKEY_NHOST_JWKS_PORT);
const audience = process.env.LATCHKEY_NHOST_GOOGLE_CLIENT_ID;
const appRedirect = process.env.LATCHKEY_NHOST_SOCIAL_REDIRECT;
if (!jwksPort || !audience || !appRedirect) throw new Error('LATCHKEY_NHOST_JWKS_PORT, _GOOGLE_CLIENT_ID and _SOCIAL_REDIRECT must be set (scripts/test.sh)');

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = 'sdk-test-key';
let jwks;

before(async () => {
  jwks = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] }));
  });
  await new Promise((resolve) => jwks.listen(jwksPort, '127.0.0.1', resolve));
});

after(() => jwks.close());

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

function idToken(claims) {
  const now = Math.floor(Date.now() / 1000);
  const body = { iss: 'https://accounts.google.com', aud: audience, iat: now, exp: now + 600, email_verified: true, ...claims };
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(body)}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

test('signInIdToken signs in (and up, with the options) and a second sign-in finds the same user', async () => {
  const [sub, email, nonce] = [randomUUID(), newEmail('google'), randomUUID()];
  const nhost = newClient();
  const { body } = await nhost.auth.signInIdToken({
    provider: 'google', idToken: idToken({ sub, email, nonce }), nonce, options: { displayName: 'Ada', locale: 'en' },
  });
  assert.equal(body.session.user.email, email);
  assert.equal(body.session.user.displayName, 'Ada');
  assert.equal(nhost.getUserSession().user.id, body.session.user.id);

  const again = await newClient().auth.signInIdToken({ provider: 'google', idToken: idToken({ sub, email, nonce }), nonce });
  assert.equal(again.body.session.user.id, body.session.user.id);
});

test('signInIdToken refuses a token for another audience or nonce', async () => {
  const nhost = newClient();
  const [sub, email] = [randomUUID(), newEmail('bad')];
  const audienceError = await rejection(() => nhost.auth.signInIdToken({ provider: 'google', idToken: idToken({ sub, email, aud: 'someone-else', nonce: 'n' }), nonce: 'n' }));
  assertErrorResponse(assert, audienceError, 401, 'invalid-request');
  const nonceError = await rejection(() => nhost.auth.signInIdToken({ provider: 'google', idToken: idToken({ sub, email, nonce: 'n' }), nonce: 'other' }));
  assertErrorResponse(assert, nonceError, 401, 'invalid-request');
  assert.equal(nhost.getUserSession(), null);
});

test('linkIdToken connects the identity to the signed-in user', async () => {
  const { nhost } = await signedUpClient();
  const sub = randomUUID();
  const linked = await nhost.auth.linkIdToken({ provider: 'google', idToken: idToken({ sub, email: newEmail('link'), nonce: 'n' }), nonce: 'n' });
  assert.equal(linked.body, 'OK');

  const other = await signedUpClient();
  const taken = await rejection(() => other.nhost.auth.linkIdToken({ provider: 'google', idToken: idToken({ sub, email: newEmail('x'), nonce: 'n' }), nonce: 'n' }));
  assertErrorResponse(assert, taken, 409, 'invalid-request');

  const signIn = await newClient().auth.signInIdToken({ provider: 'google', idToken: idToken({ sub, email: newEmail('y'), nonce: 'n' }), nonce: 'n' });
  assert.equal(signIn.body.session.user.id, nhost.getUserSession().user.id);
});

test('signInProviderURL: the SDK-encoded options are accepted and the browser is sent to the provider', async () => {
  const nhost = newClient();
  const url = nhost.auth.signInProviderURL('google', {
    redirectTo: appRedirect, allowedRoles: ['user', 'me'], defaultRole: 'user', locale: 'en', metadata: { plan: 'pro' }, displayName: 'Ada',
  });
  const response = await fetch(url, { redirect: 'manual' });
  assert.equal(response.status, 302);
  const location = new URL(response.headers.get('location'));
  assert.equal(location.searchParams.get('client_id'), audience);
  assert.match(location.searchParams.get('redirect_uri'), /\/v1\/signin\/provider\/google\/callback$/);
  assert.equal(location.searchParams.get('code_challenge_method'), 'S256');

  const refused = await fetch(nhost.auth.signInProviderURL('google', { redirectTo: 'https://evil.example/' }), { redirect: 'manual' });
  assert.equal(refused.status, 400);
  assert.equal((await refused.json()).error, 'redirectTo-not-allowed');
});
