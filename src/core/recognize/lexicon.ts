// Word lists the recogniser decides with. Compared in lower case.
const words = (s: string) => new Set(s.trim().split(/\s+/).filter(Boolean));

/** Given names common in international news: a capitalised word here before another one is a person. */
export const FIRST_NAMES = words(`
  aaron abdul abdullah abu adam adrian ahmed ahmad alan albert alberto alejandro alex alexander alexandre alexei
  alfred ali alice alain alison amanda amy ana anatoly anders andre andrea andreas andrei andrew andy angela anna
  anne annie anthony antoine anton antonio arnold arthur ashley barbara barry ben benjamin bernard bert betty
  bill billy bob bobby boris brad brandon brian bruce bruno carl carlo carlos carol caroline catherine charles
  charlie chris christian christina christine christopher claire claude claudia colin craig dan daniel danny
  david dean deborah dennis derek diana diane dick diego dimitri dmitry dominic don donald doug douglas dylan
  ed eddie edgar eduardo edward elena elizabeth ellen emily emma emmanuel enrique eric erik ernesto ernst eva
  evan fabio felipe felix fernando filip francesco francis francisco frank franz fred frederick gabriel gareth
  gary gavin george georg gerald gerard gerhard giovanni giuseppe glenn gordon graham greg gregory guido gustavo
  hans harold harry hassan heinz helen helmut henri henry herbert howard hugh hugo hussein ian igor ivan jack
  jacques jake james jan jane janet jason javier jean jeff jeffrey jennifer jenny jeremy jerry jessica jim
  jimmy joan joe joel johan johann john johnny jonathan jorge jose josef joseph joshua juan julia julian
  julie justin karen karl kate katherine kathleen keith ken kenneth kevin klaus kurt larry laura laurent lee
  leon leonid leslie linda lisa louis louise luc luca lucas luis luke mahmoud manuel marc marco marcus margaret
  maria marie mario mark martin mary mathieu matt matthew maurice max melissa michael michel michele miguel
  mike mikhail mohamed mohammad mohammed muhammad nancy natalia nathan neil nelson nicholas nick nicola nicolas
  nigel nikolai nina noah norman oleg oliver olivier omar oscar otto pablo pamela paolo pascal patricia patrick
  paul paula pavel pedro peter petr philip philippe phil pierre piotr rachel rafael ralph ramon raul ray raymond
  rebecca ricardo richard rick rob robert roberto robin roger roland ron ronald rose ross roy ruth ryan said
  salim sam samuel sandra sara sarah scott sean sebastian sergei sergey shane sharon simon sophie stefan
  stephen steve steven stuart susan thomas tim timothy todd tom tommy tony ursula valentin vasily victor
  viktor vincent vladimir walter wayne werner william willie wolfgang xavier yasser yuri yves zoran
  abdel akbar benazir boutros jiang li hu wen xi zhu deng kofi nelson boutros yitzhak shimon benjamin ehud
  yevgeny gennady grigory nursultan slobodan radovan ratko franjo alija tansu necmettin mesut bulent recep
  jacques lionel alain edouard jose felipe helmut gerhard romano silvio lamberto jean-claude jean-marie
  jean-pierre jean-louis jean-luc hans-dietrich wim ruud dick frits gro carl-johan jacob mogens poul nasser
  anwar mahathir suharto benigno corazon fidel raul hugo ernesto augusto alberto violeta arnoldo
`);

/** Words capitalised in prose that are not names of people, places or organizations by themselves. */
export const NOT_NAMES = words(`
  i i'm i've i'd i'll a an the mr mrs ms dr sir god internet web english
  january february march april may june july august september october november december jan feb mar apr jun jul
  aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
  christmas easter ramadan
  north south east west northern southern eastern western central
  government state ministry minister president prime premier parliament congress senate house police army
  republic kingdom federation union party council committee court bank company
  section chapter article figure table page part note notes photo
  ok yes no oh
`);

/** Months and days: never part of a name at its edge ("Friday", "Clinton on Monday"). */
export const CALENDAR = new Set(
  [...NOT_NAMES].filter((w) => /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|christmas|easter)/.test(w)),
);

