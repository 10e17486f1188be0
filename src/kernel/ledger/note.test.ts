import { describe, expect, it } from 'vitest';
import {
  NoteError,
  SIG_COSIGNATURE_V1,
  SIG_ED25519,
  cosignatureTime,
  formatCheckpoint,
  formatSignerKey,
  formatVerifierKey,
  noteSigner,
  openNote,
  parseCheckpoint,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifierKeyOf,
} from './note.js';

// The signed-note test vector: the PeterNeumann key pair and note of golang.org/x/mod/sumdb/note (note_test.go),
// the reference implementation c2sp.org/signed-note was written from, and the EnochRoot key and signature.
const peterVkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const peterSkey = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const enochVkey = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const text =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const peterSig =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const enochSig =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

const kindOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof NoteError) return e.kind;
    throw e;
  }
  return 'ok';
};

describe('signed-note keys', () => {
  it('parses the reference verifier key and rejects every mangling of it', () => {
    const key = parseVerifierKey(peterVkey);
    expect(key).toMatchObject({ name: 'PeterNeumann', keyId: 0xc74f20a3, type: SIG_ED25519 });
    expect(formatVerifierKey(key.name, key.type, key.publicKey)).toBe(peterVkey);
    const bytes = Buffer.from(peterVkey, 'utf8');
    for (let i = 0; i <= bytes.length; i++)
      for (let j = i + 1; j <= bytes.length; j++)
        if (i !== 0 || j !== bytes.length)
          expect(kindOf(() => parseVerifierKey(bytes.subarray(i, j).toString('utf8')))).toBe('malformedKey');
    for (let i = 0; i < bytes.length; i++) {
      const copy = Buffer.from(bytes);
      copy[i] = (copy[i] ?? 0) + 1;
      expect(
        kindOf(() => parseVerifierKey(copy.toString('utf8'))),
        `byte ${i}`,
      ).toBe('malformedKey');
    }
    // Wrong key length and unknown algorithm, each with a key ID that matches the mangled material.
    expect(
      kindOf(() =>
        parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
      ),
    ).toBe('malformedKey');
    expect(
      kindOf(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')),
    ).toBe('malformedKey');
  });

  it('parses the reference signer key, derives its verifier key, and rejects manglings', () => {
    const signer = parseSignerKey(peterSkey);
    expect(verifierKeyOf(signer)).toBe(peterVkey);
    expect(formatSignerKey(signer.name, signer.type, signer.seed)).toBe(peterSkey);
    const bytes = Buffer.from(peterSkey, 'utf8');
    for (let i = 0; i < bytes.length; i++) {
      const copy = Buffer.from(bytes);
      copy[i] = (copy[i] ?? 0) + 1;
      expect(
        kindOf(() => parseSignerKey(copy.toString('utf8'))),
        `byte ${i}`,
      ).toBe('malformedKey');
    }
    for (let j = 1; j < bytes.length; j++)
      expect(kindOf(() => parseSignerKey(bytes.subarray(0, j).toString('utf8')))).toBe('malformedKey');
  });
});

describe('signed notes', () => {
  const peter = parseVerifierKey(peterVkey);
  const enoch = parseVerifierKey(enochVkey);

  it('signs the reference text byte for byte like the reference implementation', () => {
    const s = parseSignerKey(peterSkey);
    expect(signNote(text, [noteSigner(s.seed, s.type, s.name)])).toBe(`${text}\n${peterSig}`);
    expect(kindOf(() => signNote('abc', [noteSigner(s.seed, s.type, s.name)]))).toBe('malformedNote');
  });

  it('opens the reference note, setting aside unknown keys', () => {
    const one = openNote(`${text}\n${peterSig}${enochSig}`, [peter]);
    expect(one.text).toBe(text);
    expect(one.verified.map((v) => v.name)).toEqual(['PeterNeumann']);
    expect(one.unverified.map((v) => v.name)).toEqual(['EnochRoot']);
    const both = openNote(`${text}\n${peterSig}${enochSig}`, [peter, enoch]);
    expect(both.verified.map((v) => v.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(kindOf(() => openNote(`${text}\n${peterSig}${enochSig}`, []))).toBe('unverified');
    expect(kindOf(() => openNote(`${text}\n${enochSig}`, [enoch, peter, enoch]))).toBe('ambiguousKey');
    expect(kindOf(() => openNote(`${text}\n${peterSig}`, [enoch, peter, enoch]))).toBe('ok');
    expect(kindOf(() => openNote(`${text}\n${peterSig.repeat(101)}`, [peter]))).toBe('malformedNote');
  });

  it('rejects a bad signature from a known key and any change to the text', () => {
    expect(
      kindOf(() => openNote(`${text}\n${peterSig.slice(0, 60)}ABCD${peterSig.slice(60)}`, [peter])),
    ).toBe('invalidSignature');
    expect(
      kindOf(() => openNote(`${text.replace('cryptography', 'cryptographY')}\n${peterSig}`, [peter])),
    ).toBe('invalidSignature');
    const dup = openNote(
      `${text}\n${peterSig}${peterSig}${enochSig}${enochSig}${enochSig.slice(0, 60)}ABCD${enochSig.slice(60)}`,
      [peter],
    );
    expect(dup.verified).toHaveLength(1);
    expect(dup.unverified).toHaveLength(2);
  });

  it('rejects malformed notes', () => {
    const bad: (string | Uint8Array)[] = [
      text,
      `${text}\n`,
      `${text}\n${peterSig.slice(0, -1)}`,
      `\u0001${text}\n${peterSig}`,
      Buffer.concat([Buffer.from([0xff]), Buffer.from(`${text}\n${peterSig}`)]),
      `${text}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${text}\n${peterSig}Unexpected line.\n`,
    ];
    for (const note of bad) expect(kindOf(() => openNote(note, [peter]))).toBe('malformedNote');
  });

  it('parses the c2sp.org/signed-note example, whose text has an empty line', () => {
    const example =
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n' +
      '— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';
    const parsed = parseNote(example);
    expect(parsed.text).toBe(
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n',
    );
    expect(parsed.signatures.map((s) => s.name)).toEqual(['quasimodo.example/salvatore']);
  });
});

describe('checkpoints and cosignatures', () => {
  it('formats and parses the c2sp.org/tlog-checkpoint example body', () => {
    const body = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
    const c = parseCheckpoint(body);
    expect(c).toMatchObject({ origin: 'example.com/behind-the-sofa', size: 20852163 });
    expect(formatCheckpoint(c)).toBe(body);
    for (const bad of [
      'example.com/x\n012\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
      'example.com/x\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n',
      'example.com/x\n12\n',
      'example.com/x\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=',
      '\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    ])
      expect(
        kindOf(() => parseCheckpoint(bad)),
        bad,
      ).toBe('malformedNote');
  });

  it('parses the c2sp.org/tlog-cosignature example: the log signature, then the witness line with its time', () => {
    const example =
      'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
      '— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n' +
      '— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n';
    const { text, signatures } = parseNote(example);
    expect(parseCheckpoint(text)).toMatchObject({ origin: 'example.com/behind-the-sofa', size: 20852163 });
    expect(signatures.map((s) => [s.name, s.keyId.toString(16).padStart(8, '0')])).toEqual([
      ['example.com/behind-the-sofa', '033de0ae'],
      ['witness.example.com/w1', '8d66cf3f'],
    ]);
    expect(cosignatureTime(signatures[0]!)).toBeNull();
    // 2023-03-20T12:25:47Z, the 8-byte big-endian timestamp that c2sp.org/tlog-cosignature puts before the signature.
    expect(cosignatureTime(signatures[1]!)).toBe(1679315147);
  });

  it('adds an Ed25519 cosignature v1 that a verifier with the cosigner key accepts, with its timestamp', () => {
    const log = parseSignerKey(peterSkey);
    const body = 'example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
    const signed = signNote(body, [noteSigner(log.seed, SIG_ED25519, 'example.com/log')]);
    const seed = Buffer.alloc(32, 7);
    const cosigner = noteSigner(
      seed,
      SIG_COSIGNATURE_V1,
      'auditor.example/w1',
      () => new Date('2026-04-01T00:00:00Z'),
    );
    const cosigned = signNote(body, [cosigner], parseNote(signed).signatures);
    const cosignerKey = parseVerifierKey(
      formatVerifierKey(cosigner.name, SIG_COSIGNATURE_V1, cosigner.publicKey),
    );
    const logKey = parseVerifierKey(formatVerifierKey('example.com/log', SIG_ED25519, log.publicKey));
    const opened = openNote(cosigned, [logKey, cosignerKey]);
    expect(opened.verified.map((s) => s.name)).toEqual(['example.com/log', 'auditor.example/w1']);
    expect(cosignatureTime(opened.verified[1]!)).toBe(Date.parse('2026-04-01T00:00:00Z') / 1000);
    // The cosignature covers the checkpoint: it fails on another body.
    const line = cosigned.split('\n').at(-2)!;
    expect(kindOf(() => openNote(`${body.replace('\n5\n', '\n6\n')}\n${line}\n`, [cosignerKey]))).toBe(
      'invalidSignature',
    );
  });
});
