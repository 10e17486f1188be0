import { createTheme } from '@mantine/core';

/**
 * No web fonts: the hospital network is closed. Japanese system fonts first (macOS, Linux, Windows), so kana and
 * kanji use Japanese glyph forms; generous line height for Japanese text.
 */
export const fontStack =
  '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic UI", "Yu Gothic", Meiryo, system-ui, sans-serif';

export const theme = createTheme({
  fontFamily: fontStack,
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  headings: { fontFamily: fontStack, fontWeight: '700' },
  primaryColor: 'teal',
  lineHeights: { xs: '1.5', sm: '1.6', md: '1.7', lg: '1.7', xl: '1.7' },
  defaultRadius: 'sm',
});

/** The per-request CSP nonce the server writes into <meta name="csp-nonce"> (none in the Vite dev server). */
export const readStyleNonce = (): string | undefined => {
  const value = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
  return value === '' || value === '__CSP_NONCE__' ? undefined : value;
};
