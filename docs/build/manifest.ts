// The elements as the site shows them, read from custom-elements.json (itself generated from the
// JSDoc): no table of attributes is written by hand, and a new element appears by itself.
import { readFileSync } from 'node:fs';

interface Described {
  name: string;
  description?: string;
}
interface ManifestMember extends Described {
  kind: string;
  type?: { text?: string };
  default?: string;
  attribute?: string;
  static?: boolean;
  privacy?: string;
}
interface ManifestAttribute extends Described {
  type?: { text?: string };
  default?: string;
  fieldName?: string;
}
interface ManifestDeclaration extends Described {
  kind: string;
  tagName?: string;
  summary?: string;
  customElement?: boolean;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Array<Described & { default?: string }>;
}
interface Manifest {
  modules: Array<{ path: string; declarations?: ManifestDeclaration[] }>;
}

export interface AttributeDoc {
  name: string;
  property: string;
  type: string;
  /** As the JSDoc's initialiser says it, quotes removed (`'inline'` → `inline`). */
  default: string;
  description: string;
  /** The values the description lists as alternatives (`inline` \| `kiosk` \| `button`). */
  choices: string[];
  boolean: boolean;
}

export interface ElementDoc {
  tag: string;
  className: string;
  /** Source module, e.g. `src/components/rating/svc-rating.ts`. */
  module: string;
  summary: string;
  description: string;
  attributes: AttributeDoc[];
  /** Public fields without an attribute (set from code). */
  properties: Array<{ name: string; type: string; description: string }>;
  events: Described[];
  slots: Described[];
  parts: Described[];
  cssProperties: Array<{ name: string; description: string; default: string }>;
}

const unquote = (text = '') => text.replace(/^(['"`])(.*)\1$/, '$2');

/**
 * Alternatives a description opens with: "`inline` (default) \| `kiosk` \| `button`." or
 * "`5` (default) or `3` (…)". Free text ("a comma list of ids") gives none.
 */
export function choicesOf(description = ''): string[] {
  const token = '`([^`]+)`(?:\\s*\\([^)]*\\))?';
  const lead = new RegExp(`^${token}(?:\\s*(?:\\\\?\\||or)\\s*${token})+`).exec(description.trim());
  if (!lead) return [];
  return [...lead[0].matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** "Default #0a5299." / "Default 16px (22px in kiosk mode)." → `#0a5299` / `16px`. */
export function cssDefaultOf(description = ''): string {
  return /Default\s+(#[0-9a-fA-F]{3,8}|[\d.]+(?:px|em|rem|%)?)\b/.exec(description)?.[1] ?? '';
}

/** Every custom element of the manifest, sorted by tag (the analyzer's module order varies by machine). */
export function readElements(path = 'custom-elements.json'): ElementDoc[] {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const elements: ElementDoc[] = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const members = declaration.members ?? [];
      const attributes = (declaration.attributes ?? [])
        .filter((attribute) => attribute.name !== 'lang')
        .map((attribute): AttributeDoc => {
          const member = members.find((candidate) => candidate.name === attribute.fieldName);
          const description = member?.description ?? attribute.description ?? '';
          const type = attribute.type?.text ?? member?.type?.text ?? 'string';
          return {
            name: attribute.name,
            property: attribute.fieldName ?? '',
            type,
            default: unquote(attribute.default ?? member?.default),
            description,
            choices: choicesOf(description),
            boolean: /^boolean\b/.test(type),
          };
        });
      const properties = members
        .filter((member) => member.kind === 'field' && !member.attribute && !member.static && member.privacy !== 'protected' && member.privacy !== 'private' && member.description)
        .map((member) => ({ name: member.name, type: member.type?.text ?? '', description: member.description ?? '' }));
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        module: module.path,
        summary: declaration.summary ?? '',
        description: declaration.description ?? '',
        attributes,
        properties,
        events: declaration.events ?? [],
        slots: declaration.slots ?? [],
        parts: declaration.cssParts ?? [],
        cssProperties: (declaration.cssProperties ?? []).map((property) => ({
          name: property.name,
          description: property.description ?? '',
          default: property.default ?? cssDefaultOf(property.description),
        })),
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}
