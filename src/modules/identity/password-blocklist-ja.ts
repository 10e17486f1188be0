/**
 * Japanese patterns for the password blocklist (第6 4(2)(ウ) 想像しにくいもの), shipped with the package. The
 * romanised common words and names come from @zxcvbn-ts/language-ja; these are the patterns that list misses:
 * words typed in kana or kanji, keyboard runs on the JIS layout (and the kana that the same keys type), and
 * words a hospital in Japan reaches for first.
 */
const words = `
password pasuwado pasuwaado passwd himitsu himitu naisho naisyo aikotoba anshou ansyou
sakura sakurasaku sakurasakura fujisan fuji nippon nihon japan tokyo osaka saitama kawaguchi kawaguti
arigatou arigato arigatougozaimasu ohayou ohayo konnichiwa konnitiwa konbanwa sayonara sayounara
daisuki aishiteru aisiteru suki ganbare ganbatte otsukare otukare yoroshiku yorosiku
doraemon pikachu pokemon naruto gundam totoro anpanman hellokitty kitty ultraman kamenrider
tanaka suzuki satou sato takahashi watanabe itou ito yamamoto nakamura kobayashi katou kato
yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda
hashimoto yamashita ishikawa nakajima maeda fujita ogawa gotou okada hasegawa murakami kondou
hiroshi takashi makoto akira yuki yuuki yumi yoko youko keiko naoko kumiko tomoko hanako taro tarou
byouin byoin iryou iryo kango kangoshi kangosi isha ishi sensei kanja karute denshikarute
jimukyoku iryoujouhou iryojoho kensa yakuzai shinsatsu sinsatu uketsuke nyuuin nyuin
kawaguchishi iryousenta iryocenter medicalcenter hospital nurse doctor
heisei reiwa showa syowa taisho meiji
qwertyuiop asdfghjkl zxcvbnm qwertyuiop@ qwertyuiop@[ asdfghjkl;: asdfghjkl;:] zxcvbnm,./
1234567890- 1234567890-^ 1234567890-^\\ !"#$%&'()=~| 1qaz2wsx 1qaz2wsx3edc 1qazxsw2 zaq12wsx
1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y qazwsxedc qweasdzxc
パスワード ぱすわーど ひみつ 秘密 暗証番号 あいことば 合言葉 ぱすわど
さくら 桜 サクラ 富士山 ふじさん 日本 にほん にっぽん 東京 とうきょう 川口 かわぐち 川口市
ありがとう ありがとうございます おはよう こんにちは こんばんは さようなら
だいすき 大好き あいしてる 愛してる すき 好き がんばれ 頑張れ おつかれ よろしく
あいうえお あいうえおかきくけこ かきくけこ さしすせそ たちつてと なにぬねの はひふへほ まみむめも
アイウエオ アイウエオカキクケコ いろはにほへと いろはにほへとちりぬるを
ぬふあうえおやゆよわほへ たていすかんなにらせ゛゜ ちとしはきくまのりれけむ つさそひこみもねるめ
ぬふあうえおやゆよわほへー たていすかんなにらせ ちとしはきくまのりれけ つさそひこみもねるめろ
一二三四五六七八九十 いちにさんしごろくしちはちきゅうじゅう
病院 びょういん 医療 いりょう 看護 かんご 看護師 かんごし 医師 先生 せんせい 患者 かんじゃ
電子カルテ でんしかるて カルテ かるて 事務局 じむきょく 医療情報課 いりょうじょうほうか
川口市立医療センター 医療センター いりょうせんたー
ドラえもん どらえもん ピカチュウ ぴかちゅう ポケモン ぽけもん アンパンマン あんぱんまん
平成 へいせい 令和 れいわ 昭和 しょうわ 大正 明治
`;

/** Every entry, lower-cased. */
export const japanesePatterns: readonly string[] = words
  .split(/\s+/)
  .map((w) => w.trim().toLowerCase())
  .filter((w) => w.length > 0);

/** Keyboard rows of the JIS layout (letters and the kana the same keys type), for run detection. */
export const keyboardRows: readonly string[] = [
  '1234567890-^\\',
  'qwertyuiop@[',
  'asdfghjkl;:]',
  'zxcvbnm,./\\',
  'ぬふあうえおやゆよわほへー',
  'たていすかんなにらせ゛゜',
  'ちとしはきくまのりれけむ',
  'つさそひこみもねるめろ',
  '01234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん',
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン',
];
