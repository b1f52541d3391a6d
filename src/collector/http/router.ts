import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access } from './cors.js';
import { HttpError } from './errors.js';

/** What a handler gets: the request, its parsed URL, the path parameters, and a place for log fields. */
export interface RequestContext<App> {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  app: App;
  /** Filled by handlers for the request log (never personal data). */
  log: { records?: number };
}

export interface Route<App> {
  method: string;
  /** `/v1/complaints/:key`, `/open311/v2/requests/:id.json`: a `:name` segment may end in a fixed suffix. */
  path: string;
  /** Who may read the answer cross-origin; a function when it depends on the query (`groupBy=officer`). */
  access: Access | ((url: URL) => Access);
  /** Errors in Open311's form (a JSON or XML error list, by the path's extension) instead of `{ error }`. */
  open311?: boolean;
  handle(context: RequestContext<App>): Promise<void> | void;
}

interface Compiled<App> {
  route: Route<App>;
  segments: Array<{ literal: string } | { param: string; suffix: string }>;
}

export interface Match<App> {
  route: Route<App>;
  params: Record<string, string>;
}

/** A small method + path router: exact segments, named parameters, 404 and 405 told apart. */
export class Router<App> {
  private readonly routes: Compiled<App>[] = [];

  add(route: Route<App>): this {
    const segments = route.path
      .split('/')
      .slice(1)
      .map((segment) => {
        const param = /^:([A-Za-z]+)(.*)$/.exec(segment);
        return param ? { param: param[1]!, suffix: param[2]! } : { literal: segment };
      });
    this.routes.push({ route, segments });
    return this;
  }

  /** Routes whose path matches, whatever their method (for 405 and preflights). */
  matchPath(pathname: string): Match<App>[] {
    const parts = pathname.split('/').slice(1);
    const found: Match<App>[] = [];
    for (const { route, segments } of this.routes) {
      if (segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = segments.every((segment, index) => {
        const part = parts[index]!;
        if ('literal' in segment) return part === segment.literal;
        if (!part.endsWith(segment.suffix) || part.length === segment.suffix.length) return false;
        params[segment.param] = decodeSegment(part.slice(0, part.length - segment.suffix.length));
        return true;
      });
      if (ok) found.push({ route, params });
    }
    return found;
  }
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'validation', 'The URL path is not valid percent-encoding.');
  }
}
