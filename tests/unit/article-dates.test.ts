import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/core/article/dates';

const iso = (text: string, page?: string) => findDates(text, page).map((d) => [d.text, d.iso]);

describe('findDates', () => {
  it('takes the year from the page date, and last year for a later month', () => {
    expect(iso('He spoke on August 31 and again on Aug. 2.', '2019-09-03')).toEqual([
      ['August 31', '2019-08-31'],
      ['Aug. 2', '2019-08-02'],
    ]);
    expect(iso('The talks began in November.', '2019-03-10')).toEqual([['November', '2018-11']]);
    expect(iso('It was held on 12 June 2018.', '2019-03-10')).toEqual([['12 June 2018', '2018-06-12']]);
  });

  it('places a weekday only when the page has a full date, and keeps it as written otherwise', () => {
    expect(iso('The ministry replied on Saturday.', '2019-09-03')).toEqual([['Saturday', '2019-08-31']]);
    expect(iso('The ministry replied on Saturday.', '2019-09')).toEqual([['Saturday', undefined]]);
    expect(iso('The ministry replied on Saturday.')).toEqual([['Saturday', undefined]]);
  });

  it('resolves "last month" and "earlier this year" against the page date; a week keeps its words', () => {
    expect(iso('The regulator warned last month that prices would rise.', '2021-01-14')).toEqual([['last month', '2020-12']]);
    expect(iso('She said earlier this year that she would stand.', '2021-01-14')).toEqual([['earlier this year', '2021']]);
    expect(iso('The union said last week that it would strike.', '2021-01-14')).toEqual([['last week', undefined]]);
    expect(iso('The union said last month that it would strike.')).toEqual([['last month', undefined]]);
    expect(iso('On March 3 this year the board resigned.', '2021-05-14')).toEqual([['March 3', '2021-03-03']]);
  });

  it('keeps the written date without a year when the page date is unknown, and ignores "may" the verb', () => {
    expect(iso('Talks may resume on March 5.')).toEqual([['March 5', undefined]]);
  });
});