/** Words that start sentences and are never part of a name there ("Despite Britain's …"). */
export const SENTENCE_OPENERS = words(`
  the a an it its he she they we i you this that these those but and or nor however in on at as if while when
  after before since although though yet so meanwhile there his her their our my your still also even then now
  for with without by according what why how who whom whose which where many some both neither either such last
  earlier later despite instead during under among from to of into over about against between through
  one two three four five six seven eight nine ten first second third another other each every all any most
  more less few several no not only just like unlike asked speaking talking following under amid analysts
  officials police residents witnesses sources critics investors traders dealers shares prices stocks
  yesterday today tomorrow tonight earlier late early next here once twice again thus hence indeed moreover
  furthermore nevertheless nonetheless overall separately elsewhere currently previously initially finally
  recently eventually perhaps maybe certainly probably clearly please let mr mrs ms dr
  whether unless until because whatever whoever whichever wherever whenever except upon within beyond
  toward towards near across along around behind below above beside besides inside outside throughout
  via per plus minus almost nearly just having being given seeing unlike like
`);

/** Adjectives of nationality and the like: names of a kind (CoNLL's MISC), not of a place or body. */
export const DEMONYMS = words(`
  american british english french german italian spanish portuguese dutch belgian swiss austrian irish scottish
  welsh russian ukrainian polish czech slovak hungarian romanian bulgarian serbian croatian bosnian slovenian
  albanian greek turkish cypriot israeli palestinian arab arabic lebanese syrian iraqi iranian afghan
  pakistani indian bangladeshi chinese japanese korean taiwanese vietnamese thai cambodian burmese indonesian
  malaysian filipino australian canadian mexican brazilian argentine argentinian chilean colombian peruvian
  venezuelan cuban african egyptian libyan algerian moroccan tunisian nigerian kenyan ethiopian somali
  sudanese rwandan zairean congolese angolan south-african zimbabwean european asian western eastern muslim
  moslem christian jewish catholic protestant islamic hindu sikh buddhist kurdish kurd kurds tamil shi'ite
  sunni shiite serb serbs croat croats muslims swede swedish norwegian danish finnish icelandic estonian
  latvian lithuanian belarussian georgian armenian azeri kazakh uzbek chechen tajik mongolian saudi kuwaiti
  yemeni jordanian omani qatari emirati bahraini nordic baltic latin scandinavian soviet communist socialist
  democrat democrats republican republicans conservative labour liberal nationalist islamist olympic
  panamanian rican dominican haitian jamaican guatemalan honduran salvadoran nicaraguan bolivian
  ecuadorean ecuadorian paraguayan uruguayan ghanaian ugandan tanzanian zambian namibian botswanan malawian
  mozambican senegalese ivorian cameroonian liberian malian nigerien chadian eritrean djiboutian
  kiwi singaporean bruneian laotian nepali nepalese lankan bhutanese
  maldivian afghani uzbek turkmen kyrgyz mongol tibetan uighur macedonian montenegrin kosovar moldovan
  scots afrikaners afrikaner coloureds belarusian luxembourger monegasque maltese andorran liechtensteiner faroese greenlandic yugoslav bosnian
`);

/** Head words of organizations ("Democratic Party", "Bank of Korea", "Acme Corp"). */
export const ORG_HEADS = words(`
  agency organization organisation assembly party council committee commission ministry command union
  association bank fund institute institution office department bureau corporation company group forum
  federation league alliance authority service court university academy foundation parliament congress
  army navy force forces front police board club society exchange team airlines airways motors industries
  holdings partners bancorp trust times post journal news herald tribune telegraph guardian gazette network
  television radio press agency embassy consulate tribunal senate cabinet movement brigade brigades militia
  guard corps staff chiefs house regiment division school college hospital church mission fc cf rovers wanderers nations
`);

/** Suffixes that close a company's name ("Apple Inc.", "Siemens AG"). */
/** Last words of named events: "the Hong Kong Open", "the World Cup" (names, but of no body or place). */
export const EVENT_HEADS = words('open cup championship championships games olympics trophy classic masters series festival award awards prize tournament grand prix rally marathon derby address speech declaration accord accords treaty summit');

export const COMPANY_SUFFIXES = words('inc inc. corp corp. co co. ltd ltd. plc llc ag sa nv bv spa gmbh ab asa oyj kk');

/** Connectors that may stand inside a multi-word name between capitalised words. */
export const NAME_PARTICLES = words('de da di du del della der den van von bin ibn al el la le dos das ben');
