// A local OpenID Connect provider (npm `oidc-provider`) for Latchkey's social sign-in tests.
//
//   node tests/upstreams/oidc.mjs --port 0 --client-id ID --client-secret SECRET --redirect-uri URI [--redirect-uri URI...]
//
// Prints one line `listening http://127.0.0.1:PORT` once it serves. The "user" at the login step is
// whoever the browser says it is: the cookie `upstream_user` (base64url JSON {sub, email,
// email_verified, name, deny}) picks the account, so tests can sign in as anyone without an HTML form.
// With `deny: true` the interaction ends in `error=access_denied`, as when a user clicks "Cancel".
import http from 'node:http';
import Provider from 'oidc-provider';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const all = (name) => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));

const accounts = new Map();
const server = http.createServer();
await new Promise((resolve) => server.listen(Number(option('port', '0')), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: option('client-id', 'latchkey-test'),
    client_secret: option('client-secret', 'latchkey-test-secret'),
    redirect_uris: all('redirect-uri'),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true, methods: ['S256'] },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (ctx, id) => accounts.has(id) ? { accountId: id, claims: () => accounts.get(id) } : undefined,
  cookies: { keys: ['latchkey-test-upstream-cookie-key'] },
});
provider.proxy = false;

function chosenUser(req) {
  const cookie = (req.headers.cookie || '').split(/;\s*/).find((c) => c.startsWith('upstream_user='));
  if (!cookie) return null;
  return JSON.parse(Buffer.from(cookie.slice('upstream_user='.length), 'base64url').toString('utf8'));
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const user = chosenUser(req);
  if (!user || user.deny) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled' }, { mergeWithLastSubmission: false });
    return;
  }
  const [given_name, ...rest] = (user.name || '').split(' ');
  accounts.set(user.sub, { sub: user.sub, email: user.email, email_verified: !!user.email_verified, name: user.name, given_name, family_name: rest.join(' ') || undefined });
  const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: user.sub, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: user.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
server.on('request', (req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((err) => { res.statusCode = 500; res.end(String(err)); });
  } else {
    callback(req, res);
  }
});
process.stdout.write(`listening ${issuer}\n`);
