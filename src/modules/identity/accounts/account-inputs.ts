import {
  AppError,
  calendarDate,
  validationError,
  type Db,
  type FieldIssue,
  type StaffTable,
  type UseCaseContext,
} from '../../../kernel/index.js';
import { findStaffByNumber } from '../../org/index.js';
import { findAccountByLoginId } from '../accounts.repository.js';

/** Today in the hospital's time zone. */
export const todayOf = (ctx: UseCaseContext): string => calendarDate(ctx.clock.now(), ctx.timeZone);

const issue = (field: string, ja: string, en: string): FieldIssue => ({ field, message: { ja, en } });

/** People named by employee number who are on the roster today; every one that is not is an issue. */
export const currentStaff = async (
  tx: Db,
  numbers: readonly string[],
  fieldOf: (index: number) => string,
  today: string,
): Promise<StaffTable[]> => {
  const issues: FieldIssue[] = [];
  const found: StaffTable[] = [];
  for (const [i, n] of numbers.entries()) {
    const staff = await findStaffByNumber(tx, n);
    const at = fieldOf(i);
    if (staff === undefined)
      issues.push(
        issue(at, `職員番号 ${n} の職員が見つかりません。`, `No staff member has employee number ${n}.`),
      );
    else if (staff.start_date > today || (staff.end_date !== null && staff.end_date < today))
      issues.push(
        issue(at, `職員番号 ${n} の職員は現在在籍していません。`, `${n} is not on the roster today.`),
      );
    else found.push(staff);
  }
  if (issues.length > 0) throw validationError(issues);
  return found;
};

export const requireFreeLoginId = async (tx: Db, loginId: string): Promise<void> => {
  if (await findAccountByLoginId(tx, loginId)) {
    const message = {
      ja: `ログインID ${loginId} は使用されています。`,
      en: `The login ID ${loginId} is taken.`,
    };
    throw new AppError('validation', message, { issues: [{ field: 'loginId', message }] });
  }
};
