// Reads the development outbox the server writes (.eml files): finds a message to an address and decodes
// its text parts (base64 or quoted-printable), as a user's mail client would.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const outboxDir = process.env.LATCHKEY_NHOST_OUTBOX;

function decodePart(headers, body) {
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return body;
}

/** The decoded text of every part of a raw message. */
export function decode(raw) {
  return raw.split(/\r?\n--[^\r\n]+\r?\n/).map((part) => {
    const split = part.search(/\r?\n\r?\n/);
    return split < 0 ? part : decodePart(part.slice(0, split), part.slice(split).trim());
  }).join('\n');
}

/** Waits for a message to `to` whose decoded text matches `pattern`; returns the first match group 1 or 0. */
export async function waitForMail(to, pattern, timeoutMs = 15000) {
  if (!outboxDir) throw new Error('LATCHKEY_NHOST_OUTBOX must name the server outbox folder');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = await readdir(outboxDir).catch(() => []);
    for (const file of files.filter((f) => f.endsWith('.eml'))) {
      const raw = await readFile(join(outboxDir, file), 'utf8');
      if (!raw.toLowerCase().includes(to.toLowerCase())) continue;
      const match = decode(raw).match(pattern);
      if (match) return match[1] ?? match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no message to ${to} matching ${pattern} in ${outboxDir}`);
}
