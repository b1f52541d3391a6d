// Rollup plugin: every lazily loaded chunk's URL gets `import.meta.svcQuery` appended, so that
// src/core/lazy.ts can ask again for a chunk whose first fetch failed under a new query
// (`?retry=1`). Firefox and WebKit remember a failed `import()` of a URL for the life of the page
// (whatwg/html#6768); a second `import()` of the same URL fails without a request. The query is
// set only for the one synchronous `import()` call of a retry, on the `import.meta` of the module
// that makes it (the chunk it landed in): any other import in that chunk reads an empty string.

export const RETRY_QUERY = '+(import.meta.svcQuery||"")';

export function retryImport() {
  return {
    name: 'retry-import',
    renderDynamicImport({ targetModuleId, chunk, targetChunk }) {
      // Only imports of another of our chunks (not an external or computed URL, not a module
      // that landed in the importing chunk itself).
      if (!targetModuleId || !targetChunk || targetChunk.fileName === chunk.fileName) return null;
      return { left: 'import(', right: `${RETRY_QUERY})` };
    },
  };
}
