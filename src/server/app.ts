import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  registerApprovalRoutes,
  undeclaredRouteActions,
  type AppContext,
  type Config,
  type MamoriApp,
  type RouteDeclaration,
} from '../kernel/index.js';
import { registerAssetRecordRoutes, registerAssetRoutes } from '../modules/assets/index.js';
import { registerFacilitiesRoutes } from '../modules/facilities/index.js';
import {
  fileSecretBox,
  registerDirectoryRoutes,
  registerIdentityRoutes,
  registerLifecycleRoutes,
  registerOidcRoutes,
  registerScimRoutes,
  registerScimTokenRoutes,
  secretsKeyFileOf,
} from '../modules/identity/index.js';
import { orgDirectory, registerOrgRoutes } from '../modules/org/index.js';
import { ledgerKeyFileOf } from '../kernel/ledger/operations.js';
import { checkpointSealer } from './checkpoint-sealer.js';
import { registerPolicyRoutes, type ComplianceService } from '../modules/policy/index.js';
import { registerRecordsRoutes } from '../modules/records/index.js';
import { actionHook, authHook } from './auth-hook.js';
import { serverLogger } from './request-log.js';
import { handleError } from './http-errors.js';
import { handleScimError } from './scim-errors.js';
import { registerHealthRoutes } from './health.routes.js';
import { registerLedgerRoutes } from './ledger.routes.js';
import { packageVersion } from './package-root.js';
import { approvalHooks, complianceService } from './runtime.js';
import { registerStaticWeb } from './static-web.js';
import { zodValidatorCompiler } from './zod-validator.js';

export interface BuildAppOptions {
  readonly config: Config;
  readonly app: AppContext;
  readonly logger?: FastifyServerOptions['logger'];
  readonly webDir?: string;
  /** Compliance evaluation (policy module); the shipped packs and evaluators by default. */
  readonly compliance?: ComplianceService;
}

/** The HTTP server: security headers, sessions, every module's routes, OpenAPI, and the web app. */
export const buildApp = async (options: BuildAppOptions): Promise<MamoriApp> => {
  const { config } = options;
  // The approvals engine finds approvers through the organisation (a port the org module implements).
  const context: AppContext = {
    ...options.app,
    orgDirectory: options.app.orgDirectory ?? orgDirectory,
    approvalHooks: options.app.approvalHooks ?? approvalHooks,
  };
  const app = Fastify({
    logger: options.logger ?? serverLogger(config.logLevel),
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // 第7 1(1): every API route that needs a session names its action; the server does not start otherwise.
  const routes: RouteDeclaration[] = [];
  app.addHook('onRoute', (route) => {
    routes.push({ method: route.method, url: route.url, config: route.config });
  });
  app.addHook('onReady', (done) => {
    const undeclared = undeclaredRouteActions(routes);
    done(
      undeclared.length > 0
        ? new Error(`API routes without a declared action:\n${undeclared.join('\n')}`)
        : undefined,
    );
  });

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: config.secureCookies,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mamori API',
        version: packageVersion(),
        description: '守り: 情報セキュリティ対策基準を日々の業務に / the security standard as daily work',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mamori_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
    staticCSP: true,
  });

  app.addHook('onRequest', authHook(context, config.sessionIdleMinutes));
  app.addHook('preHandler', actionHook);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  registerHealthRoutes(app, context.database, packageVersion());
  registerIdentityRoutes(app, {
    limits: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    secureCookies: config.secureCookies,
    publicUrl: config.publicUrl,
  });
  // The account lifecycle: personnel events and their import, account administration, the sweep (第7 2(1)イ).
  registerLifecycleRoutes(app);
  registerScimTokenRoutes(app);
  // SCIM 2.0 for HR systems, with bearer tokens and RFC 7644's error bodies.
  await registerScimRoutes(app, { onError: handleScimError, publicUrl: config.publicUrl });
  // Directory synchronisation; its bind password is sealed with the key beside the data (never in the database).
  const secrets = fileSecretBox(secretsKeyFileOf(config));
  registerDirectoryRoutes(app, { secrets });
  // Single sign-on with the hospital's OpenID Connect provider; the client secret is sealed the same way.
  registerOidcRoutes(app, { secrets, secureCookies: config.secureCookies, publicUrl: config.publicUrl });
  registerOrgRoutes(app);
  registerRecordsRoutes(app);
  registerPolicyRoutes(app, options.compliance ?? complianceService(), {
    sealCheckpoint: checkpointSealer(ledgerKeyFileOf(config)),
  });
  registerLedgerRoutes(app, { keyFile: ledgerKeyFileOf(config) });
  registerApprovalRoutes(app);
  registerAssetRoutes(app);
  registerAssetRecordRoutes(app);
  registerFacilitiesRoutes(app);
  await registerStaticWeb(app, options.webDir);
  return app;
};
