// Client credentials, the device flow and dynamic registration, as openid-client performs them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as client from 'openid-client';
import { Browser, configure, createClient, insecure, ISSUER, REDIRECT_URI, registerUser } from './helpers.js';

test('client credentials', async () => {
  const config = await configure(await createClient({ grantTypes: ['client_credentials'], scopes: ['profile', 'email'] }));
  const tokens = await client.clientCredentialsGrant(config, { scope: 'profile' });
  assert.equal(tokens.token_type.toLowerCase(), 'bearer');
  assert.equal(tokens.scope, 'profile');
  assert.equal(tokens.refresh_token, undefined);
  const introspected = await client.tokenIntrospection(config, tokens.access_token);
  assert.equal(introspected.active, true);
  assert.equal(introspected.client_id, config.clientMetadata().client_id);
});

test('device flow: pending until the user approves on the device page', async () => {
  const config = await configure(await createClient({
    tokenEndpointAuthMethod: 'none',
    grantTypes: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
  }));
  const device = await client.initiateDeviceAuthorization(config, { scope: 'openid profile offline_access' });
  assert.equal(device.verification_uri, `${ISSUER}/device`);
  assert.match(device.user_code, /^[A-Z]{4}-[A-Z]{4}$/);
  const polling = client.pollDeviceAuthorizationGrant(config, device);

  const browser = new Browser();
  const email = await registerUser();
  let page = await browser.follow(device.verification_uri_complete);
  page = await browser.signIn(page, email);
  const html = await page.response.text();
  assert.match(html, /openid-client RP/);
  const done = await browser.submit(html, { decision: 'approve' });
  assert.equal(done.url.searchParams.get('result'), 'approved');

  const tokens = await polling;
  assert.ok(tokens.refresh_token);
  const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub);
  assert.equal(info.name, 'Grace Hopper');
});

test('dynamic registration, then a third-party client goes through the consent page', async () => {
  const config = await client.dynamicClientRegistration(new URL(ISSUER), {
    client_name: 'Registered RP',
    redirect_uris: [REDIRECT_URI],
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'openid email profile',
  }, client.ClientSecretBasic(), insecure);
  const metadata = config.clientMetadata();
  assert.match(metadata.client_id, /^lk_/);
  assert.match(metadata.client_secret, /^lks_/);

  const cc = await client.clientCredentialsGrant(config, { scope: 'email' });
  assert.ok(cc.access_token);

  const email = await registerUser();
  const browser = new Browser();
  const verifier = client.randomPKCECodeVerifier();
  let page = await browser.follow(client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI, scope: 'openid email', code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256', state: 'dcr',
  }));
  page = await browser.signIn(page, email);
  assert.equal(page.url.pathname, '/consent');
  const consent = await page.response.text();
  assert.match(consent, /Registered RP wants to access your account/);
  const landed = await browser.submit(consent, { decision: 'approve' });
  const tokens = await client.authorizationCodeGrant(config, landed.url, { pkceCodeVerifier: verifier, expectedState: 'dcr' });
  assert.equal((await client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub)).email, email);
});
