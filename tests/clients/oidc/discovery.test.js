import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configure, createClient, ISSUER } from './helpers.js';

test('discovery: openid-client accepts the metadata and the issuer matches', async () => {
  const config = await configure(await createClient());
  const meta = config.serverMetadata();
  assert.equal(meta.issuer, ISSUER);
  assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
  assert.deepEqual(meta.response_types_supported, ['code']);
  assert.ok(meta.response_modes_supported.includes('form_post'));
  assert.equal(meta.authorization_response_iss_parameter_supported, true);
  assert.deepEqual(meta.id_token_signing_alg_values_supported, ['RS256', 'ES256']);
  for (const grant of ['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code']) {
    assert.ok(meta.grant_types_supported.includes(grant), grant);
  }
  for (const endpoint of ['userinfo_endpoint', 'introspection_endpoint', 'revocation_endpoint', 'device_authorization_endpoint', 'end_session_endpoint', 'registration_endpoint']) {
    assert.ok(meta[endpoint]?.startsWith(ISSUER), endpoint);
  }
  const jwks = await (await fetch(meta.jwks_uri)).json();
  assert.ok(jwks.keys.some((k) => k.kty === 'RSA' && k.alg === 'RS256' && k.use === 'sig'));
  assert.ok(jwks.keys.every((k) => !('d' in k)), 'no private key material');
});
