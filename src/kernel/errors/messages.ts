import type { ErrorCode } from './app-error.js';
import type { Bilingual } from './bilingual.js';

/** The default user-facing message for each code; exhaustive so a new code cannot ship without text. */
export const defaultMessage = (code: ErrorCode): Bilingual => {
  switch (code) {
    case 'validation':
      return { ja: '入力内容に誤りがあります。', en: 'The input is not valid.' };
    case 'unauthenticated':
      return { ja: 'サインインが必要です。', en: 'You need to sign in.' };
    case 'invalidCredentials':
      return {
        ja: 'ログインIDまたはパスワードが正しくありません。',
        en: 'The login ID or password is incorrect.',
      };
    case 'passwordChangeRequired':
      return {
        ja: '仮のパスワードです。続けるにはパスワードを変更してください（第7 2(3)イ）。',
        en: 'This is a temporary password. Change it to continue (7-2(3)b).',
      };
    case 'forbidden':
      return { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' };
    case 'notFound':
      return { ja: '対象が見つかりません。', en: 'Not found.' };
    case 'conflict':
      return { ja: '他の記録と矛盾するため実行できません。', en: 'This conflicts with an existing record.' };
    case 'rateLimited':
      return {
        ja: '短時間に多くの要求がありました。しばらく待ってから再試行してください。',
        en: 'Too many requests. Wait a moment and try again.',
      };
    case 'configuration':
      return { ja: '設定に誤りがあります。', en: 'The configuration is not valid.' };
    case 'internal':
      return {
        ja: 'システム内部でエラーが発生しました。変更は行われていません。',
        en: 'An internal error occurred. Nothing was changed.',
      };
  }
};
