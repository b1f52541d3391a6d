import { COMPLAINT_CATEGORIES } from '../core/record.js';

/** Where the collector keeps its records. */
export type DatabaseConfig =
  | { engine: 'postgres'; url: string; poolSize: number }
  | {
      engine: 'pglite';
      dataDir: string;
      /**
       * A PGlite data folder dumped as a tar file (`dumpDataDir`) that a new database starts from
       * instead of being created empty; migrations then bring it up to date. Creating PGlite's
       * cluster is most of a new database's 6 s, which the test suite would pay some sixty times.
       */
      template?: string;
    };

export type LogLevel = 'info' | 'error' | 'silent';

/** Everything the collector reads from its environment (CONTRACT §6), parsed and checked. */
export interface CollectorConfig {
  port: number;
  /** Interface to listen on; undefined = every interface (Node's default). */
  host: string | undefined;
  database: DatabaseConfig;
  /** Bearer token of the admin routes; undefined = admin routes closed (403). */
  adminToken: string | undefined;
  /** Origins allowed by CORS; undefined = public routes answer any origin, admin routes none. */
  allowedOrigins: string[] | undefined;
  /** Submission requests per minute per client address; 0 = no limit. */
  rateLimit: number;
  /** Take the client address from the last `X-Forwarded-For` entry (behind a proxy that appends it). */
  trustProxy: boolean;
  /** Default IANA time zone of `/v1/summary`. */
  timeZone: string;
  /** Days from receipt to a complaint's `dueAt`. */
  complaintDueDays: number;
  /** Complaint categories: the six of src/core plus the agency's own (`COMPLAINT_CATEGORIES`). */
  complaintCategories: string[];
  logLevel: LogLevel;
  /** Agency of Open311 requests that carry no `jurisdiction_id`. */
  open311Agency: string | undefined;
  /** Keys accepted as Open311 `api_key`; undefined = none required. */
  open311ApiKeys: string[] | undefined;
  /** The agency's own rating page for invitation links (`?svc-invite=CODE`); undefined = the hosted `/r/{code}`. */
  inviteUrl: string | undefined;
  /** Default lifetime of an invitation, in days (fractions allowed). */
  inviteTtlDays: number;
  /** Lifetime of a kiosk arming, in seconds. */
  kioskArmSeconds: number;
  /** Ratings of one kiosk or address closer than this many seconds are marked `suspect: "burst"`; 0 = off. */
  burstSeconds: number;
  /** Where complaint events are POSTed (CONTRACT §8); undefined = no webhooks. */
  webhookUrl: string | undefined;
  /** Key of the `X-Svc-Signature` HMAC; required with `webhookUrl`. */
  webhookSecret: string | undefined;
  /** Days after a complaint closes that its contact details and attachments are wiped. */
  contactRetentionDays: number;
  /** Public URL of the GeoReport v2 endpoint for the discovery document; undefined = from the request's Host. */
  open311Url: string | undefined;
  /** The discovery document's `contact` and `key_service` texts; undefined = the collector's defaults. */
  open311Contact: string | undefined;
  open311KeyService: string | undefined;
  /**
   * Who may list requests by window (`GET requests` without `service_request_id`): `public` (as
   * GeoReport v2 intends) or `api_key` (a key of `open311ApiKeys`). Lookups by id stay public.
   */
  open311RequestsList: 'public' | 'api_key';
  /**
   * The database holds the demo's sample dataset: /healthz says `"sample": true`. Set only by
   * `npm start` (scripts/demo-server.mjs), never from the environment.
   */
  sample?: boolean;
}

