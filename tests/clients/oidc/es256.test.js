// ES256 id tokens on request: a client registered with id_token_signed_response_alg ES256 receives id tokens
// signed with the ES256 id key published in JWKS, and openid-client checks them (alg and signature).
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { test } from 'node:test';
import * as client from 'openid-client';
import { backChannelReceiver, Browser, configure, createClient, ISSUER, POST_LOGOUT_URI, REDIRECT_URI, registerUser } from './helpers.js';

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

// Back-Channel Logout 1.0 §2.6: the RP validates a logout token as it validates id tokens, so a client
// registered for ES256 id tokens must get its logout tokens signed ES256 too (an RS256 one is rejected).
test('back-channel logout tokens are signed with the algorithm of the client\'s id tokens', async () => {
  const receiver = await backChannelReceiver();
  try {
    const config = await configure(await createClient({ backchannelLogoutUri: receiver.uri, idTokenSignedResponseAlg: 'ES256' }));
    const email = await registerUser();
    const browser = new Browser();
    const verifier = client.randomPKCECodeVerifier();
    let page = await browser.follow(client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI, scope: 'openid', code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256', state: 'bc',
    }));
    page = await browser.signIn(page, email);
    const tokens = await client.authorizationCodeGrant(config, page.url, { pkceCodeVerifier: verifier, expectedState: 'bc', idTokenExpected: true });

    await browser.follow(client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token, post_logout_redirect_uri: POST_LOGOUT_URI }));
    await receiver.arrived;
    const [header, payload, signature] = receiver.received[0].split('.');
    const { alg, kid, typ } = JSON.parse(Buffer.from(header, 'base64url'));
    assert.equal(alg, 'ES256');
    assert.equal(typ, 'logout+jwt');
    const jwks = await (await fetch(new URL('/.well-known/jwks.json', ISSUER))).json();
    const jwk = jwks.keys.find((k) => k.kid === kid);
    assert.equal(jwk?.crv, 'P-256');
    const ok = verify('sha256', Buffer.from(`${header}.${payload}`), { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'));
    assert.ok(ok, 'the logout token verifies with the ES256 key JWKS publishes');
    const claims = JSON.parse(Buffer.from(payload, 'base64url'));
    assert.equal(claims.aud, config.clientMetadata().client_id);
    assert.equal(claims.sid, tokens.claims().sid);
  } finally {
    receiver.close();
  }
});
