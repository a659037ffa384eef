import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions, isAcronymCandidate } from '../../src/core/article/acronyms';
import { splitSentences } from '../../src/core/article/sentences';

const defs = (text: string) => findAcronymDefinitions(splitSentences([{ text, kind: 'body' }])).map(({ short, long }) => [short, long]);

describe('findAcronymDefinitions', () => {
  it('pairs a long form with the acronym after it, skipping function words and leading articles', () => {
    expect(defs('Delegates of the Supreme People’s Assembly (SPA) met in spring.')).toEqual([['SPA', 'Supreme People’s Assembly']]);
    expect(defs('Inspectors from the International Atomic Energy Agency (IAEA) left.')).toEqual([['IAEA', 'International Atomic Energy Agency']]);
    expect(defs('The Democratic People’s Republic of Korea (DPRK) replied.')).toEqual([['DPRK', 'Democratic People’s Republic of Korea']]);
    expect(defs('It left the Non-Proliferation Treaty (NPT) in 2003.')).toEqual([['NPT', 'Non-Proliferation Treaty']]);
  });

  it('uses letters inside a word and writes plural acronyms in the singular', () => {
    expect(defs('It tested intercontinental ballistic missiles (ICBMs) twice.')).toEqual([['ICBM', 'intercontinental ballistic missiles']]);
  });

  it('reads the reverse order and the "X, or Y" order', () => {
    expect(defs('The KCNA (Korean Central News Agency) carried it.')).toEqual([['KCNA', 'Korean Central News Agency']]);
    expect(defs('The SAC, or State Affairs Commission, met.')).toEqual([['SAC', 'State Affairs Commission']]);
    expect(defs('The State Affairs Commission, or SAC, met.')).toEqual([['SAC', 'State Affairs Commission']]);
  });

  it('rejects parentheses that are not acronyms or do not spell the words before them', () => {
    expect(defs('The summit (2019) was short. Kim (pictured) waved. Senator Cruz (R-Texas) objected.')).toEqual([]);
    expect(defs('Officials said the plan (NATO) would fail.')).toEqual([]);
    expect(isAcronymCandidate('pictured')).toBe(false);
    expect(isAcronymCandidate('R-Texas')).toBe(false);
    expect(isAcronymCandidate('MoU')).toBe(true);
  });

  it('keeps the first definition of each acronym with its sentence index', () => {
    const found = findAcronymDefinitions(
      splitSentences([{ text: 'Nothing here. The Korean People’s Army (KPA) moved. Later the Korean People’s Army (KPA) withdrew.', kind: 'body' }]),
    );
    expect(found).toEqual([{ short: 'KPA', long: 'Korean People’s Army', sentence: 1 }]);
  });
});

