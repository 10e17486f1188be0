import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding Mamori's package.json, from src (tsx) or dist/server (tsc); `policy/` ships beside it. */
const mamoriPackageRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'package.json');
    if (
      existsSync(candidate) &&
      (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown }).name === 'mamori'
    )
      return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the mamori package root (package.json named "mamori")');
};

export const defaultPolicyPackName = 'kawaguchi';

/** `<package root>/policy/<name>`: the packs that ship with Mamori. */
export const policyPackDir = (name: string = defaultPolicyPackName): string =>
  join(mamoriPackageRoot(), 'policy', name);
