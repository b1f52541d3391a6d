// custom-elements.json is generated from the JSDoc; this keeps the private state of the
// elements (Lit `state: true` properties, private and @internal members) out of the public manifest.
import { readFileSync } from 'node:fs';

/** The names declared `{ state: true }` in a source file's static properties. */
function stateProperties(path) {
  try {
    return [...readFileSync(path, 'utf8').matchAll(/^\s*(\w+): \{ state: true \}/gm)].map((match) => match[1]);
  } catch {
    return [];
  }
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  litelement: true,
  plugins: [
    {
      name: 'drop-private-members',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            const hidden = new Set(
              (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
            );
            // Lit state (`name: { state: true }` in static properties) is internal even when a part
            // of the element reads it: the analyzer lists it as a field and an attribute.
            for (const name of stateProperties(module.path)) hidden.add(name);
            declaration.members = (declaration.members ?? []).filter((member) => !hidden.has(member.name));
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((attribute) => !hidden.has(attribute.fieldName));
            }
          }
        }
      },
    },
  ],
};
