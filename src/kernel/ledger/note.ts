import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP signed-note (c2sp.org/signed-note), tlog-checkpoint bodies (c2sp.org/tlog-checkpoint) and Ed25519
 * cosignatures v1 (c2sp.org/tlog-cosignature). Keys use the signed-note text forms: a verifier key is
 * `name+keyid+base64(type ‖ public key)`, a signer key `PRIVATE+KEY+name+keyid+base64(type ‖ seed)`.
 * Pure: only node:crypto, so the standalone verifier can ship it.
 */

/** Signature types of c2sp.org/signed-note. */
export const SIG_ED25519 = 0x01;
export const SIG_COSIGNATURE_V1 = 0x04;
export type SignatureType = typeof SIG_ED25519 | typeof SIG_COSIGNATURE_V1;

export type NoteErrorKind =
  'malformedKey' | 'malformedNote' | 'unverified' | 'invalidSignature' | 'ambiguousKey';

export class NoteError extends Error {
  constructor(
    readonly kind: NoteErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'NoteError';
  }
}

const MAX_SIGNATURES = 100;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Standard base64 that round-trips exactly (Node's decoder silently skips junk). */
const decodeBase64 = (text: string): Buffer | null => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
};

const isValidKeyName = (name: string): boolean => name.length > 0 && !/[\s+]/u.test(name);

/** key ID = SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key)[:4], big-endian. */
export const keyId = (name: string, type: number, publicKey: Uint8Array): number =>
  createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, type]))
    .update(publicKey)
    .digest()
    .readUInt32BE(0);

const hex8 = (id: number): string => id.toString(16).padStart(8, '0');

export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: SignatureType;
  readonly publicKey: Buffer;
}

export const formatVerifierKey = (name: string, type: SignatureType, publicKey: Uint8Array): string =>
  `${name}+${hex8(keyId(name, type, publicKey))}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`;

const parseTypedKey = (
  encoded: string,
  name: string,
  id: string,
  what: string,
): { type: SignatureType; material: Buffer } => {
  if (!isValidKeyName(name)) throw new NoteError('malformedKey', `malformed ${what} key: bad name`);
  if (!/^[0-9a-f]{8}$/.test(id)) throw new NoteError('malformedKey', `malformed ${what} key: bad key ID`);
  const bytes = decodeBase64(encoded);
  if (bytes === null || bytes.length !== 33)
    throw new NoteError('malformedKey', `malformed ${what} key: bad key material`);
  const type = bytes[0];
  if (type !== SIG_ED25519 && type !== SIG_COSIGNATURE_V1)
    throw new NoteError('malformedKey', `malformed ${what} key: unknown algorithm`);
  return { type, material: bytes.subarray(1) };
};

/** name+id+material, where the base64 material may itself contain '+'. */
const splitKey = (text: string): [string, string, string] | null => {
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) return null;
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
};

export const parseVerifierKey = (vkey: string): VerifierKey => {
  const parts = splitKey(vkey);
  if (parts === null) throw new NoteError('malformedKey', 'malformed verifier key');
  const [name, id, encoded] = parts;
  const { type, material } = parseTypedKey(encoded, name, id, 'verifier');
  const computed = keyId(name, type, material);
  if (hex8(computed) !== id) throw new NoteError('malformedKey', 'malformed verifier key: key ID mismatch');
  // Decoding the point rejects keys that are not on the curve.
  try {
    createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, material]), format: 'der', type: 'spki' });
  } catch {
    throw new NoteError('malformedKey', 'malformed verifier key: not an Ed25519 public key');
  }
  return { name, keyId: computed, type, publicKey: material };
};

export interface SignerKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: SignatureType;
  readonly seed: Buffer;
  readonly publicKey: Buffer;
}

const privateKeyOf = (seed: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });

const publicKeyOf = (seed: Uint8Array): Buffer =>
  createPublicKey(privateKeyOf(seed))
    .export({ format: 'der', type: 'spki' })
    .subarray(SPKI_ED25519_PREFIX.length);

