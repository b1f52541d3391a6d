import type { Context } from '../app.js';
import { formatOf, sendOpen311Object } from '../http/open311.js';

// Open311 service discovery (required beside GeoReport v2): where the endpoint is, which
// specification and formats it speaks, whom to ask, and a changeset that tells clients when to
// refresh the services they cached.

/** Where the endpoint lives below the collector's root. */
export const OPEN311_PATH = '/open311/v2';
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/**
 * The services and their definitions only change with the collector's code or settings
 * (`COMPLAINT_CATEGORIES`), that is, with a restart: the time this module was loaded says when
 * they may last have changed.
 */
const CHANGESET = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The endpoint's public URL: `OPEN311_URL`, or else the URL the client used (its Host header; the
 * scheme from X-Forwarded-Proto only behind a trusted proxy). A Host that is not a host name falls
 * back to localhost and the collector's port.
 */
export function endpointUrl(context: Context): string {
  const { config } = context.app;
  if (config.open311Url !== undefined) return config.open311Url;
  const host = context.req.headers.host;
  const forwarded = String(context.req.headers['x-forwarded-proto'] ?? '').split(',').pop()?.trim().toLowerCase();
  const scheme = config.trustProxy && (forwarded === 'https' || forwarded === 'http') ? forwarded : 'http';
  return `${scheme}://${host !== undefined && HOST.test(host) ? host : `localhost:${config.port}`}${OPEN311_PATH}`;
}

/** GET /open311/discovery.{json,xml}. */
export function getOpen311Discovery(context: Context): void {
  const { config } = context.app;
  const keyService =
    config.open311KeyService ??
    (config.open311ApiKeys === undefined
      ? 'No api_key is needed to file a request here.'
      : 'Filing a request needs an api_key: ask the agency that runs this endpoint for one.');
  const discovery = {
    changeset: CHANGESET,
    contact: config.open311Contact ?? 'Ask the agency that runs this endpoint.',
    key_service: keyService,
    endpoints: [
      {
        specification: GEOREPORT_V2,
        url: endpointUrl(context),
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
  sendOpen311Object(context.res, formatOf(context.url.pathname), 'discovery', discovery);
}
