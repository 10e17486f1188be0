import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, historyPath, setCsrfToken, withQuery } from './client.js';

const jsonResponse = (status: number, body: unknown): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends the CSRF token on non-GET requests only, with same-origin credentials', async () => {
    const calls: RequestInit[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      calls.push(init);
      return Promise.resolve(
        init.method === 'GET' ? jsonResponse(200, { ok: true }) : new Response(null, { status: 204 }),
      );
    });
    setCsrfToken('tok-1');
    await api('/api/session');
    await api('/api/session', { method: 'DELETE' });
    const [get, del] = calls;
    expect(get?.credentials).toBe('same-origin');
    expect((get?.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((del?.headers as Record<string, string>)['x-csrf-token']).toBe('tok-1');
  });

  it('turns an error body into ApiError with the bilingual message and issues', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        jsonResponse(400, {
          error: {
            code: 'validation',
            message: { ja: '入力に誤りがあります。', en: 'Invalid input.' },
            issues: [
              { field: 'nameKana', row: 3, message: { ja: 'カナで入力してください。', en: 'Use kana.' } },
            ],
          },
          requestId: 'req-9',
        }),
      ),
    );
    const err = await api('/api/org/import', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation');
    expect(e.bilingual.ja).toBe('入力に誤りがあります。');
    expect(e.issues[0]?.row).toBe(3);
    expect(e.requestId).toBe('req-9');
  });

  it('gives a bilingual error for a non-JSON failure and for a network failure', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })));
    const e1 = (await api('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(e1.code).toBe('http502');
    expect(e1.bilingual.en).toContain('502');
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const e2 = (await api('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(e2.status).toBe(0);
    expect(e2.bilingual.ja).toContain('サーバーに接続できません');
  });

  it('builds query strings and history paths', () => {
    expect(withQuery('/api/org/staff', { q: '山田 太郎', unitId: undefined, limit: 50, offset: 0 })).toBe(
      '/api/org/staff?q=%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E&limit=50&offset=0',
    );
    expect(historyPath('unit:01J/x')).toBe('/api/records/unit%3A01J%2Fx/history');
  });
});
