import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { auditSize } from '../../test/ledger-helpers.js';
import { startTestServer } from '../../test/server-harness.js';

interface ErrorBody {
  error: { code: string; message: { ja: string; en: string } };
}

/**
 * Issue 4 (rate limits): sign-in answers a burst from one address with 429 and a bilingual message once its limit
 * (30 a minute) is spent, while another address is still served.
 */
describeEachDialect('rate limits', (db) => {
  it('refuses the 31st sign-in of a minute from one address with 429, in Japanese and English', async () => {
    const server = await startTestServer(db());
    const attempt = (remoteAddress: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress,
        // A malformed body: refused at once, so the burst does not wait on password hashing.
        payload: { loginId: '' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await attempt('203.0.113.7')).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 400)).toBe(true);
    expect(codes[30]).toBe(429);
    const refused = await attempt('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    const body = refused.json<ErrorBody>();
    expect(body.error.code).toBe('rateLimited');
    expect(body.error.message.ja).toMatch(/しばらく|時間をおいて/);
    expect(body.error.message.en).toMatch(/too many/i);
    expect((await attempt('203.0.113.8')).statusCode).toBe(400);
    const before = await auditSize(db().handle);
    await attempt('203.0.113.7');
    expect(await auditSize(db().handle)).toBe(before);
    await server.app.close();
  });
});
