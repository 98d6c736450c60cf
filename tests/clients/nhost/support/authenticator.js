// A software WebAuthn authenticator (ES256, "none" attestation, user verified) that answers the
// options Latchkey sends, in the JSON form browsers give (PublicKeyCredential.toJSON()).
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { encode } from './cbor.js';

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest();

export class SoftwareAuthenticator {
  constructor(origin, { credentialId = randomBytes(16) } = {}) {
    this.origin = origin;
    this.credentialId = credentialId;
    this.counter = 0;
    this.userHandle = Buffer.alloc(0);
    this.keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  }

  /** Answers PublicKeyCredentialCreationOptions with an attestation credential. */
  create(options) {
    this.userHandle = Buffer.from(options.user.id, 'base64url');
    const clientData = this.#clientData('webauthn.create', options.challenge);
    const authData = this.#authenticatorData(options.rp.id, 0x45, true); // UP | UV | AT
    const attestationObject = encode(new Map([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return this.#credential({
      clientDataJSON: b64url(clientData),
      attestationObject: b64url(attestationObject),
      authenticatorData: b64url(authData),
      transports: ['internal'],
      publicKeyAlgorithm: -7,
      publicKey: b64url(this.keys.publicKey.export({ type: 'spki', format: 'der' })),
    });
  }

  /** Answers PublicKeyCredentialRequestOptions with an assertion credential. */
  get(options) {
    this.counter += 1;
    const clientData = this.#clientData('webauthn.get', options.challenge);
    const authData = this.#authenticatorData(options.rpId, 0x05, false); // UP | UV
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), { key: this.keys.privateKey, dsaEncoding: 'der' });
    return this.#credential({
      clientDataJSON: b64url(clientData),
      authenticatorData: b64url(authData),
      signature: b64url(signature),
      userHandle: b64url(this.userHandle),
    });
  }

  #credential(response) {
    const id = b64url(this.credentialId);
    return { id, rawId: id, type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {}, response };
  }

  #clientData(type, challenge) {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }), 'utf8');
  }

  #authenticatorData(rpId, flags, attested) {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    const parts = [sha256(Buffer.from(rpId, 'utf8')), Buffer.from([flags]), counter];
    if (attested) {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(this.credentialId.length);
      parts.push(Buffer.alloc(16), length, this.credentialId, this.#coseKey());
    }
    return Buffer.concat(parts);
  }

  #coseKey() {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    // kty EC2, alg ES256, crv P-256, x, y (CTAP2 canonical key order).
    return encode(new Map([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x, 'base64url')], [-3, Buffer.from(jwk.y, 'base64url')]]));
  }
}
