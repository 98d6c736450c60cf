// Shared setup: an Nhost client whose authUrl is the Latchkey server under test.
import { createClient } from '@nhost/nhost-js';
import { MemoryStorage } from '@nhost/nhost-js/session';
import { randomUUID } from 'node:crypto';

export const baseUrl = process.env.LATCHKEY_NHOST_URL;
if (!baseUrl) throw new Error('LATCHKEY_NHOST_URL must point at a running Latchkey server');

export const authUrl = `${baseUrl}/v1`;
export const password = 'velvet-Harbor-92-quiet-Lantern';

/** A fresh client with its own in-memory session, as one browser tab would have. */
export function newClient() {
  return createClient({ authUrl, storage: new MemoryStorage() });
}

export function newEmail(prefix = 'sdk') {
  return `${prefix}-${randomUUID()}@example.com`;
}

/** Runs fn and returns the FetchError it throws (fails if it does not throw). */
export async function rejection(fn) {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** The spec's ErrorResponse: {status, message, error}, nothing else. */
export function assertErrorResponse(assert, error, status, code) {
  assert.equal(error.status, status);
  assert.deepEqual(Object.keys(error.body).sort(), ['error', 'message', 'status']);
  assert.equal(error.body.status, status);
  assert.equal(error.body.error, code);
  assert.equal(typeof error.body.message, 'string');
}

export async function signedUpClient(options) {
  const nhost = newClient();
  const email = newEmail();
  await nhost.auth.signUpEmailPassword({ email, password, options });
  return { nhost, email };
}