describe('findAcronymDefinitions: the ways writers define a short form', () => {
  it('reads quoted forms: `"LF" = Long Form`, `Long Form ("LF")`, `Long Form (the "LF")`', () => {
    expect(defs('In this contract "MFA" = multi-factor authentication throughout.')).toEqual([['MFA', 'multi-factor authentication']]);
    expect(defs('It signed the Treaty on Open Skies ("TOS") in 1992.')).toEqual([['TOS', 'Treaty on Open Skies']]);
    expect(defs('The Joint Comprehensive Plan of Action (the “JCPOA”) was signed.')).toEqual([['JCPOA', 'Joint Comprehensive Plan of Action']]);
  });

  it('reads apposition: "known as", "hereafter", "abbreviated", "short for", "stands for"', () => {
    expect(defs('Freie Demokratische Partei, better known as the FDP, joined.')).toEqual([['FDP', 'Freie Demokratische Partei']]);
    expect(defs('The Missile Technology Control Regime, hereafter MTCR, limits sales.')).toEqual([['MTCR', 'Missile Technology Control Regime']]);
    expect(defs('It runs a platform as a service, abbreviated PaaS, for developers.')).toEqual([['PaaS', 'platform as a service']]);
    expect(defs('The Certified Information Systems Security Professional, usually shortened to CISSP, is common.')).toEqual([['CISSP', 'Certified Information Systems Security Professional']]);
    expect(defs('Monitors form the IMS, short for International Monitoring System, today.')).toEqual([['IMS', 'International Monitoring System']]);
    expect(defs('Here WMO stands for World Meteorological Organization.')).toEqual([['WMO', 'World Meteorological Organization']]);
  });

  it('reads a parenthesis that goes on after the short form', () => {
    expect(defs('The Nuclear Suppliers Group (NSG, founded 1974 after a test) met.')).toEqual([['NSG', 'Nuclear Suppliers Group']]);
    expect(defs('The recovery time objective (RTO; sometimes called the restore target) is short.')).toEqual([['RTO', 'recovery time objective']]);
  });

  it('reads digits, symbols, mixed and lower case, and plurals', () => {
    expect(defs('The Group of Seven (G7) met in June.')).toEqual([['G7', 'Group of Seven']]);
    expect(defs('The World Wide Web Consortium (W3C) publishes standards.')).toEqual([['W3C', 'World Wide Web Consortium']]);
    expect(defs('Spending on research and development (R&D) rose.')).toEqual([['R&D', 'research and development']]);
    expect(defs('They sell software as a service (SaaS) and fight distributed denial-of-service (DDoS) attacks.')).toEqual([
      ['SaaS', 'software as a service'],
      ['DDoS', 'distributed denial-of-service'],
    ]);
    expect(defs('Logs keep the level of detail (LoD) agreed.')).toEqual([['LoD', 'level of detail']]);
    expect(defs('News comes from the Deutsche Presse-Agentur, or dpa, mostly.')).toEqual([['dpa', 'Deutsche Presse-Agentur']]);
    expect(defs('Small and medium-sized enterprises (SMEs) employ most people.')).toEqual([['SME', 'Small and medium-sized enterprises']]);
  });

  it('takes two letters from one word, and reads one long compound word', () => {
    expect(defs('Export as JavaScript Object Notation (JSON) files.')).toEqual([['JSON', 'JavaScript Object Notation']]);
    expect(defs('The Bundesnachrichtendienst (BND) is the foreign service.')).toEqual([['BND', 'Bundesnachrichtendienst']]);
  });

  it('reads non-English long forms, elided articles and translated names whose letters changed order', () => {
    expect(defs('The Alternative für Deutschland (AfD) was founded in 2013.')).toEqual([['AfD', 'Alternative für Deutschland']]);
    expect(defs('The Organisation du traité de l’Atlantique nord (OTAN) is NATO.')).toEqual([['OTAN', 'Organisation du traité de l’Atlantique nord']]);
    expect(defs('The International Organization of Legal Metrology (OIML) sets rules.')).toEqual([['OIML', 'International Organization of Legal Metrology']]);
    expect(defs('The Zentrum für Europäische Wirtschaftsforschung (ZEW) and the Istituto Nazionale di Fisica Nucleare (INFN) agreed.')).toEqual([
      ['ZEW', 'Zentrum für Europäische Wirtschaftsforschung'],
      ['INFN', 'Istituto Nazionale di Fisica Nucleare'],
    ]);
    expect(defs('Portugal funds the Fundação para a Ciência e a Tecnologia (FCT).')).toEqual([['FCT', 'Fundação para a Ciência e a Tecnologia']]);
  });

  it('lets a long acronym pass over one inner word when every letter it takes is an initial', () => {
    expect(defs('The Comprehensive Nuclear-Test-Ban Treaty Organization (CTBTO) runs monitors.')).toEqual([['CTBTO', 'Comprehensive Nuclear-Test-Ban Treaty Organization']]);
    // A shorter acronym may not.
    expect(defs('The Secure Web Layer (SL) is old.')).toEqual([]);
    expect(defs('The Secure Web Layer (SWL) is old, and the Secure Old Web Layer (SWL) too.')).toEqual([['SWL', 'Secure Web Layer']]);
    expect(defs('The Secure Old Web Layer (SWL) is old.')).toEqual([]);
  });

  it('prefers a long form built from word initials over a shorter one borrowing inner letters', () => {
    expect(defs('It replaced the Secure Sockets Layer (SSL) protocol.')).toEqual([['SSL', 'Secure Sockets Layer']]);
  });

  it('does not read brackets and appositions that define nothing', () => {
    expect(
      defs(
        'LONDON (AP) — Sir Alan Pryce (pictured) spoke. The minister, Jane Holloway (Con), replied. Its share price (LSE: SRS) fell. A statement (PDF) followed. A firm known as a cautious employer denied it. The 2015 meeting in Paris (COP21) ended.',
      ),
    ).toEqual([]);
    expect(defs('A lower-case word in brackets (sic) or a short name, or so, is no acronym.')).toEqual([]);
    expect(defs('It moved to the Sales Office, or so we heard.')).toEqual([]);
  });
});

