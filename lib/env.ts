import { z } from 'zod';

// Every environment variable Masthead reads, checked once. .env.example documents each.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), { error: 'must be a postgresql:// URL' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  AUTH_SECRET: z.string().min(32, { error: 'must be at least 32 characters (openssl rand -base64 32)' }).optional(),
  EMBEDDED_DB_DIR: z.string().optional(),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SMTP_URL: z
    .string()
    .refine((v) => v === '' || /^smtps?:\/\//.test(v), { error: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().optional(),
  SITE_URL: z
    .string()
    .refine((v) => v === '' || /^https?:\/\/[^/\s]+\/?$/.test(v), { error: 'must be the site’s origin, like https://news.example.org' })
    .optional(),
  // Reader donations (issue 5). Without a secret key the support page runs in test mode.
  STRIPE_SECRET_KEY: z
    .string()
    .refine((v) => v === '' || /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/.test(v), { error: 'must be a Stripe secret or restricted key (sk_live_…, sk_test_…, rk_…)' })
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .refine((v) => v === '' || v.startsWith('whsec_'), { error: 'must be the webhook signing secret (whsec_…) of the endpoint' })
    .optional(),
  // Only for tests against a local Stripe stand-in (e.g. stripe-mock); never with a live key.
  STRIPE_API_BASE: z
    .string()
    .refine((v) => v === '' || /^https?:\/\/[^/\s]+\/?$/.test(v), { error: 'must be an origin like http://127.0.0.1:12111' })
    .optional(),
  // The shared cache (issue 6): several app instances share cached pages and invalidations through
  // Redis; unset, each instance keeps its own cache in memory. Read by lib/cache/store.mjs.
  REDIS_URL: z
    .string()
    .refine((v) => v === '' || /^rediss?:\/\/[^\s]+$/.test(v), { error: 'must be a redis:// or rediss:// URL, like redis://127.0.0.1:6379' })
    .optional(),
  CACHE_PREFIX: z
    .string()
    .refine((v) => /^[\w.:-]{0,64}$/.test(v), { error: 'must be up to 64 letters, digits, dots, colons, dashes or underscores' })
    .optional(),
  CACHE_LOCAL_MAX_MB: z.coerce.number().int().min(1).max(65_536).optional(),
  // Sign-in throttling per client address (lib/throttle/address.ts): how many proxies of ours
  // stand in front of the app, whose X-Forwarded-For entries may be believed.
  TRUSTED_PROXY: z
    .string()
    .refine((v) => /^(|true|false|[0-9]|10)$/.test(v), { error: 'must be the number of proxies in front of the app (0–10), or true for one' })
    .optional(),
  NEWSROOM_TIME_ZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, { error: 'must be an IANA time zone such as Europe/London' })
    .default('Europe/London'),
});

export type Env = z.infer<typeof schema>;

function checkCombinations(data: Env, ctx: z.RefinementCtx) {
  if (data.STRIPE_API_BASE && /^(sk|rk)_live_/.test(data.STRIPE_SECRET_KEY ?? '')) {
    ctx.addIssue({ code: 'custom', path: ['STRIPE_API_BASE'], message: 'is for tests only and cannot be used with a live key' });
  }
}
const checkedSchema = schema.superRefine(checkCombinations);

/** Reads process.env now: the launcher sets DATABASE_URL after start-up, so nothing is cached. */
export function env(): Env {
  const result = checkedSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
