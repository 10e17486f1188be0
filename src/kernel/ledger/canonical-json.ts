/** A JSON value that canonicalizes without loss. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** An object's keys in UTF-16 code unit order; payloads are mostly written in that order already. */
const sortedKeys = (obj: object): string[] => {
  const keys = Object.keys(obj);
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort();
  return keys;
};

// Payload keys repeat from entry to entry: their JSON is kept (a bounded cache, in case keys come from data).
const encodedKeys = new Map<string, string>();
const keyJson = (key: string): string => {
  let encoded = encodedKeys.get(key);
  if (encoded === undefined) {
    if (encodedKeys.size >= 4096) encodedKeys.clear();
    encoded = JSON.stringify(key);
    encodedKeys.set(key, encoded);
  }
  return encoded;
};

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
      const keys = sortedKeys(obj);
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = obj[key];
        if (item === undefined) continue;
        out += `${first ? '' : ','}${keyJson(key)}:${canonicalJson(item)}`;
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
