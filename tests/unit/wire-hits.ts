// Replies carry hits flat, with entity ids by index (WireHits in src/shared/messages.ts): read
// back as [start, end, id] per hit, so that replies with different id tables can be compared.
import type { AnalyzeReply } from '../../src/shared/messages';

export type Hit = [start: number, end: number, id: string];

export function readHits(reply: Pick<AnalyzeReply, 'hits' | 'ids'>): Hit[][] {
  return reply.hits.map((run) => {
    const out: Hit[] = [];
    for (let i = 0; i < run.length; i += 3) out.push([run[i]!, run[i + 1]!, reply.ids[run[i + 2]!]!]);
    return out;
  });
}
