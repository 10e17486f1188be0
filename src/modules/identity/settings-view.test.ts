import { beforeAll, expect, it } from 'vitest';
import { actorOf } from '../../../test/approvals/fixtures.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { rejection } from '../../../test/factories/identity.js';
import { assignmentRow, smallHospital } from '../../../test/factories/org.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { decideStep, submitRequest, systemActor, type Actor } from '../../kernel/index.js';
import { importOrg } from '../org/index.js';
import { getIdentitySettings, updateIdentitySettings } from './index.js';
import { identitySettingsSchema } from './password-profiles.js';

/**
 * The settings view tells the screen which fields of the Kawaguchi profiles the policy pack's parameters set, so
 * it shows them read-only with a request to the committee instead of an input the save would refuse (第9 3).
 * The small hospital, with S004 (Manager of 総務課) also a member of the committee.
 */
describeEachDialect(
  'the identity settings view: the fields the pack sets (第6 4(2), 第7 2(1)ウ(エ), 第9 3)',
  (db) => {
    let director: Actor;
    let member: Actor;
    const view = () => getIdentitySettings(db().ctx(systemActor('test')), {});

    beforeAll(async () => {
      const data = smallHospital();
      data.assignments.push(assignmentRow({ role: 'committee', employeeNumber: 'S004' }));
      await importOrg(db().ctx(), { data, source: 'identity settings view test' });
      director = await actorOf(db(), 'S002');
      member = await actorOf(db(), 'S004');
    });

    it('names each pack-set field with its parameter and clause, and leaves the others to the screen (第6 4(2)(ウ)(オ), 第7 2(1)ウ(エ))', async () => {
      const { packSet } = await view();
      expect(packSet.standard.preset).toBe('kawaguchiStandard');
      expect(Object.fromEntries(packSet.standard.fields.map((f) => [f.field, f.parameterKey]))).toEqual({
        minLength: 'identity.passwordMinLength',
        requireMixed: 'identity.passwordMinCharacterClasses',
        blocklist: 'identity.passwordRejectCommon',
        maxAgeDays: 'identity.passwordMaxAge',
        historyCount: 'identity.passwordHistory',
        lockoutThreshold: 'identity.lockoutAttempts',
        lockoutMinutes: 'identity.lockoutDuration',
      });
      expect(packSet.standard.fields.find((f) => f.field === 'minLength')).toEqual({
        field: 'minLength',
        parameterKey: 'identity.passwordMinLength',
        clause: '第6 4(2)(ウ)',
        labelJa: 'パスワードの最小文字数',
        labelEn: 'Minimum password length',
      });
      expect(packSet.privileged.preset).toBe('kawaguchiPrivileged');
      const privileged = packSet.privileged.fields.map((f) => f.field);
      expect(privileged).toContain('mfaRequired');
      expect(privileged).toContain('absoluteMinutes');
      // Not the pack's: the screen keeps these as inputs.
      for (const field of ['idleMinutes', 'elevationMinutes', 'rejectPersonalInfo', 'maxSignIns'])
        expect([...packSet.standard.fields, ...packSet.privileged.fields].map((f) => f.field)).not.toContain(
          field,
        );
      expect(privileged).not.toContain('lockoutMinutes');
    });

    it('follows a change the committee approves: the value, the Kawaguchi preset offered, and a save of the other fields (第9 3)', async () => {
      const submitted = await submitRequest(db().ctx(director), {
        draft: {
          typeId: 'policy.change',
          form: {
            parameterKey: 'identity.passwordMinLength',
            newValue: '14',
            reason: '点検結果を踏まえた見直し',
          },
        },
      });
      await decideStep(db().ctx(member), { requestId: submitted.id, decision: 'approve' });
      const changed = await view();
      expect(changed.settings.profiles.standard.minLength).toBe(14);
      // Choosing the Kawaguchi preset again on the screen gives the values in force, which the save accepts.
      expect(changed.presets['kawaguchiStandard']?.minLength).toBe(14);

      const before = await auditSize(db().handle);
      // As the screen sends it back (the route validates the body with the same schema).
      const shown = identitySettingsSchema.parse(changed.settings);
      const saved = {
        ...shown,
        profiles: { ...shown.profiles, standard: { ...shown.profiles.standard, idleMinutes: 45 } },
      };
      await updateIdentitySettings(db().ctx(systemActor('test')), saved);
      const [entry] = await auditEntries(db().handle, before);
      expect(entry).toMatchObject({
        kind: 'identity.settingsChanged',
        payload: { changes: { 'standard.idleMinutes': { from: 30, to: 45 } } },
      });
      expect(Object.keys(entry?.payload['changes'] ?? {})).toEqual(['standard.idleMinutes']);
      expect((await view()).settings.profiles.standard.idleMinutes).toBe(45);

      // The server still refuses the pack's field itself, naming it and the parameter (defence in depth).
      const after = await auditSize(db().handle);
      const refused = await rejection(
        updateIdentitySettings(db().ctx(systemActor('test')), {
          ...saved,
          profiles: { ...saved.profiles, standard: { ...saved.profiles.standard, minLength: 13 } },
        }),
        'validation',
      );
      expect(refused.issues[0]).toMatchObject({ field: 'profiles.standard.minLength' });
      expect(refused.issues[0]?.message.ja).toContain('identity.passwordMinLength（現在 14）');
      expect(await auditSize(db().handle)).toBe(after);
    });
  },
);
