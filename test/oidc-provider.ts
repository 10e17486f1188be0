/**
 * A real OpenID Connect provider (`oidc-provider` from npm) on a loopback port, started by the tests: a confidential
 * client with PKCE required, an RSA signing key made for the run, its own login page (no devInteractions: a small
 * form posting to /interaction/:uid/login that checks the test accounts' passwords) and consent granted for this
 * first-party client. `tamper` makes the token endpoint hand out ID tokens re-signed with a key the provider never
 * published, under the provider's own key id, as an attacker in the middle would.
 */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface ProviderAccount {
  readonly password: string;
  readonly claims: Record<string, string>;
}

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Re-sign ID tokens with a key the provider never published. */
  tamper: boolean;
  stop(): Promise<void>;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

const readForm = async (req: IncomingMessage): Promise<URLSearchParams> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};

const loginPage = (uid: string, error: string | null): string => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>院内統合認証（テスト）</title></head>
<body><h1>院内統合認証（テスト用プロバイダ）</h1>
${error === null ? '' : `<p id="error">${escapeHtml(error)}</p>`}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>ユーザー名 <input name="login" id="login" autocomplete="off"></label>
<label>パスワード <input name="password" id="password" type="password"></label>
<button type="submit" id="submit">サインイン</button>
</form></body></html>`;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });

/** Rewrites the token endpoint's JSON so its id_token is signed by `key` (same header, same claims). */
const tamperTokenResponse = (res: ServerResponse, key: KeyObject): void => {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = ((chunk: unknown) => {
    chunks.push(Buffer.from(chunk as Buffer));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Buffer));
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id_token?: string };
    const finish = (text: string) => {
      res.setHeader('content-length', Buffer.byteLength(text));
      write(text);
      end();
    };
    if (body.id_token === undefined) {
      finish(JSON.stringify(body));
      return res;
    }
    const header = decodeProtectedHeader(body.id_token);
    void new SignJWT(decodeJwt(body.id_token))
      .setProtectedHeader({ alg: 'RS256', ...(header.kid === undefined ? {} : { kid: header.kid }) })
      .sign(key)
      .then((forged) => finish(JSON.stringify({ ...body, id_token: forged })));
    return res;
  }) as typeof res.end;
};

export const startOidcProvider = async (options: {
  readonly redirectUris: readonly string[];
  readonly accounts: Readonly<Record<string, ProviderAccount>>;
}): Promise<TestProvider> => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${String(port)}`;
  const clientId = 'mamori-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };
  const scopes = ['openid', 'profile', 'employee'];
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], employee: ['employee_number'] },
    scopes,
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const account = options.accounts[sub];
      if (account === undefined) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account.claims }) };
    },
    // A first-party client: consent is given on the person's behalf (the hospital's own application).
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (client === undefined || session?.accountId === undefined) return undefined;
      const existing = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing !== undefined) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(scopes.join(' '));
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handler = provider.callback();
  const state = { tamper: false };

  const interaction = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const [, , uid = '', action] = url.pathname.split('/');
    if (req.method === 'GET' && action === undefined) {
      await provider.interactionDetails(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, null));
      return;
    }
    if (req.method === 'POST' && action === 'login') {
      const form = await readForm(req);
      const login = form.get('login') ?? '';
      const account = options.accounts[login];
      if (account === undefined || account.password !== form.get('password')) {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(loginPage(uid, 'ユーザー名またはパスワードが違います。'));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    res.writeHead(404).end();
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname.startsWith('/interaction/')) {
      interaction(req, res, url).catch((e: unknown) => {
        res.writeHead(500).end(e instanceof Error ? e.message : String(e));
      });
      return;
    }
    if (state.tamper && url.pathname === '/token') tamperTokenResponse(res, attacker);
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    get tamper() {
      return state.tamper;
    },
    set tamper(on: boolean) {
      state.tamper = on;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
