import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from './server-process.js';

/**
 * A persona's first sign-in in a fresh browser context (ja-JP, Japan time): the temporary password the server
 * printed, then the forced change to `password` (第7 2(3)イ). Page errors are collected into `pageErrors`.
 */
export const firstSignIn = async (
  browser: Browser,
  server: RunningServer,
  loginId: string,
  password: string,
  pageErrors: string[],
  viewport = { width: 1360, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => pageErrors.push(`${loginId}: ${e.message}`));
  const temporary = server.personas.get(loginId) ?? '';
  expect(temporary, server.output()).not.toBe('');
  await page.goto(`${server.baseUrl}/signin`);
  await page.getByTestId('signin-login-id').fill(loginId);
  await page.getByTestId('signin-password').fill(temporary);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL((u) => u.pathname === '/password');
  await page.getByTestId('password-current').fill(temporary);
  await page.getByTestId('password-new').fill(password);
  await page.getByTestId('password-confirm').fill(password);
  await page.getByTestId('password-submit').click();
  await page.waitForURL((u) => u.pathname === '/');
  return { context, page };
};
