import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { AppError, systemActor, type Actor, type MamoriApp } from '../../src/kernel/index.js';
import {
  authenticateSession,
  changePassword,
  createAccount,
  signIn,
  totpCodeAt,
  type AuthenticatedSession,
} from '../../src/modules/identity/index.js';
import { importOrg } from '../../src/modules/org/index.js';
import type { TestDatabase } from '../db-harness.js';
import { smallHospital } from './org.js';

/** A password that passes every profile's rules, distinct per call (for history tests). */
let counter = 0;
export const goodPassword = (): string => `Tsuki-ga-kirei-desu-ne-${String(++counter)}!`;

/** The small hospital with accounts for some of its people (login ID → employee number); temporary passwords. */
export const hospitalWithAccounts = async (
  db: TestDatabase,
  accounts: Record<string, string>,
): Promise<Map<string, string>> => {
  const ctx = db.ctx(systemActor('test'));
  await importOrg(ctx, { data: smallHospital() });
  const passwords = new Map<string, string>();
  for (const [loginId, employeeNumber] of Object.entries(accounts))
    passwords.set(loginId, (await createAccount(ctx, { loginId, employeeNumber })).temporaryPassword);
  return passwords;
};

export interface SignedIn extends AuthenticatedSession {
  readonly token: string;
}

/** Signs in through the use case, as the sign-in route does; fails the test when refused. */
export const signInSession = async (
  db: TestDatabase,
  loginId: string,
  password: string,
  ip = '192.0.2.10',
): Promise<SignedIn> => {
  const result = await signIn(db.ctx(), { loginId, password, ip, userAgent: 'vitest' });
  if (!result.ok) throw new Error(`sign-in of ${loginId} refused`);
  const session = await authenticateSession(db.ctx(), result.token, 30);
  if (!session) throw new Error(`session of ${loginId} not found`);
  return { ...session, token: result.token };
};

/** First sign-in with the temporary password, then the change it forces; returns a full session. */
export const activate = async (
  db: TestDatabase,
  loginId: string,
  temporary: string,
  password = goodPassword(),
): Promise<{ session: SignedIn; password: string }> => {
  const first = await signInSession(db, loginId, temporary);
  await changePassword(db.ctx(first.actor), {
    currentPassword: temporary,
    newPassword: password,
    sessionId: first.sessionId,
  });
  return { session: await signInSession(db, loginId, password), password };
};

export const actorOf = (session: AuthenticatedSession): Actor => session.actor;

/** Awaits a rejection and checks it is an AppError with the code; returns it for further checks. */
export const rejection = async (p: Promise<unknown>, code: AppError['code']): Promise<AppError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};

// ---------------------------------------------------------------------------------------------------------------
// A software WebAuthn authenticator (ES256, "none" attestation), for tests where no browser runs.

const cborHead = (major: number, n: number): Buffer => {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  const b = Buffer.alloc(3);
  b[0] = (major << 5) | 25;
  b.writeUInt16BE(n, 1);
  return b;
};
type Cbor = number | string | Buffer | Map<Cbor, Cbor>;
const cbor = (v: Cbor): Buffer => {
  if (typeof v === 'number') return v >= 0 ? cborHead(0, v) : cborHead(1, -1 - v);
  if (typeof v === 'string') return Buffer.concat([cborHead(3, Buffer.byteLength(v)), Buffer.from(v)]);
  if (Buffer.isBuffer(v)) return Buffer.concat([cborHead(2, v.length), v]);
  const parts: Buffer[] = [cborHead(5, v.size)];
  for (const [k, x] of v) parts.push(cbor(k), cbor(x));
  return Buffer.concat(parts);
};

const b64url = (b: Buffer): string => b.toString('base64url');

export interface SoftKey {
  readonly credentialId: string;
  /** The browser's answer to registration options. */
  attest(options: { challenge: string }, origin: string, rpId: string): Record<string, unknown>;
  /** The browser's answer to authentication options. */
  assert(options: { challenge: string }, origin: string, rpId: string): Record<string, unknown>;
}

