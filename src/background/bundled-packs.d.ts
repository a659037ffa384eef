// build.mjs resolves this module to the packs in src/packs/ that passed validation at build time.
declare module 'virtual:backstory-packs' {
  const packs: import('../core/types').Pack[];
  export default packs;
}
