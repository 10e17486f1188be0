/** A JSON value that canonicalizes without loss. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * RFC 8785 (JCS) canonical JSON: keys sorted by UTF-16 code units (what Array.prototype.sort does without a
 * comparator), no white space, ECMAScript number and string serialization (which JSON.stringify already follows
 * for finite numbers and strings). Written as one string build: every ledger entry passes through it.
 */
export const canonicalJson = (value: JsonValue): string => {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold NaN or Infinity');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        const items = value as readonly JsonValue[];
        let out = '[';
        for (let i = 0; i < items.length; i++)
          out += (i === 0 ? '' : ',') + canonicalJson(items[i] as JsonValue);
        return `${out}]`;
      }
      const obj = value as { readonly [key: string]: JsonValue | undefined };
      const keys = Object.keys(obj).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = obj[key];
        if (item === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
};
