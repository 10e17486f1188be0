import { AppError } from '../../kernel/index.js';
import type { SessionStage } from './open-session.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Reachable before the sign-in's second step is done: `challenge` while a factor is awaited, `enrolment` while
     * one must be enrolled first (privileged IDs, 7-2(1)ウ(エ)), `both` for either (the session itself).
     */
    beforeSecondFactor?: 'challenge' | 'enrolment' | 'both';
  }
}

/**
 * The refusal for a request made before the second step of the sign-in is done, or null when the route allows it.
 * The server's auth hook throws it, as it does for an unchanged temporary password.
 */
export const secondFactorRefusal = (
  stage: SessionStage,
  allowed: 'challenge' | 'enrolment' | 'both' | undefined,
): AppError | null => {
  if (stage === 'full') return null;
  if (allowed === 'both') return null;
  if (allowed === 'challenge' && stage === 'mfa') return null;
  if (allowed === 'enrolment' && stage === 'enrol') return null;
  return stage === 'mfa'
    ? new AppError(
        'forbidden',
        {
          ja: '確認コード（認証アプリ・セキュリティキー・回復コード）を入力してサインインを完了してください。',
          en: 'Finish signing in with your second factor (authenticator app, security key or recovery code).',
        },
        { internal: 'second factor pending' },
      )
    : new AppError(
        'forbidden',
        {
          ja: 'このIDは多要素認証が必須です。先に認証アプリまたはセキュリティキーを登録してください（第7 2(1)ウ(エ)）。',
          en: 'This ID requires multi-factor authentication. Enrol an authenticator app or a security key first (第7 2(1)ウ(エ)).',
        },
        { internal: 'second factor enrolment required' },
      );
};
