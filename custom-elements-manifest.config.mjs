// custom-elements.json is generated from the JSDoc; this keeps the private state of the
// elements (Lit `state: true` properties and private members) out of the public manifest.
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
