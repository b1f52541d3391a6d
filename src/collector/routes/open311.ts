import type { App } from '../app.js';
import type { Route } from '../http/router.js';
import { getOpen311Discovery } from './open311-discovery.js';
import { getOpen311Requests, getOpen311Request, getOpen311Token, postOpen311Request } from './open311-requests.js';
import { getOpen311ServiceDefinition, getOpen311Services } from './open311-services.js';

// Open311 GeoReport v2 (CONTRACT §6): every resource in both formats, chosen by its extension
// (XML is the one the specification requires; JSON the provider's option), and service discovery.
// Errors answer in the format asked for (the server reads the extension: see http/open311.ts).

type Handler = Route<App>['handle'];

const RESOURCES: ReadonlyArray<readonly [method: string, path: string, handle: Handler]> = [
  ['GET', '/open311/discovery', getOpen311Discovery],
  ['GET', '/open311/v2/services', getOpen311Services],
  ['GET', '/open311/v2/services/:code', getOpen311ServiceDefinition],
  ['GET', '/open311/v2/requests', getOpen311Requests],
  ['POST', '/open311/v2/requests', postOpen311Request],
  ['GET', '/open311/v2/requests/:id', getOpen311Request],
  ['GET', '/open311/v2/tokens/:token', getOpen311Token],
];

/** The Open311 routes: each resource as `.json` and `.xml`, public (any 311 client may call). */
export function open311Routes(): Route<App>[] {
  return RESOURCES.flatMap(([method, path, handle]) =>
    (['json', 'xml'] as const).map((extension) => ({ method, path: `${path}.${extension}`, access: 'public' as const, open311: true, handle })),
  );
}

export { open311Request } from './open311-requests.js';
export { open311ToComplaint } from './open311-form.js';
