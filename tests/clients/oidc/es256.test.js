// ES256 id tokens on request: a client registered with id_token_signed_response_alg ES256 receives id tokens
// signed with the ES256 id key published in JWKS, and openid-client checks them (alg and signature).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as client from 'openid-client';
import { Browser, ISSUER, REDIRECT_URI, registerUser } from './helpers.js';

test('ES256 id token for a client that registered id_token_signed_response_alg ES256', async () => {
  const discovered = await (await fetch(new URL('/.well-known/openid-configuration', ISSUER))).json();
  assert.deepEqual(discovered.id_token_signing_alg_values_supported, ['RS256', 'ES256']);

  const config = await client.dynamicClientRegistration(new URL(ISSUER), {
    client_name: 'ES256 RP',
    redirect_uris: [REDIRECT_URI],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'ES256',
  }, client.ClientSecretBasic(), { execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks] });
  assert.equal(config.clientMetadata().id_token_signed_response_alg, 'ES256');

  const email = await registerUser();
  const browser = new Browser();
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  let page = await browser.follow(client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI, scope: 'openid email', code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256', state: 'es', nonce,
  }));
  page = await browser.signIn(page, email);
  assert.equal(page.url.pathname, '/consent');
  const landed = await browser.submit(await page.response.text(), { decision: 'approve' });
  // openid-client refuses an id token whose alg differs from the registered one, and (non-repudiation
  // checks on) verifies its signature with the key JWKS publishes for its kid.
  const tokens = await client.authorizationCodeGrant(config, landed.url,
    { pkceCodeVerifier: verifier, expectedState: 'es', expectedNonce: nonce, idTokenExpected: true });

  const header = JSON.parse(Buffer.from(tokens.id_token.split('.')[0], 'base64url'));
  assert.equal(header.alg, 'ES256');
  const jwks = await (await fetch(new URL('/.well-known/jwks.json', ISSUER))).json();
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  assert.equal(jwk?.kty, 'EC');
  assert.equal(jwk?.crv, 'P-256');
  assert.equal(tokens.claims().aud, config.clientMetadata().client_id);
});
