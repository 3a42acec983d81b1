import fs from 'node:fs';
import path from 'node:path';

/**
 * A member of staff driving the app over HTTP, as the browser would: signs in
 * through next-auth and calls server actions by their build ids.
 */
export class StaffClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly origin: string,
    private readonly distDir = process.env.NEXT_DIST_DIR || '.next',
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrfResponse = await fetch(`${this.origin}/api/auth/csrf`);
    this.keep(csrfResponse);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const response = await fetch(`${this.origin}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: this.cookieHeader() },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${this.origin}/dashboard` }),
    });
    this.keep(response);
    if (![...this.cookies.keys()].some((name) => name.includes('session-token'))) throw new Error(`sign-in as ${email} failed (${response.status})`);
  }

  private actionId(exportedName: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(this.distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { exportedName?: string }>;
    };
    const entry = Object.entries(manifest.node).find(([, value]) => value.exportedName === exportedName);
    if (!entry) throw new Error(`no server action named ${exportedName} in the build`);
    return entry[0];
  }

  /** Calls a server action; resolves when its response has been read in full. */
  async action(pagePath: string, exportedName: string, args: unknown[]): Promise<string> {
    const response = await fetch(`${this.origin}${pagePath}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Next-Action': this.actionId(exportedName), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Cookie: this.cookieHeader() },
      body: JSON.stringify(args),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${exportedName}: HTTP ${response.status}`);
    if (/"ok":false/.test(text)) throw new Error(`${exportedName} refused: ${text.slice(0, 300)}`);
    return text;
  }
}
