/**
 * Kana → romaji, to find a person's name typed in Latin letters inside a password (第6 4(2)(ウ)). Names are kept
 * in kana (staff.name_kana); people type them in Hepburn (shi, tsu, chi) or Kunrei (si, tu, ti), with long vowels
 * written out (ou, uu) or dropped. Each spelling is returned.
 */
const base: Record<string, [hepburn: string, kunrei: string]> = {};
const add = (kana: string, hepburn: string, kunrei = hepburn): void => {
  base[kana] = [hepburn, kunrei];
};
const rows: [string, string[]][] = [
  ['', ['ア', 'イ', 'ウ', 'エ', 'オ']],
  ['k', ['カ', 'キ', 'ク', 'ケ', 'コ']],
  ['g', ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ']],
  ['s', ['サ', 'シ', 'ス', 'セ', 'ソ']],
  ['z', ['ザ', 'ジ', 'ズ', 'ゼ', 'ゾ']],
  ['t', ['タ', 'チ', 'ツ', 'テ', 'ト']],
  ['d', ['ダ', 'ヂ', 'ヅ', 'デ', 'ド']],
  ['n', ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ']],
  ['h', ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ']],
  ['b', ['バ', 'ビ', 'ブ', 'ベ', 'ボ']],
  ['p', ['パ', 'ピ', 'プ', 'ペ', 'ポ']],
  ['m', ['マ', 'ミ', 'ム', 'メ', 'モ']],
  ['r', ['ラ', 'リ', 'ル', 'レ', 'ロ']],
];
const vowels = ['a', 'i', 'u', 'e', 'o'];
for (const [consonant, kana] of rows) kana.forEach((k, i) => add(k, `${consonant}${vowels[i] ?? ''}`));
add('シ', 'shi', 'si');
add('ジ', 'ji', 'zi');
add('チ', 'chi', 'ti');
add('ツ', 'tsu', 'tu');
add('フ', 'fu', 'hu');
add('ヂ', 'ji', 'di');
add('ヅ', 'zu', 'du');
add('ヤ', 'ya');
add('ユ', 'yu');
add('ヨ', 'yo');
add('ワ', 'wa');
add('ヲ', 'o', 'wo');
add('ン', 'n');
add('ヴ', 'vu');

const small: Record<string, string> = { ャ: 'a', ュ: 'u', ョ: 'o' };

const toKatakana = (s: string): string =>
  s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** One spelling (0 = Hepburn, 1 = Kunrei) of a kana string. */
const spell = (kana: string, system: 0 | 1): string => {
  const chars = Array.from(toKatakana(kana));
  let out = '';
  let doubleNext = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const next = chars[i + 1] ?? '';
    if (c === 'ッ') {
      doubleNext = true;
      continue;
    }
    if (c === 'ー') {
      out += out.at(-1) ?? '';
      continue;
    }
    const entry = base[c];
    if (entry === undefined) continue;
    let syllable = entry[system];
    const smallVowel = small[next];
    if (smallVowel !== undefined && syllable.endsWith('i')) {
      const stem = syllable.slice(0, -1);
      // シャ → sha / sya; チャ → cha / tya; ジャ → ja / zya; キャ → kya
      syllable = stem.endsWith('h') || stem === 'j' ? `${stem}${smallVowel}` : `${stem}y${smallVowel}`;
      i++;
    }
    if (doubleNext) {
      syllable = syllable.startsWith('ch') ? `t${syllable}` : `${syllable.charAt(0)}${syllable}`;
      doubleNext = false;
    }
    out += syllable;
  }
  return out;
};

/** Hepburn and Kunrei spellings, each also with long vowels shortened (ou → o, uu → u). */
export const romajiSpellings = (kana: string): string[] => {
  const spellings = new Set<string>();
  for (const system of [0, 1] as const) {
    const s = spell(kana, system);
    if (s === '') continue;
    spellings.add(s);
    spellings.add(s.replace(/ou/g, 'o').replace(/uu/g, 'u'));
    spellings.add(s.replace(/ou/g, 'oh'));
  }
  return [...spellings];
};
