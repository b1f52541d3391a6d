// Validators of Open311 GeoReport v2 answers, from the official JSON Schemas (copied to
// test/support/open311/ with their README and licence note). The schemas reference each other
// by file name ("$ref": "service.json"), so they are registered under those names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'open311');
const load = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;

/** A compiled schema: true when the value validates; `errors` says why not. */
export interface Validator {
  (data: unknown): boolean;
  errors?: unknown;
}

export interface Open311Validators {
  services: Validator;
  service: Validator;
  requests: Validator;
  request: Validator;
  serviceDefinition: Validator;
  /** The answer to POST requests.json: swagger's RequestResponse, in a list. */
  requestResponse: Validator;
}

let cached: Open311Validators | undefined;

export async function open311Schemas(): Promise<Open311Validators> {
  if (cached) return cached;
  // The schemas' own `minItems` sits inside `items`, where it checks nothing: tests check non-empty lists themselves.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of ['service.json', 'services.json', 'request.json', 'requests.json', 'service-definition.json']) ajv.addSchema(load(name), name);
  const swagger = load('swagger.json') as { definitions: Record<string, Record<string, unknown>> };
  const { properties } = swagger.definitions['RequestResponse'] as { properties: Record<string, Record<string, unknown>> };
  // Swagger's "format": "uid" is no JSON Schema format; keep the types.
  const response = Object.fromEntries(Object.entries(properties).map(([name, { type }]) => [name, { type }]));
  ajv.addSchema({ type: 'array', items: { type: 'object', required: ['service_request_id'], properties: response } }, 'request-response.json');
  const get = (name: string): Validator => {
    const validate = ajv.getSchema(name)!;
    const check = ((data: unknown) => {
      const ok = validate(data) as boolean;
      check.errors = validate.errors;
      return ok;
    }) as Validator;
    return check;
  };
  cached = {
    services: get('services.json'),
    service: get('service.json'),
    requests: get('requests.json'),
    request: get('request.json'),
    serviceDefinition: get('service-definition.json'),
    requestResponse: get('request-response.json'),
  };
  return cached;
}
