import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { getSiteSettings } from './settings/site';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** `sent: false` means the caller shows the link to the admin to pass on by hand. */
export type MailResult = { sent: true } | { sent: false; reason: 'not_configured' | 'failed' };

// Read per call, not at import: tests and the launcher set the environment late.
function smtpUrl(): string | null {
  return process.env.SMTP_URL?.trim() || null;
}

/** True when Masthead can send email (SMTP_URL is set). */
export function mailConfigured(): boolean {
  return smtpUrl() !== null;
}

async function fromAddress(url: URL): Promise<string> {
  const configured = process.env.MAIL_FROM?.trim();
  if (configured) return configured;
  const user = decodeURIComponent(url.username);
  const address = user.includes('@') ? user : `no-reply@${url.hostname}`;
  const { name } = await getSiteSettings();
  return `"${name.replace(/["\\]/g, '')}" <${address}>`;
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: an admin is waiting on the answer, and the link is shown if sending fails.
    transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends a plain-text email through the SMTP server in SMTP_URL. Without one,
 * or when sending fails, nothing is thrown: the result says it was not sent.
 * Nothing here logs the message body (it carries single-use links) or the URL
 * (it carries the SMTP password).
 */
export async function sendMail(mail: Mail): Promise<MailResult> {
  const url = smtpUrl();
  if (!url) return { sent: false, reason: 'not_configured' };
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error('not smtp');
  } catch {
    console.error('[mail] SMTP_URL is not an smtp:// or smtps:// URL; no email sent.');
    return { sent: false, reason: 'failed' };
  }
  try {
    await transportFor(url).sendMail({ from: await fromAddress(parsed), to: mail.to, subject: mail.subject, text: mail.text });
    return { sent: true };
  } catch (error) {
    const e = error as { code?: string; responseCode?: number };
    console.error(`[mail] could not send "${mail.subject}": ${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}`);
    return { sent: false, reason: 'failed' };
  }
}
