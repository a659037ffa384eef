// The layering of src/, checked by `npm run lint` (dependency-cruiser). Folders match bundles:
// core is pure and shared by all; shared holds what several contexts use; each context (one
// bundle each) uses core, shared and itself. The content script knows ui.js only through the
// types of src/ui/api.ts, so none of ui.js's code is bundled into content.js.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core runs in Node and in every context: it imports only core.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'shared-uses-core-and-shared',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/(core|shared)/' },
    },
    {
      name: 'context-uses-core-shared-itself',
      comment: 'A context (background, popup, options, content, ui, note-editor) imports core, shared and its own folder.',
      severity: 'error',
      from: { path: '^src/(background|popup|options|content|ui|note-editor)/' },
      to: { path: '^src/', pathNot: ['^src/(core|shared)/', '^src/$1/', '^src/packs/', '^src/ui/api\\.ts$'] },
    },
    {
      name: 'content-knows-ui-by-its-api-types',
      comment: 'content.js loads ui.js at run time; it may import only the types of src/ui/api.ts.',
      severity: 'error',
      from: { path: '^src/content/' },
      to: { path: '^src/ui/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-content-loads-ui',
      comment: 'src/ui/api.ts describes what ui.js gives the content script; no other context uses it.',
      severity: 'error',
      from: { path: '^src/(background|popup|options|note-editor)/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'no-circular-contexts',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, path: '^src/(?!core/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
