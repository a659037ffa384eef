// Word lists the role, statement and page-entity rules share. General English news vocabulary,
// not names from any one article.

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Nouns that head a title or role ("minister", "leader", "envoy"). Compared in lower case. */
export const TITLE_HEADS = words(`
  leader president minister secretary representative envoy ambassador chairman chairwoman chair chairperson
  spokesman spokeswoman spokesperson adviser advisor diplomat negotiator official director chief general
  commander premier chancellor governor senator mayor king queen prince princess founder head analyst
  researcher professor editor correspondent reporter columnist lawmaker legislator candidate nominee dictator
  ruler successor sister brother wife husband father grandfather grandson son daughter deputy marshal admiral
  colonel captain officer commissioner secretary-general director-general speaker ceo attorney prosecutor judge
  vice-chairman counselor counsellor emissary delegate aide strongman defector scholar fellow economist
  vice-minister vice-president coordinator administrator executive general-secretary
  engineer scientist lawyer physician epidemiologist owner manager consultant historian journalist activist
  campaigner entrepreneur architect surgeon physicist chemist biologist sociologist psychologist
  lecturer specialist
`);

/** Courtesy titles before a name: they mark a person but are not a role worth showing. */
export const HONORIFICS = words('mr mrs ms miss dr prof sir dame madam');

/** "…, Sir Alan Pryce": a name set off by a comma, a courtesy title allowed before it; tested on
 *  the text before the name. */
export const SET_OFF_NAME_BEFORE = /,\s*(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$/u;

/** Abbreviated titles that stand for a head noun ("Gen.", "Sen."). */
export const ABBREVIATED_TITLES: Record<string, string> = {
  gen: 'general', lt: 'lieutenant', col: 'colonel', maj: 'major', capt: 'captain', adm: 'admiral',
  sen: 'senator', rep: 'representative', gov: 'governor', amb: 'ambassador', pres: 'president',
};

/** Lower-case words that may stand inside a title before its head ("former", "top", "vice"). */
export const TITLE_MODIFIERS = words(`
  former then top chief senior deputy acting first second vice special lead foreign veteran outgoing incoming
  current late new longtime long-time long-serving defense defence national security nuclear state prime
  supreme ceremonial de facto executive principal assistant junior permanent interim presidential
  military party unification trade finance interior home justice
`);

/** Capitalized words that are places, nationalities or offices, never part of a personal name. */
export const NON_NAME = words(`
  north south east west northern southern korea korean koreans united states nations america american americans
  china chinese japan japanese russia russian u.s. u.k. u.n. state defense defence
  treasury foreign affairs unification homeland security energy commerce justice policy peninsula asia asian pacific
  national intelligence white house pentagon trade finance interior european europe britain british france french
  germany german seoul pyongyang washington beijing tokyo moscow hanoi singapore commission committee council
  assembly party ministry department agency office administration government army navy force forces command
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday the of for and
`);

/** Common sentence openers that can be capitalized without being part of a name or title. */
export const OPENERS = words(`
  the a an it its he she they we i you this that these those but and however in on at as if while when after
  before since although though yet so meanwhile there his her their our my still also even then now for with
  without by according what why how who many some both neither nor such last earlier later despite instead
  during under among from to of into over about against between through
`);

/** Korean surnames as romanized in news copy: for these the surname is written first. */
export const KOREAN_SURNAMES = words(`
  kim lee ri yi rhee park pak choe choi chung jung jong kang cho jo yoon yun jang chang lim im rim han oh o seo
  so shin sin kwon hwang ahn an song jeon jon chon hong moon mun ko koh yang son bae pae baek paek heo ho nam noh
  ro no ha ryu yu thae jeong hyon hyun ju joo sim shim won woo u gu koo ku kil chae cha pyon byun
`);

/** Head words that make an acronym's long form an organization. */
export const ORGANIZATION_HEADS = words(`
  agency organization organisation assembly party council committee commission ministry command union association
  bank fund institute institution office department bureau corporation company group forum federation league
  alliance authority service services court university academy foundation programme program parliament congress
  army navy force forces front staff chiefs
`);
export const EVENT_HEADS = words('summit talks conference exercise exercises drills drill games war meeting meetings olympics congress-session');
export const EQUIPMENT_HEADS = words('missile missiles rocket rockets fighter fighters aircraft submarine submarines warship bomber bombers drone drones tank tanks launcher launchers');

/** Verbs that report speech. */
export const SPEECH_VERBS = words(`
  said says told tells stated states announced announces declared declares warned warns added adds noted notes
  argued argues claimed claims insisted insists stressed stresses wrote writes tweeted tweets asked asks urged urges
  vowed vows pledged pledges threatened threatens promised promises emphasized emphasizes emphasised explained
  explains suggested suggests hinted hints confirmed confirms denied denies reported reports maintained maintains
  acknowledged acknowledges admitted admits revealed reveals predicted predicts complained complains
  replied replies responded responds agreed agrees offered offers called calls described describes

`);
