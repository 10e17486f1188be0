import { describe, expect, it } from 'vitest';
import { parsePersonas } from './server-process.js';

const printed = `{"level":30,"msg":"Server listening at http://127.0.0.1:18200"}

Sign in with these temporary passwords. They are shown only once and must be changed at first sign-in (第7 2(3)イ).
以下の仮パスワードでサインインしてください。
  # システム管理者 / system administrator
  admin  h5fjYCrvbyB2v5qB
  # 4階東病棟の職員（役割なし） / A staff member of Ward 4 East with no role
  demo-staff  KEaVMSaH73vJyYdA
  demo-auditor  f95dyc2k7KrJZgrw
`;

describe('parsePersonas', () => {
  it('reads the demo personas printed after "Sign in", and nothing else', () => {
    expect([...parsePersonas(printed)]).toEqual([
      ['demo-staff', 'KEaVMSaH73vJyYdA'],
      ['demo-auditor', 'f95dyc2k7KrJZgrw'],
    ]);
  });

  it('ignores a line that has not fully arrived yet', () => {
    expect(parsePersonas(`Sign in\n  demo-staff  KEaVMSaH73vJ`).has('demo-staff')).toBe(false);
    expect(parsePersonas('  demo-staff  before-the-sign-in-line\n').size).toBe(0);
  });
});
