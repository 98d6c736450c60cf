// Shared helpers for the openid-client tests: where the server is, a tiny cookie-jar browser that
// follows redirects and submits the hosted pages' forms, and admin/user setup over the public API.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import * as client from 'openid-client';

export const ISSUER = process.env.LATCHKEY_URL ?? assert.fail('LATCHKEY_URL is not set (scripts/test.sh starts the server)');
export const ADMIN_EMAIL = process.env.LATCHKEY_ADMIN_EMAIL;
export const ADMIN_PASSWORD = process.env.LATCHKEY_ADMIN_PASSWORD;
export const PASSWORD = 'velvet-Harbor-92-quiet-Lantern';
export const REDIRECT_URI = 'https://rp.example.com/callback';
export const POST_LOGOUT_URI = 'https://rp.example.com/signed-out';

/** openid-client needs this to talk plain http to the loopback test server. */
export const insecure = { execute: [client.allowInsecureRequests] };

/** A browser: keeps cookies, does not follow redirects by itself, submits forms like a user would. */
export class Browser {
  cookies = new Map();

  async fetch(url, init = {}) {
    const target = new URL(url, ISSUER);
    const headers = new Headers(init.headers);
    if (target.origin === new URL(ISSUER).origin && this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]) < new Date());
      if (!value || expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /** GETs and follows redirects on our server; stops at the first answer that is not a redirect to it. */
  async follow(url) {
    let current = new URL(url, ISSUER);
    for (let hops = 0; hops < 10; hops++) {
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (!location) return { url: current, response };
      const next = new URL(location, current);
      if (next.origin !== new URL(ISSUER).origin) return { url: next, response };
      current = next;
    }
    throw new Error('too many redirects');
  }

  /** Submits the first POST form of a page with its hidden fields (the antiforgery token among them) plus `fields`. */
  async submit(html, fields = {}) {
    const form = html.match(/<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/);
    assert.ok(form, 'page has a POST form');
    const body = new URLSearchParams();
    for (const [, name, value] of form[2].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)" ?\/?>/g)) {
      body.set(decode(name), decode(value));
    }
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const response = await this.fetch(decode(form[1]), { method: 'POST', body });
    const location = response.headers.get('location');
    return location ? this.followFrom(new URL(location, ISSUER)) : { url: new URL(form[1], ISSUER), response };
  }

  async followFrom(url) {
    return url.origin === new URL(ISSUER).origin ? this.follow(url) : { url, response: null };
  }

  /** Signs in on the hosted page the browser was sent to, and follows where it leads. */
  async signIn(page, email, password = PASSWORD) {
    assert.equal(page.url.pathname, '/login');
    const html = await page.response.text();
    assert.match(html, /<h1>Sign in<\/h1>/);
    return this.submit(html, { email, password });
  }
}

const decode = (s) => s.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

async function json(response) {
  const text = await response.text();
  assert.ok(response.ok, `${response.status}: ${text}`);
  return JSON.parse(text);
}

export async function registerUser() {
  const email = `rp-${randomUUID()}@example.com`;
  const response = await fetch(new URL('/api/auth/register', ISSUER), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, firstName: 'Grace', lastName: 'Hopper' }),
  });
  await json(response);
  return email;
}

/** A signed-in admin browser, for the admin console. */
async function admin() {
  const browser = new Browser();
  await json(await browser.fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  }));
  return browser;
}

/** Creates a client in the admin console; returns { clientId, clientSecret }. */
export async function createClient(overrides = {}) {
  const browser = await admin();
  const body = {
    name: 'openid-client RP',
    redirectUris: [REDIRECT_URI],
    postLogoutRedirectUris: [POST_LOGOUT_URI],
    grantTypes: ['authorization_code', 'refresh_token'],
    tokenEndpointAuthMethod: 'client_secret_basic',
    firstParty: true,
    ...overrides,
  };
  const created = await json(await browser.fetch('/api/admin/oauth-clients', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }));
  return { clientId: created.client.clientId, clientSecret: created.clientSecret };
}

/** Creates an API resource (RFC 8707) in the admin console; returns it as the API shows it. */
export async function createApiResource(body) {
  const browser = await admin();
  const created = await json(await browser.fetch('/api/admin/api-resources', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }));
  return created.resource;
}

/** Discovery and a Configuration for a client, with id token signatures checked against JWKS. */
export async function configure({ clientId, clientSecret }) {
  const auth = clientSecret ? client.ClientSecretBasic(clientSecret) : client.None();
  return client.discovery(new URL(ISSUER), clientId, clientSecret ?? {}, auth, {
    execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks],
  });
}

/** A relying party's back-channel logout endpoint on a free loopback port. */
export async function backChannelReceiver() {
  const received = [];
  let notify;
  const arrived = new Promise((resolve) => { notify = resolve; });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push(new URLSearchParams(body).get('logout_token'));
      res.writeHead(200).end();
      notify();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { uri: `http://127.0.0.1:${server.address().port}/backchannel`, received, arrived, close: () => server.close() };
}