export const formatSignerKey = (name: string, type: SignatureType, seed: Uint8Array): string =>
  `PRIVATE+KEY+${name}+${hex8(keyId(name, type, publicKeyOf(seed)))}+${Buffer.concat([Buffer.from([type]), seed]).toString('base64')}`;

export const parseSignerKey = (skey: string): SignerKey => {
  const parts = skey.startsWith('PRIVATE+KEY+') ? splitKey(skey.slice('PRIVATE+KEY+'.length)) : null;
  if (parts === null) throw new NoteError('malformedKey', 'malformed signer key');
  const [name, id, encoded] = parts;
  const { type, material } = parseTypedKey(encoded, name, id, 'signer');
  const publicKey = publicKeyOf(material);
  const computed = keyId(name, type, publicKey);
  if (hex8(computed) !== id) throw new NoteError('malformedKey', 'malformed signer key: key ID mismatch');
  return { name, keyId: computed, type, seed: material, publicKey };
};

export const verifierKeyOf = (signer: SignerKey): string =>
  formatVerifierKey(signer.name, signer.type, signer.publicKey);

/** A signer for a note under a given key name (the key's own name unless the caller names it). */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly type: SignatureType;
  readonly publicKey: Buffer;
  /** The signature bytes after the key ID, for this note text. */
  sign(text: Buffer): Buffer;
}

const cosignedMessage = (text: Buffer, timestamp: bigint): Buffer =>
  Buffer.concat([Buffer.from(`cosignature/v1\ntime ${timestamp.toString()}\n`, 'utf8'), text]);

export const noteSigner = (
  seed: Uint8Array,
  type: SignatureType,
  name: string,
  now: () => Date = () => new Date(),
): NoteSigner => {
  if (!isValidKeyName(name)) throw new NoteError('malformedKey', `invalid key name: ${name}`);
  const privateKey = privateKeyOf(seed);
  const publicKey = publicKeyOf(seed);
  return {
    name,
    type,
    publicKey,
    keyId: keyId(name, type, publicKey),
    sign: (text) => {
      if (type === SIG_ED25519) return sign(null, text, privateKey);
      const timestamp = BigInt(Math.floor(now().getTime() / 1000));
      const stamp = Buffer.alloc(8);
      stamp.writeBigUInt64BE(timestamp);
      return Buffer.concat([stamp, sign(null, cosignedMessage(text, timestamp), privateKey)]);
    },
  };
};

const verifySignatureBytes = (key: VerifierKey, text: Buffer, signature: Buffer): boolean => {
  const publicKey = createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, key.publicKey]),
    format: 'der',
    type: 'spki',
  });
  if (key.type === SIG_ED25519) return signature.length === 64 && verify(null, text, publicKey, signature);
  if (signature.length !== 72) return false;
  const timestamp = signature.readBigUInt64BE(0);
  if (timestamp > 2n ** 63n - 1n) return false;
  return verify(null, cosignedMessage(text, timestamp), publicKey, signature.subarray(8));
};

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** base64(key ID ‖ signature), as on the signature line. */
  readonly base64: string;
}

export const signatureLine = (s: NoteSignature): string => `— ${s.name} ${s.base64}\n`;

/** The cosignature's timestamp (seconds since the epoch) for a type 0x04 signature. */
export const cosignatureTime = (s: NoteSignature): number | null => {
  const bytes = Buffer.from(s.base64, 'base64');
  return bytes.length === 76 ? Number(bytes.readBigUInt64BE(4)) : null;
};

const checkText = (text: string): void => {
  if (!text.endsWith('\n') || text === '\n') throw new NoteError('malformedNote', 'malformed note');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new NoteError('malformedNote', 'malformed note');
};

