/** 記録の履歴（ja.ts の `records` 名前空間）。英語は messages-en.ts、同じキー。 */
export const recordsJa = { history: '履歴', title: '{{name}} の履歴（台帳の記録）', close: '閉じる' };