export const softKey = (): SoftKey => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const id = randomBytes(16);
  let counter = 0;
  const coseKey = cbor(
    new Map<Cbor, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x ?? '', 'base64url')],
      [-3, Buffer.from(jwk.y ?? '', 'base64url')],
    ]),
  );
  const rpHash = (rpId: string) => createHash('sha256').update(rpId).digest();
  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  return {
    credentialId: b64url(id),
    attest: (options, origin, rpId) => {
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(id.length);
      const authData = Buffer.concat([
        rpHash(rpId),
        Buffer.from([0x45]), // UP | UV | AT
        Buffer.alloc(4),
        Buffer.alloc(16), // AAGUID
        idLength,
        id,
        coseKey,
      ]);
      const attestationObject = cbor(
        new Map<Cbor, Cbor>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]),
      );
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', options.challenge, origin)),
          attestationObject: b64url(attestationObject),
          transports: ['usb'],
        },
        clientExtensionResults: {},
      };
    },
    assert: (options, origin, rpId) => {
      counter += 1;
      const count = Buffer.alloc(4);
      count.writeUInt32BE(counter);
      const authData = Buffer.concat([rpHash(rpId), Buffer.from([0x05]), count]);
      const data = clientData('webauthn.get', options.challenge, origin);
      const signature = sign(
        'sha256',
        Buffer.concat([authData, createHash('sha256').update(data).digest()]),
        privateKey,
      );
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(data),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
        },
        clientExtensionResults: {},
      };
    },
  };
};

// ---------------------------------------------------------------------------------------------------------------
// Over HTTP: the second step of a sign-in with an authenticator app, enrolling one first when the profile asks.

export interface HttpSession {
  cookie: string | null;
  csrf: string | null;
}

const cookieOf = (res: LightMyRequestResponse, fallback: string | null): string | null => {
  const c = res.cookies.find((x) => x.name === 'mamori_session');
  return c ? `mamori_session=${c.value}` : fallback;
};

/** Signs in over HTTP and finishes the second step with TOTP (enrolling the app first if needed). */
export const signInWithTotp = async (
  app: MamoriApp,
  loginId: string,
  password: string,
  now: () => Date,
  secret?: string,
): Promise<{ session: HttpSession; secret: string; recoveryCodes: string[] | null }> => {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { loginId, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${loginId}: ${String(res.statusCode)} ${res.body}`);
  const view = res.json<{ stage: string; csrfToken: string }>();
  let session: HttpSession = { cookie: cookieOf(res, null), csrf: view.csrfToken };
  const send = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({
      method,
      url,
      headers: {
        ...(session.cookie ? { cookie: session.cookie } : {}),
        ...(session.csrf ? { 'x-csrf-token': session.csrf } : {}),
      },
      ...(payload === undefined ? {} : { payload }),
    });
  const refresh = async (r: LightMyRequestResponse) => {
    session = { cookie: cookieOf(r, session.cookie), csrf: session.csrf };
    const s = await send('GET', '/api/session');
    session = { ...session, csrf: s.json<{ csrfToken: string }>().csrfToken };
  };
  if (view.stage === 'enrol') {
    const started = await send('POST', '/api/account/mfa/totp', { label: 'test app' });
    const { factorId, secret: fresh } = started.json<{ factorId: string; secret: string }>();
    const confirmed = await send('POST', '/api/account/mfa/totp/confirm', {
      factorId,
      code: totpCodeAt(fresh, now()),
    });
    if (confirmed.statusCode !== 200) throw new Error(`enrolment: ${confirmed.body}`);
    await refresh(confirmed);
    return {
      session,
      secret: fresh,
      recoveryCodes: confirmed.json<{ recoveryCodes: string[] | null }>().recoveryCodes,
    };
  }
  if (view.stage === 'mfa') {
    if (secret === undefined) throw new Error(`${loginId} needs a TOTP secret`);
    const done = await send('POST', '/api/session/mfa', { code: totpCodeAt(secret, now()) });
    if (done.statusCode !== 204) throw new Error(`second factor: ${done.body}`);
    await refresh(done);
  }
  return { session, secret: secret ?? '', recoveryCodes: null };
};
