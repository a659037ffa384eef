// Rules that span several fields, checked after the schema: unique ids, facts citing known
// sources and dated no later than the pack's `asOf`, and each surface form listed in one role only.
import type { Pack } from '../types';
import { isLaterThan } from './date-order';
import { licenseNeedsCredit } from './fields';
import { located } from './path';

export function crossCheck(pack: Pack): string[] {
  const errors: string[] = [];
  if (pack.license && licenseNeedsCredit(pack.license) && !pack.credit) {
    errors.push(located(['credit'], `is required by the licence ${pack.license}: give the credit line it asks to be shown`));
  }
  if (pack.credit && !pack.license) errors.push(located(['credit'], 'needs a license: state the licence the credit is for'));

  const sourceAt = new Map<string, number>();
  pack.sources.forEach((source, i) => {
    const first = sourceAt.get(source.id);
    if (first !== undefined) errors.push(located(['sources', i, 'id'], `duplicate source id '${source.id}' (also sources[${first}])`));
    else sourceAt.set(source.id, i);
  });

  const entityAt = new Map<string, number>();
  pack.entities.forEach((entity, i) => {
    const first = entityAt.get(entity.id);
    if (first !== undefined) errors.push(located(['entities', i, 'id'], `duplicate entity id '${entity.id}' (also entities[${first}])`));
    else entityAt.set(entity.id, i);

    entity.facts?.forEach((fact, j) => {
      if (!sourceAt.has(fact.source)) {
        errors.push(located(['entities', i, 'facts', j, 'source'], `unknown source id '${fact.source}'`));
      }
      // asOf promises the facts were checked up to that day: a later fact breaks the promise.
      if (pack.asOf && fact.date && isLaterThan(fact.date, pack.asOf)) {
        errors.push(located(['entities', i, 'facts', j, 'date'], `${fact.date} is after the pack's asOf (${pack.asOf}); move asOf forward or fix the date`));
      }
    });

    // A form that is both plain and ambiguous (or both full and short) has no single meaning
    // for the matcher; the author must pick one.
    const role = new Map<string, string>([[entity.name, 'name']]);
    for (const list of ['aliases', 'short', 'ambiguous'] as const) {
      entity[list]?.forEach((form, j) => {
        const previous = role.get(form);
        if (previous === undefined) role.set(form, list);
        else if (previous !== list) errors.push(located(['entities', i, list, j], `'${form}' is already listed as ${previous === 'name' ? 'the name' : `one of ${previous}`}`));
      });
    }
    // A well-known short form is a short form with a licence to stand alone.
    entity.wellKnown?.forEach((form, j) => {
      if (!entity.short?.includes(form)) errors.push(located(['entities', i, 'wellKnown', j], `'${form}' must also be listed in short`));
    });
  });
  return errors;
}
