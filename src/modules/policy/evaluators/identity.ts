import { bi } from '../../../kernel/index.js';
import type {
  ClauseEvaluator,
  ClauseFinding,
  EvaluationContext,
  EvidenceItem,
  UnitFinding,
} from '../compliance.model.js';
import { evidence, sameFinding, unitsFinding } from '../findings.js';

/**
 * 第6 4 and 第7 2 from the accounts Mamori's own identity service keeps: temporary passwords (7-2(3)イ, 6-4(2)(キ)),
 * IDs left active after a person left or unused for the hospital's threshold (7-2(1)イ(ウ)), the number of
 * privileged IDs (7-2(1)ウ(ア)), shared IDs with their designated users (6-4(1)), the previous sign-in (7-2(2)).
 * One query reads every account with its person; the rest is counting.
 */

interface AccountRow {
  readonly id: string;
  readonly loginId: string;
  readonly kind: string;
  readonly privileged: boolean;
  readonly systemRole: string | null;
  readonly mustChange: boolean;
  readonly passwordChangedAt: string;
  readonly lastSignInAt: string | null;
  readonly createdAt: string;
  readonly endDate: string | null;
  readonly staffId: string | null;
  readonly staffName: string | null;
  readonly staffUnitId: string | null;
  readonly staffEndDate: string | null;
}

const loadActiveAccounts = async (ctx: EvaluationContext): Promise<AccountRow[]> => {
  const rows = await ctx.db
    .selectFrom('accounts as a')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .select([
      'a.id',
      'a.login_id',
      'a.kind',
      'a.privileged',
      'a.system_role',
      'a.must_change_password',
      'a.password_changed_at',
      'a.last_sign_in_at',
      'a.created_at',
      'a.end_date',
      's.id as staff_id',
      's.name_kanji',
      's.unit_id',
      's.end_date as staff_end_date',
    ])
    .where('a.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    loginId: r.login_id,
    kind: r.kind,
    privileged: r.privileged === 1,
    systemRole: r.system_role,
    mustChange: r.must_change_password === 1,
    passwordChangedAt: r.password_changed_at,
    lastSignInAt: r.last_sign_in_at,
    createdAt: r.created_at,
    endDate: r.end_date,
    staffId: r.staff_id,
    staffName: r.name_kanji,
    staffUnitId: r.unit_id,
    staffEndDate: r.staff_end_date,
  }));
};

const who = (a: AccountRow): string => (a.staffName === null ? a.loginId : `${a.staffName}（${a.loginId}）`);
const whoEn = (a: AccountRow): string => (a.staffName === null ? a.loginId : `${a.staffName} (${a.loginId})`);

const accountItem = (a: AccountRow, ja: string, en: string, ok: boolean): EvidenceItem =>
  evidence({
    kind: 'record',
    type: 'Account',
    ref: `account:${a.id}`,
    label: bi(`${who(a)}: ${ja}`, `${whoEn(a)}: ${en}`),
    unitId: a.staffUnitId,
    ok,
  });

const DAY = 86_400_000;
const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

/** 7-2(3)イ, 6-4(2)(キ): temporary passwords are changed at first sign-in (Mamori allows nothing else before). */
const temporaryPasswords = (ctx: EvaluationContext, accounts: readonly AccountRow[]): ClauseFinding[] => {
  const hours = num(ctx.parameter('identity.temporaryPasswordValidity'), 72);
  const pending = accounts.filter((a) => a.mustChange);
  const limit = ctx.now.getTime() - hours * 3_600_000;
  const stale = pending.filter((a) => Date.parse(a.passwordChangedAt) < limit);
  const items = pending.map((a) =>
    stale.includes(a)
      ? accountItem(a, `仮パスワードが${String(hours)}時間を超えて未変更`, `temporary password unchanged for over ${String(hours)} hours`, false)
      : accountItem(a, '仮パスワード（初回サインイン時に変更）', 'temporary password (changed at first sign-in)', true),
  );
  const enforced = bi(
    '仮パスワードでのサインイン中はパスワード変更以外の操作をMamoriが拒否します。',
    'While signed in with a temporary password, Mamori refuses everything but the change.',
  );
  return sameFinding(
    ['7.2.3.b', '6.4.2.g'],
    stale.length === 0
      ? {
          status: 'met',
          reason: bi(
            `${enforced.ja}仮パスワードのままのID ${String(pending.length)}件は、いずれも発行から${String(hours)}時間以内です。`,
            `${enforced.en} ${String(pending.length)} IDs hold a temporary password, all issued within ${String(hours)} hours.`,
          ),
          evidence: items,
        }
      : {
          status: 'partlyMet',
          reason: bi(
            `${enforced.ja}ただし${String(stale.length)}件のIDが発行から${String(hours)}時間を超えても仮パスワードのままです（再発行が必要）。`,
            `${enforced.en} But ${String(stale.length)} IDs still hold a temporary password older than ${String(hours)} hours (reissue it).`,
          ),
          evidence: items,
        },
  );
};

