import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../db/demo-staff';
import { EditorPage } from './pages/editor-page';
import { SignInPage } from './pages/sign-in-page';

export type StaffRole = keyof typeof DEMO_STAFF;
export { DEMO_STAFF, expect };

export const test = base.extend<{ editor: EditorPage; signIn: (role: StaffRole) => Promise<void> }>({
  editor: async ({ page }, provide) => provide(new EditorPage(page)),
  signIn: async ({ page }, provide) =>
    provide(async (role) => {
      const signInPage = new SignInPage(page);
      await signInPage.goto();
      await signInPage.signIn(DEMO_STAFF[role].email, DEMO_PASSWORD);
      await page.waitForURL('**/dashboard');
    }),
});

export const uniqueText = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A real image file, made on the spot. */
export async function makeImageFile(name: string, color: string, width = 1200, height = 800) {
  const buffer = await sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
  return { name, mimeType: 'image/png', buffer };
}

/**
 * A server action's id, from the production build's manifest, so a test can
 * call the action the way any HTTP client could, without the UI.
 */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, value]) => value.exportedName === exportedName);
  if (!entry) throw new Error(`No server action named ${exportedName} in the build`);
  return entry[0];
}

/** Posts to a server action directly, as an attacker would. Returns the raw response text. */
export async function callServerAction(request: APIRequestContext, pagePath: string, exportedName: string, args: unknown[]) {
  const response = await request.post(pagePath, {
    headers: { 'Next-Action': serverActionId(exportedName), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

export async function articleIdFromUrl(page: Page): Promise<string> {
  await page.waitForURL(/\/dashboard\/articles\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}