/** Signs a note text with each signer: the text, a blank line, then one signature line per signer. */
export const signNote = (
  text: string,
  signers: readonly NoteSigner[],
  existing: readonly NoteSignature[] = [],
): string => {
  checkText(text);
  const body = Buffer.from(text, 'utf8');
  const fresh = signers.map((s) => {
    const sig = s.sign(body);
    const id = Buffer.alloc(4);
    id.writeUInt32BE(s.keyId);
    return { name: s.name, keyId: s.keyId, base64: Buffer.concat([id, sig]).toString('base64') };
  });
  const kept = existing.filter((e) => !fresh.some((f) => f.name === e.name && f.keyId === e.keyId));
  return `${text}\n${[...kept, ...fresh].map(signatureLine).join('')}`;
};

export interface OpenedNote {
  readonly text: string;
  readonly verified: readonly NoteSignature[];
  readonly unverified: readonly NoteSignature[];
}

/** Splits a signed note into its text and signature lines without verifying anything. */
export const parseNote = (note: string | Uint8Array): { text: string; signatures: NoteSignature[] } => {
  let message: string;
  if (typeof note === 'string') message = note;
  else {
    try {
      message = new TextDecoder('utf-8', { fatal: true }).decode(note);
    } catch {
      throw new NoteError('malformedNote', 'malformed note');
    }
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(message)) throw new NoteError('malformedNote', 'malformed note');
  const split = message.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('malformedNote', 'malformed note');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new NoteError('malformedNote', 'malformed note');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new NoteError('malformedNote', 'malformed note');
  const signatures = lines.map((line): NoteSignature => {
    const match = /^— (\S+) (\S+)$/u.exec(line);
    const [, name, encoded] = match ?? [];
    if (name === undefined || encoded === undefined || !isValidKeyName(name))
      throw new NoteError('malformedNote', 'malformed note');
    const bytes = decodeBase64(encoded);
    if (bytes === null || bytes.length < 5) throw new NoteError('malformedNote', 'malformed note');
    return { name, keyId: bytes.readUInt32BE(0), base64: encoded };
  });
  return { text, signatures };
};

/**
 * Opens a signed note with the trusted verifier keys: signatures from unknown keys are set aside, every signature
 * from a known key must verify, and at least one must (c2sp.org/signed-note §Signatures).
 */
export const openNote = (note: string | Uint8Array, verifiers: readonly VerifierKey[]): OpenedNote => {
  const { text, signatures } = parseNote(note);
  const body = Buffer.from(text, 'utf8');
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const same = (a: NoteSignature, b: NoteSignature): boolean =>
    a.name === b.name && a.keyId === b.keyId && a.base64 === b.base64;
  for (const s of signatures) {
    const matches = verifiers.filter((v) => v.name === s.name && v.keyId === s.keyId);
    if (matches.length > 1) throw new NoteError('ambiguousKey', `ambiguous key ${s.name}+${hex8(s.keyId)}`);
    const key = matches[0];
    if (key === undefined) {
      if (!unverified.some((u) => same(u, s))) unverified.push(s);
      continue;
    }
    if (!verifySignatureBytes(key, body, Buffer.from(s.base64, 'base64').subarray(4)))
      throw new NoteError('invalidSignature', `invalid signature for key ${s.name}+${hex8(s.keyId)}`);
    if (!verified.some((v) => same(v, s))) verified.push(s);
  }
  if (verified.length === 0) throw new NoteError('unverified', 'note has no verifiable signatures');
  return { text, verified, unverified };
};

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
}

/** The c2sp.org/tlog-checkpoint note text: origin, tree size, base64 root hash, each on its own line. */
export const formatCheckpoint = (c: Checkpoint): string =>
  `${c.origin}\n${String(c.size)}\n${c.root.toString('base64')}\n`;

export const parseCheckpoint = (text: string): Checkpoint => {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '' || lines.slice(0, -1).some((l) => l === ''))
    throw new NoteError('malformedNote', 'malformed checkpoint');
  const [origin, size, root] = lines as [string, string, string];
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size)))
    throw new NoteError('malformedNote', 'malformed checkpoint: tree size');
  const hash = decodeBase64(root);
  if (hash?.length !== 32) throw new NoteError('malformedNote', 'malformed checkpoint: root hash');
  return { origin, size: Number(size), root: hash };
};
