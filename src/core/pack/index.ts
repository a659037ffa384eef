// Public face of the pack module: validation of untrusted packs and the bundled pack.
export { parsePack, parsePackJson, PackSchema, type PackResult } from './schema';
export { bundledPack, BUNDLED_PACK_ID } from './bundled';
export * as PACK_LIMITS from './limits';
