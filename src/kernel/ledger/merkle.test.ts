import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  EMPTY_ROOT,
  completeSubtrees,
  consistencyRanges,
  foldSubtrees,
  hashChildren,
  hashLeaf,
  inclusionRanges,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

// Test vectors from github.com/transparency-dev/merkle proof/verify_test.go and rfc6962/rfc6962_test.go (the
// RFC 6962 vectors of Certificate Transparency), with the negative probes those tests derive from them.
const h = (hex: string): Buffer => Buffer.from(hex, 'hex');
const leaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(h);
const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
const rootOf = (size: number): Buffer => roots[size - 1] as Buffer;
const someHash = h('abacaba000000000000000000000000000000000000000000060061e00123456');
const emptyTreeHash = h('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

/** leaf is 1-based in the published table. */
const inclusionVectors: { leaf: number; size: number; proof: Buffer[] }[] = [
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ].map(h),
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ].map(h),
  },
  { leaf: 3, size: 3, proof: [h('fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125')] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ].map(h),
  },
  { leaf: 1, size: 1, proof: [] },
];

const consistencyVectors: { size1: number; size2: number; proof: Buffer[] }[] = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ].map(h),
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ].map(h),
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ].map(h),
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ].map(h),
  },
];

/** An independent, deliberately naive MTH straight from the RFC text, over leaf data. */
const referenceMth = (data: readonly Uint8Array[]): Buffer => {
  if (data.length === 0) return createHash('sha256').digest();
  if (data.length === 1)
    return createHash('sha256')
      .update(Buffer.from([0]))
      .update(data[0] as Uint8Array)
      .digest();
  let k = 1;
  while (k * 2 < data.length) k *= 2;
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(referenceMth(data.slice(0, k)))
    .update(referenceMth(data.slice(k)))
    .digest();
};

/** Proofs as this module builds them: ranges, each the fold of its complete subtrees, here from leaf data. */
const mthFromSubtrees = (data: readonly Uint8Array[], start: number, end: number): Buffer =>
  foldSubtrees(
    completeSubtrees(start, end).map((k) =>
      referenceMth(data.slice(k.index * 2 ** k.level, (k.index + 1) * 2 ** k.level)),
    ),
  );
const inclusionProofOf = (data: readonly Uint8Array[], m: number, n: number): Buffer[] =>
  inclusionRanges(m, n).map((r) => mthFromSubtrees(data, r.start, r.end));
const consistencyProofOf = (data: readonly Uint8Array[], m: number, n: number): Buffer[] =>
  consistencyRanges(m, n).map((r) => mthFromSubtrees(data, r.start, r.end));

const flipBit = (proof: readonly Buffer[], i: number, mask: number): Buffer[] =>
  proof.map((p, j) => {
    if (j !== i) return p;
    const copy = Buffer.from(p);
    copy[0] = (copy[0] ?? 0) ^ mask;
    return copy;
  });

describe('RFC 6962 hashing', () => {
  it('matches the published empty, leaf and node hashes', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hashLeaf(Buffer.alloc(0)).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(hashLeaf(Buffer.from('L123456')).toString('hex')).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    );
    expect(hashChildren(Buffer.from('N123'), Buffer.from('N456')).toString('hex')).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
    const [a, b] = [hashLeaf(Buffer.from('Hello')), hashLeaf(Buffer.from('World'))];
    expect(hashChildren(a, b)).not.toEqual(hashLeaf(Buffer.concat([a, b])));
    expect(hashChildren(a, b)).not.toEqual(hashChildren(b, a));
  });

  it('computes the published roots for trees of 1 to 8 leaves, incrementally and from scratch', () => {
    const range = new CompactRange();
    expect(range.root()).toEqual(EMPTY_ROOT);
    leaves.forEach((leaf, i) => {
      range.push(hashLeaf(leaf));
      expect(range.root().toString('hex'), `size ${i + 1}`).toBe(rootOf(i + 1).toString('hex'));
      expect(referenceMth(leaves.slice(0, i + 1))).toEqual(rootOf(i + 1));
    });
  });
});

