import { analyzeArticle } from '../src/core/analyze';
const pack = { id: 't', version: 1, title: 't', language: 'en', sources: [], entities: [] } as any;
for (const t of process.argv.slice(2)) {
  const a = analyzeArticle([{ text: t, kind: 'body' }], pack, { firstMentionOnly: false });
  console.log(a.pageEntities.map(e=>`${e.name}:${e.type}/${e.short}`).join(' | '), '=>', a.hits[0]!.map(h=>`${h.surface}:${h.entityId}:${h.kind}`).join(' , '));
}