describe('findAcronymDefinitions on hostile text', () => {
  it('stays fast when letters repeat in long words', () => {
    // Two words after the a's: one extra word before the bracket may stay in a long form.
    const text = `${'a'.repeat(40)} `.repeat(14) + 'zzz zzz (AAAAAAAAAA) and more.';
    const t0 = performance.now();
    expect(defs(text)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

// Kinds of definition the real acronym sets (tests/eval/README.md, "Real acronym sets") showed
// the rules missing or taking wrongly, each in a sentence of our own.
describe('findAcronymDefinitions: how real writers define', () => {
  it('reads past a generic word between the name and the bracket, and keeps any other word', () => {
    expect(defs('Seoul and Washington signed the Mutual Legal Assistance Treaty agreement (MLAT) in 1997.')).toEqual([
      ['MLAT', 'Mutual Legal Assistance Treaty'],
    ]);
    expect(defs('Guards at the Joint Security Area checkpoint (JSA) were doubled.')).toEqual([['JSA', 'Joint Security Area checkpoint']]);
    // A verb ends the clause: it is no part of a name.
    expect(defs('The Korean Central News Agency reported (KCNA) the launch.')).toEqual([]);
  });

  it('finds the long form a sentence before "known as"', () => {
    expect(defs('The two governments ratified a mutual legal assistance treaty in 1998. Known as the MLAT, it lets prosecutors share bank records.')).toEqual([
      ['MLAT', 'mutual legal assistance treaty'],
    ]);
    expect(defs('Prosecutors asked for the records in March. It is known as MLAT.')).toEqual([]);
  });

  it('leaves possessives out of both forms', () => {
    expect(defs('Inspectors of the International Atomic Energy Agency’s (IAEA’s) team left on Friday.')).toEqual([
      ['IAEA', 'International Atomic Energy Agency'],
    ]);
    expect(defs('The Committee to Protect Journalists’ (CPJ) annual census came out.')).toEqual([['CPJ', 'Committee to Protect Journalists']]);
  });

  it('takes letters from inside words when every word cannot give an initial', () => {
    expect(defs('Exporters asked the Korea Trade-Investment Promotion Agency (KOTRA) for help.')).toEqual([
      ['KOTRA', 'Korea Trade-Investment Promotion Agency'],
    ]);
  });

  it('reads a number and the letters after it in one word', () => {
    // Both P's are initials: not "Pipeline 2A", whose second p is inside a word.
    expect(defs('The Pacific Pipeline 2A (PP2A) opened in May.')).toEqual([['PP2A', 'Pacific Pipeline 2A']]);
  });

  it('reads the short form first with letters from inside words, but not a name or a variant', () => {
    expect(defs('Exporters visited the KOTRA (Korea Trade-Investment Promotion Agency) office.')).toEqual([
      ['KOTRA', 'Korea Trade-Investment Promotion Agency'],
    ]);
    expect(defs('Kim (Kim Jong Un) and Moon (left) met. The Hwasong15 (Hwasong15B variant) flew.')).toEqual([]);
  });

  it('takes short forms that are not all capitals, but not names or tickers', () => {
    expect(defs('The broadcaster was fined by the Office of Communications (Ofcom) last week.')).toEqual([['Ofcom', 'Office of Communications']]);
    // All lower case stays out: as a page alias it would match "DC" in a headline.
    expect(defs('The line carries direct current (dc) between the two grids.')).toEqual([]);
    expect(defs('Officials in the South Korean capital (Seoul) and at Samsung (SSNLF) and Amazon (AMZN) said nothing.')).toEqual([]);
  });

  it('reads a long form after its short form to the last word that gives an initial', () => {
    expect(defs('Troops patrol the DMZ, or demilitarized zone, every day.')).toEqual([['DMZ', 'demilitarized zone']]);
  });

  it('takes a single letter that starts a compound as a word ("e-commerce")', () => {
    expect(defs('Parliament passed an e-commerce sales tax (EST) last year.')).toEqual([['EST', 'e-commerce sales tax']]);
  });

  it('takes no long form that starts inside a token or at a variant letter', () => {
    expect(defs('Both sides fund a trade/investment promotion agency (IPA) in Kaesong.')).toEqual([]);
    expect(defs('The plant makes vitamin c tablets (CT) for export.')).toEqual([]);
  });

  it('reads an acronym that closes a bracket opening with the name in another language', () => {
    expect(defs('The Korean Central News Agency (Korean: 조선중앙통신; KCNA) is the state news agency.')).toEqual([
      ['KCNA', 'Korean Central News Agency'],
    ]);
    expect(defs('He was born in Seoul (then Keijō, 1945; KCNA) before the war.')).toEqual([]);
  });

  it('reads "Long Form, commonly called SF"', () => {
    expect(defs('The Korean Central News Agency, commonly called KCNA, said so.')).toEqual([['KCNA', 'Korean Central News Agency']]);
    expect(defs('A group called ISIS claimed it.')).toEqual([]);
  });

  it('reads a glossary line, but not a dateline', () => {
    expect(defs('ICBM: intercontinental ballistic missile.')).toEqual([['ICBM', 'intercontinental ballistic missile']]);
    expect(defs('SEOUL - South Korean officials said on Monday that talks had stalled.')).toEqual([]);
  });

  it('reads "long form or SF" without a comma and "long form, SF," between commas', () => {
    expect(defs('The regime tested intercontinental ballistic missiles or ICBMs last year.')).toEqual([['ICBM', 'intercontinental ballistic missiles']]);
    expect(defs('A report by the Korean Central News Agency, KCNA, was brief.')).toEqual([['KCNA', 'Korean Central News Agency']]);
    expect(defs('Delegates from the IAEA, NPT, and UN met. North Korea, the US, and Japan talked.')).toEqual([]);
  });
});