describe('RFC 6962 inclusion proofs', () => {
  it('builds exactly the published proofs and verifies them', () => {
    for (const v of inclusionVectors) {
      const proof = inclusionProofOf(leaves, v.leaf - 1, v.size);
      expect(
        proof.map((p) => p.toString('hex')),
        `leaf ${v.leaf} of ${v.size}`,
      ).toEqual(v.proof.map((p) => p.toString('hex')));
      const leaf = hashLeaf(leaves[v.leaf - 1] as Buffer);
      expect(rootFromInclusionProof(v.leaf - 1, v.size, leaf, v.proof)).toEqual(rootOf(v.size));
      expect(verifyInclusion(v.leaf - 1, v.size, leaf, v.proof, rootOf(v.size))).toBe(true);
    }
  });

  it('rejects every corrupted variant of the published proofs', () => {
    for (const v of inclusionVectors) {
      const [index, size, root, leaf, proof] = [
        v.leaf - 1,
        v.size,
        rootOf(v.size),
        hashLeaf(leaves[v.leaf - 1] as Buffer),
        v.proof,
      ] as const;
      const probes: [string, number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        ['leafIndex - 1', index - 1, size, root, leaf, proof],
        ['leafIndex + 1', index + 1, size, root, leaf, proof],
        ['leafIndex ^ 2', index ^ 2, size, root, leaf, proof],
        ['treeSize * 2', index, size * 2, root, leaf, proof],
        ['treeSize / 2', index, Math.floor(size / 2), root, leaf, proof],
        ['wrong leaf', index, size, root, Buffer.from('WrongLeaf'), proof],
        ['empty root', index, size, emptyTreeHash, leaf, proof],
        ['random root', index, size, someHash, leaf, proof],
        ['trailing garbage', index, size, root, leaf, [...proof, Buffer.alloc(0)]],
        ['trailing root', index, size, root, leaf, [...proof, root]],
        ['preceding garbage', index, size, root, leaf, [Buffer.alloc(0), ...proof]],
        ['preceding root', index, size, root, leaf, [root, ...proof]],
      ];
      proof.forEach((_, i) =>
        probes.push([`modified proof[${i}] bit 3`, index, size, root, leaf, flipBit(proof, i, 8)]),
      );
      if (proof.length > 0) probes.push(['removed component', index, size, root, leaf, proof.slice(0, -1)]);
      if (proof.length > 1)
        probes.push([
          'inserted component',
          index,
          size,
          root,
          leaf,
          [proof[0] as Buffer, someHash, ...proof.slice(1)],
        ]);
      for (const [desc, i, n, r, l, p] of probes) {
        expect(verifyInclusion(i, n, l, p, r), `${desc} (leaf ${v.leaf} of ${v.size})`).toBe(false);
      }
    }
  });

  it('rejects impossible indexes, sizes and hash lengths', () => {
    for (const [index, size] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
    ] as const) {
      expect(verifyInclusion(index, size, someHash, [], Buffer.alloc(0))).toBe(false);
      expect(verifyInclusion(index, size, Buffer.alloc(0), [], emptyTreeHash)).toBe(false);
      expect(verifyInclusion(index, size, someHash, [], emptyTreeHash)).toBe(false);
    }
    const single = hashLeaf(Buffer.from('data'));
    expect(verifyInclusion(0, 1, single, [], single)).toBe(true);
    expect(verifyInclusion(0, 1, Buffer.alloc(0), [], single)).toBe(false);
    expect(verifyInclusion(0, 1, single, [], Buffer.alloc(0))).toBe(false);
    expect(verifyInclusion(0, 1, Buffer.alloc(0), [], Buffer.alloc(0))).toBe(false);
  });
});