/** A setting that cannot be used, named so the operator can fix it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

/** The runtime's IANA time zone (what `summarize` uses when none is given). */
export function runtimeTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** True when the name is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Reads and checks the environment; throws a ConfigError naming the variable at fault. */
export function configFromEnv(env: Record<string, string | undefined> = process.env): CollectorConfig {
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}").`);
    }
    return Number(raw);
  };
  const list = (name: string): string[] | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
    return items.length === 0 ? undefined : items;
  };

  const databaseUrl = value('DATABASE_URL');
  let database: DatabaseConfig;
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL.');
    }
    database = { engine: 'postgres', url: databaseUrl, poolSize: integer('PG_POOL_SIZE', 10, 1, 200) };
  } else {
    const template = value('PGLITE_TEMPLATE');
    database = { engine: 'pglite', dataDir: value('DATA_DIR') ?? './data', ...(template !== undefined ? { template } : {}) };
  }

  const adminToken = value('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 16) {
    throw new ConfigError('ADMIN_TOKEN', 'must be at least 16 characters (use a long random string, e.g. `openssl rand -hex 24`).');
  }

  const allowedOrigins = list('ALLOWED_ORIGINS');
  for (const origin of allowedOrigins ?? []) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new ConfigError('ALLOWED_ORIGINS', `"${origin}" is not an origin such as https://dichvucong.example.gov.vn (scheme, host and port only, no trailing slash).`);
    }
  }

  const trustProxy = value('TRUST_PROXY');
  if (trustProxy !== undefined && trustProxy !== '0' && trustProxy !== '1') {
    throw new ConfigError('TRUST_PROXY', 'must be 1 (behind a proxy that appends X-Forwarded-For) or 0.');
  }

  const timeZone = value('TIME_ZONE') ?? runtimeTimeZone();
  if (!isTimeZone(timeZone)) throw new ConfigError('TIME_ZONE', `"${timeZone}" is not an IANA time zone such as Asia/Ho_Chi_Minh.`);

  const dueDaysRaw = value('COMPLAINT_DUE_DAYS');
  const complaintDueDays = dueDaysRaw === undefined ? 10 : Number(dueDaysRaw);
  if (!/^\d+(\.\d+)?$/.test(dueDaysRaw ?? '10') || !(complaintDueDays > 0) || complaintDueDays > 3650) {
    throw new ConfigError('COMPLAINT_DUE_DAYS', `must be a number of days greater than 0 (got "${dueDaysRaw}").`);
  }

  const extraCategories = list('COMPLAINT_CATEGORIES') ?? [];
  for (const category of extraCategories) {
    if (!TOKEN.test(category)) {
      throw new ConfigError('COMPLAINT_CATEGORIES', `"${category}" is not a category id (letters, digits, _ and -, at most 64).`);
    }
  }
  const complaintCategories = [...new Set([...COMPLAINT_CATEGORIES, ...extraCategories])];

  const logLevel = (value('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!['info', 'error', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', 'must be info, error or silent.');
  }

  const open311Agency = value('OPEN311_AGENCY');
  if (open311Agency !== undefined && (open311Agency.length > 200 || /[\u0000-\u001F\u007F]/.test(open311Agency))) {
    throw new ConfigError('OPEN311_AGENCY', 'must be one line of at most 200 characters.');
  }

  const inviteUrl = value('INVITE_URL');
  if (inviteUrl !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(inviteUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.hash !== '') {
      throw new ConfigError('INVITE_URL', `"${inviteUrl}" is not the http(s) URL of a rating page (no #fragment).`);
    }
  }
  const ttlRaw = value('INVITE_TTL_DAYS');
  const inviteTtlDays = ttlRaw === undefined ? 30 : Number(ttlRaw);
  if (!/^\d+(\.\d+)?$/.test(ttlRaw ?? '30') || !(inviteTtlDays > 0) || inviteTtlDays > 3650) {
    throw new ConfigError('INVITE_TTL_DAYS', `must be a number of days greater than 0, at most 3650 (got "${ttlRaw}").`);
  }
  const webhookUrl = value('WEBHOOK_URL');
  const webhookSecret = value('WEBHOOK_SECRET');
  if (webhookUrl !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(webhookUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new ConfigError('WEBHOOK_URL', 'must be an http:// or https:// URL.');
    if (webhookSecret === undefined || webhookSecret.length < 16) {
      throw new ConfigError('WEBHOOK_SECRET', 'must be set, at least 16 characters, with WEBHOOK_URL (the receiver checks the signature with it).');
    }
  }
  const open311Url = value('OPEN311_URL')?.replace(/\/+$/, '');
  if (open311Url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(open311Url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search !== '' || parsed.hash !== '') {
      throw new ConfigError('OPEN311_URL', `"${open311Url}" is not a URL such as https://feedback.example.gov.vn/open311/v2.`);
    }
  }
  const oneLine = (name: string): string | undefined => {
    const text = value(name);
    if (text !== undefined && (text.length > 500 || /[\u0000-\u001F\u007F]/.test(text))) throw new ConfigError(name, 'must be one line of at most 500 characters.');
    return text;
  };

  const open311RequestsList = value('OPEN311_REQUESTS_LIST') ?? 'public';
  if (open311RequestsList !== 'public' && open311RequestsList !== 'api_key') {
    throw new ConfigError('OPEN311_REQUESTS_LIST', 'must be public or api_key.');
  }
  if (open311RequestsList === 'api_key' && list('OPEN311_API_KEYS') === undefined) {
    throw new ConfigError('OPEN311_REQUESTS_LIST', 'api_key needs OPEN311_API_KEYS: without keys nobody could list requests.');
  }

  return {
    port: integer('PORT', 8787, 0, 65535),
    inviteUrl,
    inviteTtlDays,
    kioskArmSeconds: integer('KIOSK_ARM_SECONDS', 600, 10, 86_400),
    burstSeconds: integer('BURST_SECONDS', 3, 0, 3600),
    host: value('HOST'),
    database,
    adminToken,
    allowedOrigins,
    rateLimit: integer('RATE_LIMIT', 300, 0, 1_000_000),
    trustProxy: trustProxy === '1',
    timeZone,
    complaintDueDays,
    complaintCategories,
    logLevel,
    open311Agency,
    open311ApiKeys: list('OPEN311_API_KEYS'),
    webhookUrl,
    webhookSecret: webhookUrl !== undefined ? webhookSecret : undefined,
    contactRetentionDays: integer('CONTACT_RETENTION_DAYS', 90, 1, 36500),
    open311Url,
    open311Contact: oneLine('OPEN311_CONTACT'),
    open311KeyService: oneLine('OPEN311_KEY_SERVICE'),
    open311RequestsList,
  };
}
