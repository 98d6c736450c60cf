// Custom scopes and RFC 8707 resource indicators, as openid-client sends them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import * as client from 'openid-client';
import { configure, createApiResource, createClient } from './helpers.js';

const audience = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()).aud;

test('client credentials with a resource indicator get an audience-restricted token', async () => {
  const prefix = `orders${randomUUID().slice(0, 8)}`;
  const resource = await createApiResource({
    identifier: `https://${prefix}.example.com`,
    name: 'Orders API',
    scopes: [{ value: `${prefix}:read`, description: 'Read your orders' }, { value: `${prefix}:write`, description: 'Change your orders' }],
  });
  const config = await configure(await createClient({ grantTypes: ['client_credentials'], scopes: ['profile', `${prefix}:read`] }));
  const discovered = config.serverMetadata().scopes_supported;
  assert.ok(discovered.includes(`${prefix}:read`));

  const tokens = await client.clientCredentialsGrant(config, { scope: `${prefix}:read`, resource: resource.identifier });
  assert.equal(tokens.scope, `${prefix}:read`);
  assert.equal(audience(tokens.access_token), resource.identifier);
  const introspected = await client.tokenIntrospection(config, tokens.access_token);
  assert.equal(introspected.active, true);
  assert.equal(introspected.aud, resource.identifier);

  // Only the resource's scopes: `write` was never allowed to this client, and another API is unknown.
  await assert.rejects(client.clientCredentialsGrant(config, { scope: `${prefix}:write` }), (e) => e.error === 'invalid_scope');
  await assert.rejects(client.clientCredentialsGrant(config, { resource: 'https://unknown.example.com' }), (e) => e.error === 'invalid_target');
  const plain = await client.clientCredentialsGrant(config, { scope: 'profile' });
  assert.equal(audience(plain.access_token), config.serverMetadata().issuer);
});
