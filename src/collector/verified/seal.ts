import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

// A kiosk must learn the code of the case it is armed with, yet the database keeps no code in
// clear and nothing that opens one. So the code is sealed to the kiosk: at registration the
// collector derives an X25519 key pair from the kiosk's secret key, keeps only the public half,
// and forgets the secret. Arming seals the code to that public key (ephemeral X25519 + SHA-256 +
// AES-256-GCM); `GET /v1/kiosks/{id}/next`, which carries the secret key, opens it. A copy of the
// database alone opens nothing.

/** PKCS#8 DER header of a raw 32-byte X25519 private key (RFC 8410). */
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
/** SPKI DER header of a raw 32-byte X25519 public key. */
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

function privateFromKey(kioskKey: string): KeyObject {
  const seed = createHash('sha256').update(`svc-kiosk-x25519:${kioskKey}`, 'utf8').digest();
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519, seed]), format: 'der', type: 'pkcs8' });
}

function rawPublic(key: KeyObject): Buffer {
  return (createPublicKey(key).export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_X25519.length);
}

function publicFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
}

function aesKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return createHash('sha256').update('svc-seal-v1').update(shared).update(ephemeral).update(recipient).digest();
}

/** The public key (base64url, 32 bytes) that codes for this kiosk are sealed to. */
export function kioskPublicKey(kioskKey: string): string {
  return rawPublic(privateFromKey(kioskKey)).toString('base64url');
}

/** Seals `text` to a kiosk's public key: base64url of ephemeral key ‖ IV ‖ tag ‖ ciphertext. */
export function seal(text: string, publicKey: string): string {
  const recipient = Buffer.from(publicKey, 'base64url');
  const { privateKey } = generateKeyPairSync('x25519');
  const ephemeral = rawPublic(privateKey);
  const shared = diffieHellman({ privateKey, publicKey: publicFromRaw(recipient) });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(shared, ephemeral, recipient), iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([ephemeral, iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens what `seal` made for the kiosk holding `kioskKey`; throws when it was not sealed to it. */
export function unseal(sealed: string, kioskKey: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const privateKey = privateFromKey(kioskKey);
  const recipient = rawPublic(privateKey);
  const ephemeral = bytes.subarray(0, 32);
  const iv = bytes.subarray(32, 44);
  const tag = bytes.subarray(44, 60);
  const shared = diffieHellman({ privateKey, publicKey: publicFromRaw(ephemeral) });
  const decipher = createDecipheriv('aes-256-gcm', aesKey(shared, ephemeral, recipient), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(bytes.subarray(60)), decipher.final()]).toString('utf8');
}
