// Authorization code + PKCE through the real hosted sign-in page, then what an RP does with the tokens.
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { test } from 'node:test';
import * as client from 'openid-client';
import { backChannelReceiver, Browser, configure, createClient, ISSUER, POST_LOGOUT_URI, REDIRECT_URI, registerUser } from './helpers.js';

/** Runs the whole front channel: authorize → sign-in page → back to authorize → redirect with the code. */
async function signInWithCode(config, browser, email, extra = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  let landed = await browser.follow(url);
  if (landed.url.pathname === '/login') landed = await browser.signIn(landed, email);
  assert.equal(`${landed.url.origin}${landed.url.pathname}`, REDIRECT_URI);
  const tokens = await client.authorizationCodeGrant(config, landed.url, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
  return { tokens, callback: landed.url };
}

async function verifyJws(jwt) {
  const [header, payload, signature] = jwt.split('.');
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url'));
  assert.equal(alg, 'RS256');
  const jwks = await (await fetch(new URL('/.well-known/jwks.json', ISSUER))).json();
  const jwk = jwks.keys.find((k) => k.kid === kid);
  assert.ok(jwk, 'signing key is published');
  const ok = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
  assert.ok(ok, 'signature verifies');
  return JSON.parse(Buffer.from(payload, 'base64url'));
}

test('code + PKCE through the hosted sign-in page, id token, userinfo, refresh, introspection, revocation', async () => {
  const config = await configure(await createClient());
  const email = await registerUser();
  const browser = new Browser();
  const { tokens, callback } = await signInWithCode(config, browser, email);
  assert.equal(callback.searchParams.get('iss'), ISSUER);

  const claims = tokens.claims();
  assert.equal(claims.iss, ISSUER);
  assert.equal(claims.aud, config.clientMetadata().client_id);
  assert.ok(claims.auth_time && claims.sid && claims.at_hash);

  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  assert.equal(info.email, email);
  assert.equal(info.email_verified, false);
  assert.equal(info.name, 'Grace Hopper');

  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
  assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
  assert.equal(refreshed.claims().sub, claims.sub);

  const active = await client.tokenIntrospection(config, refreshed.access_token);
  assert.equal(active.active, true);
  assert.equal(active.sub, claims.sub);
  assert.match(active.scope, /offline_access/);

  await client.tokenRevocation(config, refreshed.refresh_token);
  assert.equal((await client.tokenIntrospection(config, refreshed.access_token)).active, false);
  await assert.rejects(client.refreshTokenGrant(config, refreshed.refresh_token), (e) => e.error === 'invalid_grant');

  // A second authorization reuses the browser session: no sign-in page this time.
  const again = await signInWithCode(config, browser, email);
  assert.equal(again.tokens.claims().sub, claims.sub);
});

test('form_post response mode and prompt=none', async () => {
  const config = await configure(await createClient());
  const browser = new Browser();
  const silent = await browser.follow(client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI, scope: 'openid', code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256', state: 's', prompt: 'none',
  }));
  assert.equal(silent.url.searchParams.get('error'), 'login_required');

  const email = await registerUser();
  const verifier = client.randomPKCECodeVerifier();
  let page = await browser.follow(client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI, scope: 'openid email', code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256', state: 'fp', response_mode: 'form_post',
  }));
  page = await browser.signIn(page, email);
  const html = await page.response.text();
  assert.match(html, new RegExp(`action="${REDIRECT_URI}"`));
  const fields = Object.fromEntries([...html.matchAll(/name="([^"]*)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const callback = new URL(REDIRECT_URI);
  for (const [k, v] of Object.entries(fields)) callback.searchParams.set(k, v);
  const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: 'fp' });
  assert.equal((await client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub)).email, email);
});

test('end-session signs the browser out, redirects to the registered URI and sends a back-channel logout token', async () => {
  const receiver = await backChannelReceiver();
  try {
    const config = await configure(await createClient({ backchannelLogoutUri: receiver.uri }));
    const email = await registerUser();
    const browser = new Browser();
    const { tokens } = await signInWithCode(config, browser, email, { scope: 'openid' });
    const sid = tokens.claims().sid;

    const url = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token, post_logout_redirect_uri: POST_LOGOUT_URI, state: 'bye' });
    const landed = await browser.follow(url);
    assert.equal(landed.url.href, `${POST_LOGOUT_URI}?state=bye`);
    assert.equal((await browser.fetch('/api/auth/me')).status, 401);

    await receiver.arrived;
    const logout = await verifyJws(receiver.received[0]);
    assert.equal(logout.iss, ISSUER);
    assert.equal(logout.aud, config.clientMetadata().client_id);
    assert.equal(logout.sub, tokens.claims().sub);
    assert.equal(logout.sid, sid);
    assert.ok('http://schemas.openid.net/event/backchannel-logout' in logout.events);
    assert.equal(logout.nonce, undefined);

    // The grant without offline_access ended with the session.
    await assert.rejects(client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub));
  } finally {
    receiver.close();
  }
});
