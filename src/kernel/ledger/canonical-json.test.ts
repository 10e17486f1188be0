import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryBytes } from './append.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';

describe('RFC 8785 canonical JSON', () => {
  it('sorts keys by UTF-16 code units, as in the RFC 8785 §3.2.3 example', () => {
    // The property names of the RFC's sorting example, in the order it prints them.
    const names = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    const shuffled = Object.fromEntries([...names].reverse().map((n) => [n, n.length]));
    expect(canonicalJson(shuffled)).toBe(
      `{${names.map((n) => `${JSON.stringify(n)}:${n.length}`).join(',')}}`,
    );
    expect(canonicalJson({ b: [1, 'x', null, true], a: { d: 1e21, c: -0 } })).toBe(
      '{"a":{"c":0,"d":1e+21},"b":[1,"x",null,true]}',
    );
    expect(canonicalJson({ s: '\u2028\n"\\é' })).toBe('{"s":"\u2028\\n\\"\\\\é"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });

  it('encodes an entry exactly as the general canonicalizer does', () => {
    const json: fc.Arbitrary<JsonValue> = fc.jsonValue() as fc.Arbitrary<JsonValue>;
    fc.assert(
      fc.property(
        fc.record({
          index: fc.nat(),
          time: fc.string(),
          kind: fc.string(),
          actor: fc.string(),
          subject: fc.string(),
          payload: json,
        }),
        (fields) => {
          expect(entryBytes(fields).toString('utf8')).toBe(canonicalJson(fields));
          expect(JSON.parse(entryBytes(fields).toString('utf8'))).toEqual(JSON.parse(canonicalJson(fields)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
