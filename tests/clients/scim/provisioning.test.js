// An identity provider's provisioning runs against /api/scim/v2, with filters written by scim2-parse-filter and
// every PATCH cross-checked against scim-patch (what the server returns must be what the RFC's patch gives).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { filter as matches, parse, stringify } from 'scim2-parse-filter';
import { scimPatch } from 'scim-patch';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Browser } from '../oidc/helpers.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SCIM_JSON = 'application/scim+json';

async function ok(response, status) {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return text ? JSON.parse(text) : null;
}

/** An administrator makes an OAuth client and a SCIM token for it, as the docs tell the customer to. */
async function scimToken() {
  const admin = new Browser();
  const json = { 'content-type': 'application/json' };
  await ok(await admin.fetch('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }) }), 200);
  const { client } = await ok(await admin.fetch('/api/admin/oauth-clients', {
    method: 'POST', headers: json,
    body: JSON.stringify({ name: 'IdP', redirectUris: ['https://idp.example.com/cb'], grantTypes: ['client_credentials'], tokenEndpointAuthMethod: 'client_secret_basic' }),
  }), 201);
  const created = await ok(await admin.fetch(`/api/admin/oauth-clients/${client.id}/scim-tokens`, { method: 'POST', headers: json, body: '{}' }), 201);
  return created.secretToken;
}

function scim(token) {
  const browser = new Browser();
  return (method, path, body) => browser.fetch(`/api/scim/v2${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': SCIM_JSON, accept: SCIM_JSON },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const byUserName = (userName) => '/Users?filter=' + encodeURIComponent(stringify({ op: 'eq', attrPath: 'userName', compValue: userName }));

/** Sends a PatchOp and checks the answer against scim-patch applied to the resource the server held before. */
async function patchAndCompare(call, path, before, operations, compare) {
  const after = await ok(await call('PATCH', path, { schemas: [PATCH], Operations: operations }), 200);
  const expected = scimPatch(structuredClone(before), operations.map((o) => ({ ...o, op: o.op.toLowerCase() })));
  for (const pick of compare) assert.deepEqual(pick(after), pick(expected));
  return after;
}

test('Okta: look up, create, update, deactivate, push a group, unassign', async () => {
  const call = scim(await scimToken());
  const email = `okta-${randomUUID()}@example.com`;
  assert.equal((await ok(await call('GET', byUserName(email)), 200)).totalResults, 0);

  const created = await ok(await call('POST', '/Users', {
    schemas: [USER], userName: email, name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [{ primary: true, value: email, type: 'work' }], displayName: 'Ada Lovelace', locale: 'en-US', externalId: `00u${randomUUID()}`, active: true,
  }), 201);
  assert.equal(created.userName, email);
  const found = await ok(await call('GET', byUserName(email.toUpperCase())), 200);
  assert.equal(found.Resources[0].id, created.id);
  // The server's answer satisfies the filter as a client library evaluates it.
  assert.equal(found.Resources.filter(matches(parse(`userName eq "${email}"`))).length, 1);

  const updated = await patchAndCompare(call, `/Users/${created.id}`, created,
    [{ op: 'replace', value: { name: { givenName: 'Augusta', familyName: 'Lovelace' }, title: 'Countess' } }],
    [(u) => u.name.givenName, (u) => u.title]);
  const deactivated = await patchAndCompare(call, `/Users/${created.id}`, updated,
    [{ op: 'replace', value: { active: false } }], [(u) => u.active]);
  assert.equal(deactivated.active, false);

  const group = await ok(await call('POST', '/Groups', { schemas: [GROUP], displayName: `Okta ${randomUUID()}`, members: [] }), 201);
  const withMember = await patchAndCompare(call, `/Groups/${group.id}`, group,
    [{ op: 'add', path: 'members', value: [{ value: created.id, display: email }] }], [(g) => (g.members ?? []).map((m) => m.value)]);
  assert.deepEqual(withMember.members.map((m) => m.value), [created.id]);
  const user = await ok(await call('GET', `/Users/${created.id}`), 200);
  assert.equal(user.groups[0].value, group.id);
  await patchAndCompare(call, `/Groups/${group.id}`, withMember,
    [{ op: 'remove', path: `members[value eq "${created.id}"]` }], [(g) => (g.members ?? []).map((m) => m.value)]);
});

test('Entra ID: capitalised ops, boolean strings, filtered paths, delete', async () => {
  const call = scim(await scimToken());
  const upn = `entra-${randomUUID()}@example.com`;
  const externalId = randomUUID();
  const lookup = '/Users?filter=' + encodeURIComponent(stringify({ op: 'eq', attrPath: 'externalId', compValue: externalId }));
  assert.equal((await ok(await call('GET', lookup), 200)).totalResults, 0);
  const created = await ok(await call('POST', '/Users', {
    schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'], externalId, userName: upn, active: true,
    emails: [{ primary: true, type: 'work', value: upn }], name: { formatted: 'Ada Lovelace', familyName: 'Lovelace', givenName: 'Ada' },
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Engineering' },
  }), 201);
  assert.equal((await ok(await call('GET', lookup), 200)).Resources[0].id, created.id);

  const updated = await patchAndCompare(call, `/Users/${created.id}`, created, [
    { op: 'Replace', path: 'name.familyName', value: 'King' },
    { op: 'Add', path: 'title', value: 'Countess' },
  ], [(u) => u.name.familyName, (u) => u.title]);
  const off = await ok(await call('PATCH', `/Users/${created.id}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }), 200);
  assert.equal(off.active, false);
  assert.equal(updated.name.familyName, 'King');

  const bad = await ok(await call('GET', '/Users?filter=' + encodeURIComponent('userName eq')), 400);
  assert.equal(bad.scimType, 'invalidFilter');
  assert.deepEqual(bad.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);

  await ok(await call('DELETE', `/Users/${created.id}`), 204);
  await ok(await call('GET', `/Users/${created.id}`), 404);
});
