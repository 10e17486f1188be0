import { AppError, type Actor } from '../../kernel/index.js';

/**
 * Contractors never create or change privileged IDs, nor the rules that govern them (第7 2(1)ウ(ウ)), whatever
 * system role their account holds.
 */
export const refuseContractor = (actor: Actor): void => {
  if (actor.category === 'contractor')
    throw new AppError(
      'forbidden',
      {
        ja: '委託事業者は特権IDの作成・変更を行えません（第7 2(1)ウ(ウ)）。',
        en: 'Contractors may not create or change privileged IDs (第7 2(1)ウ(ウ)).',
      },
      { internal: `contractor ${actor.loginId} refused` },
    );
};
