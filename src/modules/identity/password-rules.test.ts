import { describe, expect, it } from 'vitest';
import { romajiSpellings } from './kana-romaji.js';
import { isBlocklisted } from './password-blocklist.js';
import { presets } from './password-profiles.js';
import { brokenRules, type PasswordOwner } from './password-rules.js';
import { departuresOf } from './profile-departures.js';

const nanami: PasswordOwner = {
  loginId: 'staff7',
  nameKanji: '職員 七海',
  nameKana: 'ショクイン ナナミ',
  employeeNumber: 'S0071',
};
const standard = presets.kawaguchiStandard;

describe('password rules (第6 4(2)(ウ))', () => {
  it('refuses common and breached passwords, decorated or not, from the shipped blocklist (第6 4(2)(ウ))', () => {
    for (const p of ['password1234', 'Passw0rd2026!', 'iloveyou!!!!', '1qaz2wsx3edc', 'trustno1trustno1'])
      expect(isBlocklisted(p), p).toBe(true);
    expect(brokenRules(standard, 'password1234!', nanami)).toEqual(['blocklisted']);
  });

  it('refuses Japanese patterns: romaji words and names, kana, kanji, and JIS keyboard runs (第6 4(2)(ウ))', () => {
    for (const p of [
      'sakura2026!!',
      'tanaka123456',
      'arigatou1234',
      'パスワード1234',
      'ぱすわーど',
      'さくら12345678',
      'ぬふあうえおやゆよわほへ',
      'qwertyuiop@[',
      'asdfghjkl;:]',
      'あいうえおかきくけこ',
      '２０２６０４０１１２３４', // full-width digits: NFKC makes them a date
      'doraemon2026',
    ])
      expect(isBlocklisted(p), p).toBe(true);
  });

  it('accepts long passphrases, including the ones the sign-in tests use', () => {
    for (const p of [
      'Sakura-Kawaguchi-2026!',
      'correct horse battery staple 9',
      'the operator passphrase 42',
    ])
      expect(brokenRules(standard, p, nanami), p).toEqual([]);
  });

  it('refuses the login ID, the name in kanji, kana or romaji, and the employee number (第6 4(2)(ウ))', () => {
    expect(brokenRules(standard, 'my-staff7-password-long', nanami)).toContain('containsLoginId');
    expect(brokenRules(standard, 'とても長い七海の合言葉です', nanami)).toContain('containsName');
    expect(brokenRules(standard, 'ななみの長いパスフレーズ', nanami)).toContain('containsName');
    expect(brokenRules(standard, 'Nanami-loves-the-sea-42', nanami)).toContain('containsName');
    expect(brokenRules(standard, 'shokuin-blue-river-42', nanami)).toContain('containsName');
    expect(brokenRules(standard, 'syokuin-blue-river-42', nanami)).toContain('containsName');
    expect(brokenRules(standard, 'blue-river-s0071-plain', nanami)).toContain('containsEmployeeNumber');
  });

  it('counts characters after NFKC, so a Japanese passphrase is measured in letters, not bytes', () => {
    const letters = { ...standard, requireMixed: false };
    expect(brokenRules(letters, '春はあけぼのやうやう白くなりゆく', nanami)).toEqual([]); // 16 characters
    expect(brokenRules(letters, '春はあけぼの', nanami)).toEqual(['tooShort']);
  });

  it('asks for letters, digits and symbols only under the MHLW profiles', () => {
    expect(brokenRules(presets.mhlwLong, 'correct horse battery staple', nanami)).toContain('notMixed');
    expect(brokenRules(presets.mhlwLong, 'correct horse battery staple 9', nanami)).toEqual([]);
    expect(brokenRules(presets.nist80063b4, 'correct horse battery staple', nanami)).toEqual([]);
  });

  it('spells kana names in Hepburn and Kunrei romaji', () => {
    expect(romajiSpellings('ジョウホウ')).toEqual(
      expect.arrayContaining(['jouhou', 'joho', 'zyouhou', 'zyoho']),
    );
    expect(romajiSpellings('きっちゃん')).toEqual(expect.arrayContaining(['kitchan', 'kittyan']));
    expect(romajiSpellings('ツシマ')).toEqual(expect.arrayContaining(['tsushima', 'tusima']));
  });
});

describe('departures from NIST SP 800-63B-4 and the MHLW guideline', () => {
  const guides = (p: typeof standard) => departuresOf(p).map((d) => `${d.guide}:${d.field}`);

  it('shows where the Kawaguchi standard profile departs from NIST and MHLW, and why', () => {
    expect(guides(presets.kawaguchiStandard)).toEqual([
      'nist:minLength',
      'nist:requireMixed',
      'nist:maxAgeDays',
    ]);
    const periodic = departuresOf(presets.kawaguchiStandard).find((d) => d.field === 'maxAgeDays');
    expect(periodic?.why.ja).toContain('第6 4(2)(オ)');
    expect(periodic?.what.en).toContain('SHALL NOT');
  });

  it('marks the NIST profile as departing from the standard itself (第6 4(2)(オ)), not from NIST', () => {
    expect(guides(presets.nist80063b4)).toEqual(['standard:maxAgeDays', 'mhlw:requireMixed']);
  });

  it('finds each MHLW option compliant with MHLW, and their composition rule a NIST departure', () => {
    for (const p of [presets.mhlwLong, presets.mhlwPeriodic, presets.mhlwTwoFactor])
      expect(guides(p).filter((g) => g.startsWith('mhlw'))).toEqual([]);
    expect(guides(presets.mhlwLong)).toContain('nist:requireMixed');
    expect(guides(presets.mhlwTwoFactor)).not.toContain('nist:minLength');
  });
});
