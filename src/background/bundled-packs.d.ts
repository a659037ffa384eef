// build.mjs resolves this module to the packs in src/packs/ that passed validation at build time:
// each pack's id and where it ships in the extension (read with runtime.getURL, never the network).
declare module 'virtual:backstory-packs' {
  const packs: { id: string; path: string }[];
  export default packs;
}