/** 7-2(1)イ(ウ): no ID left active for someone who left, or unused beyond the hospital's threshold. */
const unusedIds = (ctx: EvaluationContext, accounts: readonly AccountRow[]): ClauseFinding => {
  const days = num(ctx.parameter('identity.unusedAccountThreshold'), 90);
  const cutoff = new Date(ctx.now.getTime() - days * DAY).toISOString();
  const left = (a: AccountRow): boolean =>
    (a.staffEndDate !== null && a.staffEndDate < ctx.asOf) || (a.endDate !== null && a.endDate < ctx.asOf);
  const unused = (a: AccountRow): boolean => (a.lastSignInAt ?? a.createdAt) < cutoff;
  const byUnit = new Map<string, AccountRow[]>();
  for (const a of accounts)
    if (a.staffUnitId !== null) byUnit.set(a.staffUnitId, [...(byUnit.get(a.staffUnitId) ?? []), a]);
  const units: UnitFinding[] = [];
  for (const unit of ctx.units) {
    const list = byUnit.get(unit.id) ?? [];
    if (list.length === 0) continue;
    const gone = list.filter(left);
    const idle = list.filter((a) => !left(a) && unused(a));
    const items = [
      ...gone.map((a) => accountItem(a, '退職・期間終了後もIDが有効', 'ID still active after the person left', false)),
      ...idle.map((a) =>
        accountItem(a, `${String(days)}日以上使われていないID`, `ID unused for ${String(days)} days or more`, false),
      ),
    ];
    units.push(
      gone.length > 0
        ? {
            unitId: unit.id,
            status: 'notMet',
            reason: bi(`退職等の後も有効なIDが${String(gone.length)}件あります。`, `${String(gone.length)} IDs active after their holder left.`),
            evidence: items,
          }
        : idle.length > 0
          ? {
              unitId: unit.id,
              status: 'partlyMet',
              reason: bi(`${String(days)}日以上使われていないIDが${String(idle.length)}件あります（点検が必要）。`, `${String(idle.length)} IDs unused for ${String(days)} days (to review).`),
              evidence: items,
            }
          : {
              unitId: unit.id,
              status: 'met',
              reason: bi(`有効なID ${String(list.length)}件はいずれも使用中です。`, `All ${String(list.length)} active IDs are in use.`),
              evidence: [],
            },
    );
  }
  return unitsFinding('7.2.1.b.c', bi('放置されたIDの有無', 'IDs left unused or after leaving'), units);
};

/** 7-2(1)ウ(ア): privileged IDs kept to the minimum the hospital set. */
const privilegedIds = (ctx: EvaluationContext, accounts: readonly AccountRow[]): ClauseFinding => {
  const max = num(ctx.parameter('identity.privilegedMaxHolders'), 3);
  const privileged = accounts.filter((a) => a.privileged);
  const items = privileged.map((a) => accountItem(a, '特権ID', 'privileged ID', privileged.length <= max));
  return privileged.length <= max
    ? {
        clauseId: '7.2.1.c.a',
        status: 'met',
        reason: bi(
          `Mamoriの特権IDは${String(privileged.length)}件で、上限${String(max)}件以内です。`,
          `Mamori has ${String(privileged.length)} privileged IDs, within the limit of ${String(max)}.`,
        ),
        evidence: items,
      }
    : {
        clauseId: '7.2.1.c.a',
        status: 'notMet',
        reason: bi(
          `Mamoriの特権IDが${String(privileged.length)}件あり、上限${String(max)}件を超えています。`,
          `Mamori has ${String(privileged.length)} privileged IDs, over the limit of ${String(max)}.`,
        ),
        evidence: items,
      };
};