describe('RFC 6962 consistency proofs', () => {
  it('follows the published edge cases', () => {
    const [r1, r2] = [Buffer.from("don't care 1"), Buffer.from("don't care 2")];
    const cases: [number, number, Buffer, Buffer, Buffer[], boolean][] = [
      [0, 0, r1, r2, [], false],
      [1, 1, r1, r2, [], false],
      [0, 0, r1, r1, [], true],
      [0, 1, r1, r2, [], true],
      [1, 1, r2, r2, [], true],
      [1, 0, r1, r2, [], false],
      [2, 1, r1, r2, [], false],
      [1, 2, r1, r2, [], false],
      [0, 0, emptyTreeHash, r2, [], false],
      [1, 1, emptyTreeHash, r2, [], false],
      [0, 0, emptyTreeHash, emptyTreeHash, [emptyTreeHash], false],
      [0, 1, emptyTreeHash, emptyTreeHash, [emptyTreeHash], false],
      [1, 1, emptyTreeHash, emptyTreeHash, [emptyTreeHash], false],
    ];
    for (const [m, n, a, b, p, want] of cases)
      expect(verifyConsistency(m, n, p, a, b), `${m}→${n}`).toBe(want);
  });

  it('builds exactly the published proofs, verifies them, and rejects every corrupted variant', () => {
    for (const v of consistencyVectors) {
      const [m, n, p, r1, r2] = [v.size1, v.size2, v.proof, rootOf(v.size1), rootOf(v.size2)] as const;
      expect(
        consistencyProofOf(leaves, m, n).map((x) => x.toString('hex')),
        `${m}→${n}`,
      ).toEqual(p.map((x) => x.toString('hex')));
      expect(verifyConsistency(m, n, p, r1, r2), `${m}→${n}`).toBe(true);
      if (p.length === 0) continue;
      const probes: [string, number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        ['size1 - 1', m - 1, n, r1, r2, p],
        ['size1 + 1', m + 1, n, r1, r2, p],
        ['size1 ^ 2', m ^ 2, n, r1, r2, p],
        ['size2 * 2', m, n * 2, r1, r2, p],
        ['size2 / 2', m, Math.floor(n / 2), r1, r2, p],
        ['wrong root1', m, n, Buffer.from('WrongRoot'), r2, p],
        ['wrong root2', m, n, r1, Buffer.from('WrongRoot'), p],
        ['swapped roots', m, n, r2, r1, p],
        ['empty proof', m, n, r1, r2, []],
        ['trailing garbage', m, n, r1, r2, [...p, Buffer.alloc(0)]],
        ['trailing root1', m, n, r1, r2, [...p, r1]],
        ['trailing root2', m, n, r1, r2, [...p, r2]],
        ['preceding garbage', m, n, r1, r2, [Buffer.alloc(0), ...p]],
        ['preceding root1', m, n, r1, r2, [r1, ...p]],
        ['preceding root2', m, n, r1, r2, [r2, ...p]],
        ['preceding proof[0]', m, n, r1, r2, [p[0] as Buffer, ...p]],
        ['truncated proof', m, n, r1, r2, p.slice(0, -1)],
      ];
      p.forEach((_, i) => probes.push([`modified proof[${i}] bit 4`, m, n, r1, r2, flipBit(p, i, 16)]));
      for (const [desc, a, b, x, y, q] of probes) {
        expect(verifyConsistency(a, b, q, x, y), `${desc} (${m}→${n})`).toBe(false);
      }
    }
  });
});

describe('proofs for random trees against an independent recomputation', () => {
  it('every inclusion and consistency proof verifies against the naive root, and a changed leaf breaks it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 70 }),
        fc.nat(),
        (data, seed) => {
          const n = data.length;
          const range = new CompactRange();
          const stored = new Map<string, Buffer>();
          for (const d of data)
            range.push(hashLeaf(d), (node) => stored.set(`${node.level}/${node.index}`, node.hash));
          // Every stored interior hash is the naive MTH of the leaves it covers.
          for (const [key, hash] of stored) {
            const [level, index] = key.split('/').map(Number) as [number, number];
            expect(hash).toEqual(referenceMth(data.slice(index * 2 ** level, (index + 1) * 2 ** level)));
          }
          const rootN = referenceMth(data);
          expect(range.root()).toEqual(rootN);
          for (let m = 0; m < n; m++) {
            const proof = inclusionProofOf(data, m, n);
            expect(verifyInclusion(m, n, hashLeaf(data[m] as Uint8Array), proof, rootN)).toBe(true);
            const other = hashLeaf(Buffer.concat([data[m] as Uint8Array, Buffer.from([seed % 256])]));
            expect(verifyInclusion(m, n, other, proof, rootN)).toBe(false);
          }
          for (let m = 0; m <= n; m++) {
            const proof = consistencyProofOf(data, m, n);
            const rootM = referenceMth(data.slice(0, m));
            expect(verifyConsistency(m, n, proof, rootM, rootN), `${m}→${n}`).toBe(true);
            if (m > 0 && m < n) {
              const forked = referenceMth([...data.slice(0, m - 1), Buffer.from('forged')]);
              expect(verifyConsistency(m, n, proof, forked, rootN)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
