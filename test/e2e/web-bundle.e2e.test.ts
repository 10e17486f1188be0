/** The web first load stays within budget (brief: ≤ 300 kB gzip JavaScript). Needs `npm run build` first. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const webDir = path.resolve(import.meta.dirname, '../../dist/web');
const BUDGET_BYTES = 300_000;

describe('web bundle', () => {
  it('loads at most 300 kB of gzipped JavaScript on first load, and nothing from another origin', () => {
    const indexPath = path.join(webDir, 'index.html');
    if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: run \`npm run build\` first.`);
    const html = readFileSync(indexPath, 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
    const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    const files = [...new Set([...scripts, ...preloads])];
    expect(files.length).toBeGreaterThan(0);
    for (const f of [...files, ...[...html.matchAll(/\bhref="([^"]+)"/g)].map((m) => m[1] ?? '')]) {
      expect(f, 'assets must come from the same origin').toMatch(/^\/(?!\/)/);
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(html).toContain('<meta name="csp-nonce" content="__CSP_NONCE__"');
    const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(webDir, f))).length, 0);
    console.info(
      `[web bundle] first-load JavaScript: ${(gzipped / 1000).toFixed(1)} kB gzip in ${String(files.length)} file(s)`,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