/** 6-4(1): IDs are personal; a shared ID has designated users. */
const personalIds = async (ctx: EvaluationContext, accounts: readonly AccountRow[]): Promise<ClauseFinding> => {
  const shared = accounts.filter((a) => a.kind === 'shared');
  const users =
    shared.length === 0
      ? []
      : await ctx.db
          .selectFrom('shared_account_users')
          .select(['account_id'])
          .where('removed_at', 'is', null)
          .where(
            'account_id',
            'in',
            shared.map((a) => a.id),
          )
          .execute();
  const withUsers = new Set(users.map((u) => u.account_id));
  const orphan = shared.filter((a) => !withUsers.has(a.id));
  const nobody = accounts.filter((a) => a.kind === 'personal' && a.staffId === null && a.systemRole === null);
  const bad = [
    ...orphan.map((a) => accountItem(a, '利用者が指定されていない共用ID', 'shared ID without designated users', false)),
    ...nobody.map((a) => accountItem(a, '本人（職員）のいない個人ID', 'personal ID without a person', false)),
  ];
  return bad.length === 0
    ? {
        clauseId: '6.4.1',
        status: 'met',
        reason: bi(
          `有効なID ${String(accounts.length)}件はいずれも本人に結び付き（1人1ID）、共用ID ${String(shared.length)}件には利用者が指定されています。`,
          `All ${String(accounts.length)} active IDs belong to one person each; the ${String(shared.length)} shared IDs have designated users.`,
        ),
        evidence: shared.map((a) => accountItem(a, '共用ID（利用者指定あり）', 'shared ID with designated users', true)),
        evidenceCount: shared.length,
      }
    : {
        clauseId: '6.4.1',
        status: 'notMet',
        reason: bi(`本人に結び付かないIDが${String(bad.length)}件あります。`, `${String(bad.length)} IDs are not tied to a person.`),
        evidence: bad,
      };
};

/**
 * 7-2(2): the previous sign-in is shown after each sign-in (a Mamori feature), drawn from each account's last
 * sign-in; counted from the accounts already read, never by scanning the sign-in log.
 */
const previousSignIn = (accounts: readonly AccountRow[]): ClauseFinding => {
  const n = accounts.filter((a) => a.lastSignInAt !== null).length;
  return {
    clauseId: '7.2.2',
    status: 'met',
    reason: bi(
      `サインインの後に前回のサインイン日時を表示しています（Mamoriの機能）。サインイン済みのID ${String(n)}件。`,
      `The previous sign-in is shown after each sign-in (a Mamori feature); ${String(n)} IDs have signed in.`,
    ),
    evidence: [
      evidence({
        kind: 'check',
        type: 'Session',
        ref: 'system:identity.previousSignIn',
        label: bi(`サインイン済みのID ${String(n)}件`, `${String(n)} IDs have signed in`),
      }),
    ],
  };
};

export const identityEvaluator: ClauseEvaluator = {
  id: 'identity.accounts',
  module: 'identity',
  clauseIds: ['7.2.3.b', '6.4.2.g', '7.2.1.b.c', '7.2.1.c.a', '6.4.1', '7.2.2'],
  evaluate: async (ctx) => {
    const accounts = await loadActiveAccounts(ctx);
    return [
      ...temporaryPasswords(ctx, accounts),
      unusedIds(ctx, accounts),
      privilegedIds(ctx, accounts),
      await personalIds(ctx, accounts),
      previousSignIn(accounts),
    ];
  },
};
