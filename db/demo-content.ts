/**
 * Demo content for Masthead: "The Harbour Ledger", a fictional independent
 * local news outlet covering the fictional coastal town of Port Alder.
 *
 * Every person, organisation, place and event below is invented. Any
 * resemblance to real people or news is coincidental.
 *
 * Article bodies are Tiptap JSON documents restricted to the node and mark
 * types accepted by the server-side validator. Inline figures use
 * `src: 'demo:<image key>'`; the seed script swaps these for real uploads.
 */

export type DemoAuthorKey = 'writer' | 'editor' | 'admin';

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

export interface DemoImage {
  key: string;
  hue: number;
  motif: 'harbour' | 'town' | 'field' | 'storm' | 'crowd' | 'abstract';
}

export interface JSONContent {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JSONContent[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface DemoArticle {
  slug: string;
  headline: string;
  dek: string;
  section: string;
  tags: string[];
  author: DemoAuthorKey;
  publishedHoursAgo: number | null;
  lead: { image: string; caption: string; credit: string; alt: string };
  body: JSONContent;
}

// ---------------------------------------------------------------------------
// Small builders for Tiptap JSON. They only ever emit allowed node types.
// ---------------------------------------------------------------------------

type Inline = string | JSONContent;

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const b = (value: string): JSONContent => ({ type: 'text', text: value, marks: [{ type: 'bold' }] });
const i = (value: string): JSONContent => ({ type: 'text', text: value, marks: [{ type: 'italic' }] });
const a = (value: string, href: string): JSONContent => ({
  type: 'text',
  text: value,
  marks: [{ type: 'link', attrs: { href } }],
});
const br: JSONContent = { type: 'hardBreak' };

const inline = (parts: Inline[]): JSONContent[] => parts.map((part) => (typeof part === 'string' ? text(part) : part));

const p = (...parts: Inline[]): JSONContent => ({ type: 'paragraph', content: inline(parts) });
const h2 = (value: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] });
const h3 = (value: string): JSONContent => ({ type: 'heading', attrs: { level: 3 }, content: [text(value)] });
const hr: JSONContent = { type: 'horizontalRule' };

/** A quotation from a source, optionally followed by an attribution line. */
const quote = (words: string, attribution?: string): JSONContent => ({
  type: 'blockquote',
  content: attribution ? [p(words), p(`— ${attribution}`)] : [p(words)],
});

const pull = (value: string): JSONContent => ({ type: 'pullQuote', content: [text(value)] });

const listItems = (items: (Inline | Inline[])[]): JSONContent[] =>
  items.map((item) => ({ type: 'listItem', content: [p(...(Array.isArray(item) ? item : [item]))] }));
const ul = (...items: (Inline | Inline[])[]): JSONContent => ({ type: 'bulletList', content: listItems(items) });
const ol = (...items: (Inline | Inline[])[]): JSONContent => ({ type: 'orderedList', content: listItems(items) });

const figure = (image: string, alt: string, caption: string, credit: string): JSONContent => ({
  type: 'figure',
  attrs: { src: `demo:${image}`, alt, caption, credit, width: 1600, height: 1000 },
});

const doc = (...blocks: JSONContent[]): JSONContent => ({ type: 'doc', content: blocks });

// Staff photographers (invented).
const MARA = 'Photo: Mara Quill / The Harbour Ledger';
const EWAN = 'Photo: Ewan Tullock / The Harbour Ledger';
const BEA = 'Photo: Bea Soto-Harris / The Harbour Ledger';
const TRUST = 'Photo: Port Alder Harbour Trust (handout)';

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

export const demoSections: DemoSection[] = [
  {
    slug: 'news',
    name: 'News',
    description: 'What is happening in Port Alder, Carrick Skerry and the Wend estuary, reported by people who live here.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    description: 'The council chamber, the ballot box and the decisions that shape the town, followed line by line.',
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Fishing, the harbour, Fore Street shops and the people trying to make a living on the coast.',
  },
  {
    slug: 'culture',
    name: 'Culture & Life',
    description: 'Libraries, football, food, films and the everyday life of a small harbour town.',
  },
];

// ---------------------------------------------------------------------------
// Images: one per article lead, plus three used as inline figures.
// ---------------------------------------------------------------------------

export const demoImages: DemoImage[] = [
  { key: 'lead-harbour-dredging', hue: 198, motif: 'harbour' },
  { key: 'lead-council-budget', hue: 28, motif: 'town' },
  { key: 'lead-netherby-primary', hue: 145, motif: 'town' },
  { key: 'lead-ferry-strike', hue: 212, motif: 'crowd' },
  { key: 'lead-saltings-coop', hue: 22, motif: 'town' },
  { key: 'lead-quayside-library', hue: 42, motif: 'town' },
  { key: 'lead-sprat-quota', hue: 186, motif: 'harbour' },
  { key: 'lead-harbour-by-election', hue: 262, motif: 'crowd' },
  { key: 'lead-old-quay-storm', hue: 218, motif: 'storm' },
  { key: 'lead-tidewater-bakery', hue: 34, motif: 'abstract' },
  { key: 'lead-athletic-stand', hue: 128, motif: 'crowd' },
  { key: 'lead-shoreline-plan', hue: 92, motif: 'field' },
  { key: 'lead-crane-hill-surgery', hue: 176, motif: 'field' },
  { key: 'lead-regent-cinema', hue: 336, motif: 'abstract' },
  { key: 'lead-old-quay-parking', hue: 8, motif: 'town' },
  { key: 'lead-ferry-talks', hue: 205, motif: 'harbour' },
  { key: 'inline-library-reading-room', hue: 48, motif: 'abstract' },
  { key: 'inline-westmouth-marsh', hue: 78, motif: 'field' },
  { key: 'inline-fish-street-flood', hue: 200, motif: 'storm' },
];

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

export const demoArticles: DemoArticle[] = [
  // 1 ------------------------------------------------------------------------
  {
    slug: 'harbour-dredging-to-begin-in-march',
    headline: 'Harbour dredging to begin in March after three years of delays',
    dek: 'The Harbour Trust says 140,000 cubic metres of silt will be cleared from the inner basin, restoring access for working boats at low water by midsummer.',
    section: 'news',
    tags: ['Harbour', 'Port Alder Harbour Trust', 'Fishing'],
    author: 'writer',
    publishedHoursAgo: 52,
    lead: {
      image: 'lead-harbour-dredging',
      caption: 'Boats in the inner basin at high water. On low tides, parts of the harbour dry out for up to four hours a day.',
      credit: MARA,
      alt: 'Small fishing boats with tall masts moored in a calm harbour beside a wooden jetty, with low hills and a pale dawn sky behind them.',
    },
    body: doc(
      p(
        'Work to clear silt from Port Alder’s inner harbour will begin in the first week of March, the ',
        a('Port Alder Harbour Trust', '/tags/port-alder-harbour-trust'),
        ' has confirmed, ending a three-year wait that fishing crews and boatyard owners say has cost them months of lost trade.',
      ),
      p(
        'The £4.7 million project will remove about ',
        b('140,000 cubic metres'),
        ' of sediment from the inner basin and the approach channel, restoring a depth of 2.5 metres at the lowest spring tides. Parts of the basin currently dry out completely for up to four hours a day, leaving boats sitting on the mud.',
      ),
      p(
        'Declan Orme, the trust’s chief executive, said the contractor would work in two shifts, seven days a week, and aimed to finish by the end of June, before the busiest weeks of the sailing season.',
      ),
      quote(
        'We know people have heard promises before. This time the licence is signed, the money is in the bank and the dredger is booked. If the weather is kind to us, boats will be moving freely in the basin by midsummer.',
        'Declan Orme, chief executive, Port Alder Harbour Trust',
      ),
      h2('Why it took so long'),
      p(
        'The scheme was approved by the trust’s board three years ago but stalled when sampling found raised levels of tributyltin, an anti-fouling compound long since banned from boat paint, in sediment close to the old slipway. Under the marine licence eventually granted last autumn, that material, about 9,000 cubic metres, must be taken by lorry to a licensed landfill site inland rather than deposited at sea.',
      ),
      p(
        'The remaining silt will be carried by barge to an approved disposal area eight miles offshore, a site chosen after a year of monitoring currents to make sure the material would not drift back into the estuary.',
      ),
      p(
        'The delays pushed the cost up by £1.3 million. The trust is covering the gap with a commercial loan and a 6% rise in mooring fees from April, a decision some berth holders have criticised as asking them to pay twice for a harbour that has not worked properly.',
      ),
      h3('What it means for harbour users'),
      ul(
        'The inner basin will be closed to visiting yachts from 3 March until the works are complete.',
        'Resident boats will be moved in rotation to temporary pontoons at the Saltings quay, with at least 48 hours’ notice.',
        'The fish market will operate as normal, though landings may be directed to the outer wall on some tides.',
      ),
      p(
        'Colm Dunstan, who fishes for crab and lobster from a ten-metre boat, said he had lost “dozens of tides” over the past two winters waiting for enough water to get out. “You sit on the mud and watch the weather window close. It’s been a slow bleed,” he said. “I’ll believe it when I see the dredger, but I’m glad.”',
      ),
      p(
        'Residents of the harbourside have been told to expect some noise at night and a smell from disturbed mud during the first weeks. The trust will hold a drop-in session at the Harbour Office on 20 February and has published the ',
        a('full programme of works', 'https://example.org/port-alder-harbour-trust/dredging'),
        ' online.',
      ),
    ),
  },

  // 2 ------------------------------------------------------------------------
  {
    slug: 'council-approves-budget-with-council-tax-rise',
    headline: 'Council approves £38.4m budget with 4.99% council tax rise and £2.2m of cuts',
    dek: 'Public toilets, grass cutting and the Fore Street Christmas lights are among 31 savings as Port Alder Council closes its funding gap, while the cost of children’s care rises again.',
    section: 'politics',
    tags: ['Port Alder Council', 'Budget'],
    author: 'editor',
    publishedHoursAgo: 118,
    lead: {
      image: 'lead-council-budget',
      caption: 'Evening on Guildhall Square, where councillors debated the budget for more than four hours on Thursday.',
      credit: EWAN,
      alt: 'Tall terraced buildings with pitched roofs and lit windows at dusk, with street lamps glowing along the pavement in front.',
    },
    body: doc(
      p(
        'Port Alder Council has approved a £38.4 million budget for the coming year, raising its share of council tax by 4.99% and cutting £2.2 million from services in what its leader called “the hardest set of sums this council has had to do”.',
      ),
      p(
        'The rise, the most the council can impose without calling a local referendum, adds £1.41 a week to the bill for a typical Band D home. Councillors voted 24 to 14 in favour, with two abstentions, after a four-hour meeting on Thursday.',
      ),
      p(
        'Council leader Ruth Penhallow, of the Civic Party, said the authority had little room to manoeuvre, pointing to a ',
        b('19% rise'),
        ' in the cost of placements for children in care over two years. Spending on children’s services now accounts for almost a third of the council’s net budget.',
      ),
      quote(
        'Nobody in this chamber went into public life to close toilets. But every pound we spend on a service the law says we must provide is a pound we cannot spend on the things that make a town feel cared for. We have protected the libraries and the harbour bus. We could not protect everything.',
        'Cllr Ruth Penhallow, council leader',
      ),
      h2('Where the savings fall'),
      p('The finance report lists 31 separate savings. The four largest are:'),
      ol(
        'Merging the planning and building control reception desks, with the loss of six posts: £212,000.',
        'Closing four of the district’s nine public toilets outside the summer season: £186,000.',
        'Cutting verge and park grass cutting from fortnightly to every four weeks: £140,000.',
        'Ending council funding for the Fore Street Christmas lights unless a business sponsor is found: £42,000.',
      ),
      p(
        'The council will also draw £1.1 million from its reserves, leaving about £6.8 million, a level finance chair Cllr Idris Mawle described as “thin, but not dangerous”.',
      ),
      pull('“Nobody in this chamber went into public life to close toilets.”'),
      p(
        'The opposition Community Alliance group voted against. Its leader, Cllr Hamish Tregear, said the budget asked residents of Netherby and Westmouth “to pay more and get less”. He said: “This council found £300,000 for consultants on the seafront plan but cannot keep a toilet open in February.”',
      ),
      p(
        'Cllr Mawle replied that the consultancy work was paid for by a government grant that could only be spent on that project and ',
        i('could not legally be moved'),
        ' into day-to-day services.',
      ),
      h3('What happens next'),
      p(
        'Bills will be sent out in March. The Ledger has published ',
        a('a table of every saving', 'https://example.org/port-alder-council/budget-savings'),
        ' and will follow how each one is carried out. More coverage is on our ',
        a('Port Alder Council', '/tags/port-alder-council'),
        ' page.',
      ),
    ),
  },

  // 3 ------------------------------------------------------------------------
  {
    slug: 'netherby-primary-to-close-in-july',
    headline: 'Netherby Primary to close in July as falling rolls force merger',
    dek: 'Parents say the decision will mean a long walk on a busy road for some of the 87 pupils, who will move to St Brannoc’s Primary in Crane Hill in September.',
    section: 'news',
    tags: ['Schools', 'Netherby', 'Crane Hill', 'Port Alder Council'],
    author: 'writer',
    publishedHoursAgo: 210,
    lead: {
      image: 'lead-netherby-primary',
      caption: 'Homes on the Netherby estate. Its primary school opened in 1962 and has room for 210 pupils, but 87 on its roll.',
      credit: BEA,
      alt: 'Rows of houses and flats with steep roofs and scattered lit windows beneath a green-tinted evening sky.',
    },
    body: doc(
      p(
        'Netherby Primary School will close at the end of the summer term after Port Alder Council’s cabinet voted on Tuesday to merge it with St Brannoc’s Primary, two miles away in Crane Hill.',
      ),
      p(
        'The school, which opened in 1962 to serve the then-new Netherby estate, has ',
        b('87 pupils'),
        ' on its roll and space for 210. Council figures show the number of children born in its catchment has fallen by a third in ten years, and projections suggest the roll would drop below 70 within three years.',
      ),
      p(
        'Cabinet member for education Cllr Priya Nandakumar said a school running at 40% of capacity could not offer the breadth of a larger one. “This is not about the staff, who have done remarkable work,” she said. “It is about whether a child in a class of three mixed year groups gets the same chances as a child anywhere else in the district.”',
      ),
      h2('‘They’re taking the heart out of the estate’'),
      p(
        'The decision follows a ten-week consultation in which 412 of the 468 responses opposed closure. A petition signed by more than 1,900 people was handed to the council in November.',
      ),
      quote(
        'My children can walk to Netherby in six minutes. To get to St Brannoc’s they’ll be on the Crane Hill road, which has no pavement for the last stretch. The council says there’ll be a bus. For how long?',
        'Leanne Hocking, whose two children attend the school',
      ),
      p(
        'The council has promised free transport for all transferring pupils for at least four years and says it will spend £160,000 on a new footpath along the final 600 metres of Crane Hill Road, to be finished before September.',
      ),
      p(
        'Headteacher Alys Treganna told parents in a letter that staff would “give this year everything”. She is arranging joint trips and shared sports afternoons with St Brannoc’s during the summer term so that children can meet their new classmates before they move.',
      ),
      p(
        'St Brannoc’s has 164 pupils and will take on four of Netherby’s teachers and three teaching assistants. The remaining staff have been offered posts at other schools in the district or voluntary redundancy.',
      ),
      h3('What happens to the building'),
      p(
        'The council has not decided. Options set out in the cabinet paper include a community hub, a nursery, or sale of part of the site for housing. Netherby Residents’ Association chair Derek Moyle said the estate would fight any sale: “That field is the only green space on Netherby. Once it’s gone, it’s gone.”',
      ),
      p(
        'Campaigners have four weeks to ask the schools adjudicator to review the decision and said on Tuesday night that they were taking advice. Read our earlier coverage on the ',
        a('Schools', '/tags/schools'),
        ' page.',
      ),
    ),
  },

  // 4 ------------------------------------------------------------------------
  {
    slug: 'skerry-ferry-crews-begin-48-hour-strike',
    headline: 'Skerry ferry crews begin 48-hour strike over new rotas',
    dek: 'Carrick Skerry’s 340 residents face two days without a scheduled crossing after talks between Wendmouth Ferries and the crews’ union broke down on Sunday.',
    section: 'news',
    tags: ['Ferry', 'Carrick Skerry', 'Transport'],
    author: 'writer',
    publishedHoursAgo: 6,
    lead: {
      image: 'lead-ferry-strike',
      caption: 'Crew members and supporters gather at the ferry slipway on Monday evening after the last sailing before the strike.',
      credit: EWAN,
      alt: 'Silhouettes of a large group of people standing close together under a cold blue evening sky.',
    },
    body: doc(
      p(
        'There will be no ferry between Port Alder and Carrick Skerry on Tuesday or Wednesday after crews walked out in a dispute over new shift patterns, leaving the island’s 340 residents without a scheduled link to the mainland.',
      ),
      p(
        'The Maritime and Ferry Workers’ Union says Wendmouth Ferries wants to move deckhands and engineers from fixed week-on, week-off rotas to variable shifts published two weeks in advance. The company says the change is needed to staff a timetable that adds two sailings a day in summer.',
      ),
      p('Of the 22 crew members balloted, 19 voted, and all 19 backed strike action.'),
      quote(
        'These are people who arrange childcare, second jobs and their whole lives around a rota they have worked for fifteen years. The company wants them on call for whatever it decides a fortnight out. That isn’t flexibility. It’s a different job.',
        'Sandra Kelynack, regional organiser, Maritime and Ferry Workers’ Union',
      ),
      p(
        'Wendmouth Ferries managing director Gareth Pym said the company had offered a 3.5% pay rise and a guarantee that no crew member would work more than 42 hours a week, averaged over a month. “We regret the disruption to islanders,” he said. “We have been clear throughout that our door is open.”',
      ),
      pull('“That isn’t flexibility. It’s a different job.”'),
      h2('How islanders are coping'),
      p(
        'Morwenna Jory, who runs the island shop, said she had ordered extra milk, bread and prescriptions on Monday’s last crossing. “We’ve done this for storms often enough,” she said. “The difference is that a storm isn’t anybody’s fault.”',
      ),
      p(
        'A water taxi operated by a Port Alder boatyard will carry up to eight passengers at a time for urgent journeys, at £25 each way. Port Alder Council has said it will cover the fare for anyone travelling to a hospital appointment.',
      ),
      ul(
        [b('Last sailing before the strike:'), ' Monday, 6.15pm from Port Alder.'],
        [b('First sailing after:'), ' Thursday, 7.30am from Carrick Skerry, if no further action is called.'],
        [b('Emergencies:'), ' call 999 and ask for the coastguard.'],
      ),
      p(
        'Secondary pupils from the island, who normally catch the 7.30am boat to Port Alder Community College, will be taught remotely for two days. The GP practice has switched islanders’ appointments to phone consultations.',
      ),
      p(
        'It is the first strike on the route in more than 20 years. The union said further dates would be announced if there was no movement by Friday. Follow the dispute on our ',
        a('Ferry', '/tags/ferry'),
        ' page.',
      ),
    ),
  },

  // 5 ------------------------------------------------------------------------
  {
    slug: 'saltings-housing-co-op-hands-over-first-homes',
    headline: 'Saltings co-op hands over keys to its first 24 homes',
    dek: 'Members of the town’s first housing co-operative will pay rents tied to a third of local take-home pay, in a scheme nine years in the making.',
    section: 'business',
    tags: ['Housing', 'Saltings'],
    author: 'editor',
    publishedHoursAgo: 75,
    lead: {
      image: 'lead-saltings-coop',
      caption: 'The first terraces at the Saltings co-op, built on the site of a boatyard that closed five years ago.',
      credit: MARA,
      alt: 'A terrace of new houses with steep gable roofs and warm lit windows under a pink and orange evening sky.',
    },
    body: doc(
      p(
        'Twenty-four households moved into new homes at the Saltings this week, the first completed by the Saltings Housing Co-operative, a member-owned group formed nine years ago after a packed public meeting about rising rents in Port Alder.',
      ),
      p(
        'The timber-framed terraces and flats, built on a former boatyard leased from the council for 125 years at a nominal rent, cost £6.9 million. The money came from three sources:',
      ),
      ul(
        'A community share offer that raised £840,000 from 612 investors, most of them living in the district.',
        'A £3.1 million loan from an ethical lender, repaid from rents over 30 years.',
        'A £2.9 million grant from a national affordable housing fund.',
      ),
      p(
        'Rents are set at 33% of median local take-home pay, about ',
        b('£610 a month'),
        ' for a two-bedroom home. That is roughly 40% below the going rate for private lets in the town, according to the co-op’s own survey of letting agents.',
      ),
      h2('Who gets a home'),
      p(
        'Priority went to people working in Port Alder who had lived in the district for at least three years. Of the 24 households, nine include someone who works in the harbour or the fishing trade, five include care workers and four include teachers or teaching assistants.',
      ),
      quote(
        'For four years I rented a static caravan up at Westmouth and paid more to heat it than some people pay in rent. I’m a nurse. I work a mile from here. Now I’ve got a front door that’s mine for as long as I want it.',
        'Kerensa Polglase, new resident',
      ),
      p(
        'Residents do not own their homes. They are members of the co-op, which owns and manages the buildings. Each household has one vote at general meetings, and members share jobs from gardening to book-keeping.',
      ),
      p(
        'Co-op chair Femi Adeyinka said the model kept homes affordable for good. “When someone moves on, the value stays in the co-op rather than walking out of the door with a sale,” he said. “The rent our grandchildren pay will still be tied to what people here earn.”',
      ),
      pull('“The rent our grandchildren pay will still be tied to what people here earn.”'),
      h3('The next phase'),
      p(
        'The co-op has planning permission for 18 more homes on the site and hopes to start building next spring, subject to a second share offer. It has 311 households on its waiting list.',
      ),
      p(
        'Not everyone welcomed the scheme. Some neighbours objected to the height of the three-storey block, and the council’s planning committee approved it by a single vote. Read more on our ',
        a('Housing', '/tags/housing'),
        ' page.',
      ),
    ),
  },

  // 6 ------------------------------------------------------------------------
  {
    slug: 'quayside-library-reopens-after-restoration',
    headline: 'Quayside Library reopens after two-year, £2.1m restoration',
    dek: 'The reading room’s skylight has been uncovered for the first time in seventy years, and the 1906 building now has a lift, a makerspace and Sunday opening.',
    section: 'culture',
    tags: ['Library', 'Arts', 'Old Quay'],
    author: 'writer',
    publishedHoursAgo: 30,
    lead: {
      image: 'lead-quayside-library',
      caption: 'Quayside Library and its neighbours on the harbour front, where the first visitors queued for the reopening.',
      credit: BEA,
      alt: 'Rows of harbourside buildings with pitched roofs and warmly lit windows under a golden evening sky.',
    },
    body: doc(
      p(
        'Quayside Library reopened on Saturday morning to a queue that stretched past the Harbour Office, two years after it closed when part of the reading room ceiling came down during heavy rain.',
      ),
      p(
        'The £2.1 million restoration, paid for by Port Alder Council, a heritage grant and £230,000 raised by the Friends of Quayside Library, has repaired the roof, uncovered the glass skylight that had been boarded over since the 1950s and added a lift, so that the first floor is fully accessible for the first time in the building’s history.',
      ),
      figure(
        'inline-library-reading-room',
        'Soft overlapping circles of golden light falling through a high skylight onto a warm-toned interior.',
        'Daylight returns to the first-floor reading room through the restored skylight.',
        BEA,
      ),
      p(
        'Librarian Hester Bligh, who has worked at Quayside for 23 years, said the first morning had been overwhelming. More than 600 people came through the doors before lunch, and 1,140 books were borrowed by the end of the day.',
      ),
      quote(
        'People have been knocking on the windows for two years asking when we’d be back. This morning a man borrowed the same book he had out on the day we closed. He told me he’d been saving the last chapter.',
        'Hester Bligh, librarian',
      ),
      h2('What’s new'),
      ul(
        [b('Sunday opening'), ', 11am to 3pm, for a trial year.'],
        'A makerspace with a 3D printer, sewing machines and a laser cutter, bookable in two-hour slots.',
        'A local history room for the harbour photograph archive, which includes more than 4,000 glass plate negatives.',
        'Twelve public computers, up from six, and free wifi throughout.',
      ),
      p(
        'The Friends’ chair, retired harbour pilot Walter Nance, said the group’s fundraising had included a sponsored swim across the harbour mouth, a 24-hour readathon and 41 book sales. “We sold some books more than once,” he said. “People donated them, bought them, read them and gave them back.”',
      ),
      p(
        'The makerspace was the idea of a group of students from Port Alder Community College, who lobbied councillors throughout the closure. Sixth-former Jago Penrose, 17, had booked the laser cutter for the first available slot. “I’ve spent three months designing a new cover for my grandad’s outboard engine,” he said. “Now I can actually make it.”',
      ),
      pull('“He told me he’d been saving the last chapter.”'),
      p(
        'During the closure a temporary library ran from two rooms in the community centre. It recorded about 8,300 loans a year, compared with about 60,000 at Quayside before the ceiling fell.',
      ),
      hr,
      p(
        i('Opening hours: '),
        'Monday to Friday, 9.30am to 6pm',
        br,
        'Saturday, 9.30am to 4pm',
        br,
        'Sunday, 11am to 3pm. Full details on the ',
        a('library’s website', 'https://example.org/quayside-library'),
        '.',
      ),
    ),
  },

  // 7 ------------------------------------------------------------------------
  {
    slug: 'inshore-fleet-warns-over-sprat-quota-cut',
    headline: 'Inshore fleet warns sprat quota cut could put smaller boats out of business',
    dek: 'A 28% cut to the regional catch limit will fall hardest on Port Alder’s winter fishery, skippers say, just as the harbour prepares for dredging.',
    section: 'business',
    tags: ['Fishing', 'Harbour', 'Port Alder Harbour Trust', 'Food & Drink'],
    author: 'editor',
    publishedHoursAgo: 164,
    lead: {
      image: 'lead-sprat-quota',
      caption: 'Inshore boats moored along the fish market quay. Eleven Port Alder boats rely on sprat during the winter.',
      credit: EWAN,
      alt: 'A line of small fishing boats with masts moored beside a wooden pier on calm blue-green water.',
    },
    body: doc(
      p(
        'Port Alder’s smallest fishing boats could be forced to tie up for good after regulators cut the regional sprat quota by 28% for the coming season, skippers and the local fishermen’s association have warned.',
      ),
      p(
        'The town has 11 boats under 12 metres that depend on sprat in the winter months, when crab and lobster catches fall away. Last season they landed about ',
        b('1,450 tonnes'),
        ' between them, worth an estimated £620,000 at first sale, according to the Port Alder Fishermen’s Association.',
      ),
      p(
        'The regional fisheries regulator said the reduction followed scientific advice showing a decline in the spawning stock and would be reviewed after an acoustic survey in the autumn.',
      ),
      h2('‘We’re the ones who fish light’'),
      quote(
        'We use small ring nets, we fish close to home and we land everything here, where it’s sold and smoked. The big boats can go somewhere else. We can’t. A cut like this lands on the people who did least to cause the problem.',
        'Colm Dunstan, secretary, Port Alder Fishermen’s Association',
      ),
      p(
        'The association is asking for a separate allocation for inshore boats, based on their historical share of landings. It argues that the current shared pool allows larger vessels from other ports to take most of the catch early in the season, leaving little for the small boats that fish later, when the weather allows.',
      ),
      p(
        'Dr Anwen Lusk, a marine biologist at the Wend Estuary Research Station, said the evidence for a decline was “reasonably solid”, but noted that sprat numbers swing sharply from year to year. “A cut is a sensible precaution,” she said. “How that cut is shared out is a political question, not a scientific one.”',
      ),
      pull('“How that cut is shared out is a political question, not a scientific one.”'),
      h3('The knock-on effects'),
      p(
        'The fish market, the Harbour Trust’s second-largest source of income, handles about 60% of the town’s winter landings by value. Skerry Smokehouse, which employs 14 people, buys most of the local sprat for smoking and tinning.',
      ),
      p(
        'Its director, Lowri Venn, said she might have to buy fish from elsewhere to keep the line running, “which rather defeats the point of a ',
        i('Port Alder'),
        ' smoked sprat”.',
      ),
      p(
        'The association will present its case at a regional fisheries meeting next month. Its ',
        a('written submission', 'https://example.org/port-alder-fishermen/sprat-submission'),
        ' has been published in full. See all our ',
        a('Fishing', '/tags/fishing'),
        ' coverage.',
      ),
    ),
  },

  // 8 ------------------------------------------------------------------------
  {
    slug: 'independent-wins-harbour-ward-by-election',
    headline: 'Independent Joan Kitto wins Harbour ward by-election by 61 votes',
    dek: 'The retired midwife overturned a Civic Party majority of more than 400 on a turnout of 31%, campaigning almost entirely on the dredging delays and Old Quay parking.',
    section: 'politics',
    tags: ['Elections', 'Port Alder Council', 'Old Quay', 'Harbour'],
    author: 'admin',
    publishedHoursAgo: 262,
    lead: {
      image: 'lead-harbour-by-election',
      caption: 'Supporters wait for the declaration at the leisure centre count in the early hours of Friday.',
      credit: MARA,
      alt: 'The silhouetted heads and shoulders of a crowd of people facing forward in a dim hall lit with violet light.',
    },
    body: doc(
      p(
        'Independent candidate Joan Kitto has won the Harbour ward by-election on Port Alder Council, beating the Civic Party by 61 votes in a seat the party had held for 12 years.',
      ),
      p(
        b('Result, Harbour ward'),
        br,
        'Joan Kitto (Independent): 842',
        br,
        'Simon Rowe (Civic Party): 781',
        br,
        'Tamsin Eddy (Community Alliance): 403',
        br,
        'Ellis Varcoe (Harbour First): 118',
        br,
        i('Turnout 31.4%. Six ballot papers were rejected.'),
      ),
      p(
        'The by-election was called after the death in December of Civic Party councillor Arthur Lenn, who had represented the ward since it was created. At the last full council election he held it with a majority of 427.',
      ),
      p(
        'Ms Kitto, 67, a retired midwife who has lived on Chapel Street for 40 years, ran her campaign with about 30 volunteers and a budget of under £900, most of it spent on leaflets printed by a shop on Fore Street.',
      ),
      quote(
        'I knocked on every door in this ward, some of them three times. People told me the same two things: get the harbour dredged, and stop making it impossible to park outside your own home. I’ll be saying both, loudly, at every meeting I sit in.',
        'Joan Kitto, councillor for Harbour ward',
      ),
      pull('“Get the harbour dredged, and stop making it impossible to park outside your own home.”'),
      p(
        'Council leader Ruth Penhallow congratulated Ms Kitto and said the Civic Party would “listen carefully” to the result. Her group now holds 22 of the council’s 40 seats, still a working majority.',
      ),
      p(
        'Community Alliance candidate Tamsin Eddy said her party’s vote had held up “in a hard race for anyone who isn’t a familiar face on Chapel Street”, and that the result should be read as a clear message to the council about the harbour. Counting at the leisure centre finished at 1.20am.',
      ),
      p(
        'Simon Rowe, the Civic Party candidate, said he was disappointed but that the campaign had been fought “cleanly and on local issues, which is how it should be”.',
      ),
      h3('What changes at the town hall'),
      p(
        'Ms Kitto has said she will not join any group. She is expected to take the vacant seat on the harbour and regeneration committee, where decisions on parking in Old Quay and the harbour’s future will be made over the coming year.',
      ),
      p(
        'Turnout was higher than at the last two by-elections in the district, which both fell below 25%. All our coverage of the vote is on the ',
        a('Elections', '/tags/elections'),
        ' page.',
      ),
    ),
  },

  // 9 ------------------------------------------------------------------------
  {
    slug: 'storm-surge-floods-old-quay',
    headline: 'Storm surge floods Old Quay as waves overtop harbour wall',
    dek: 'About 40 homes and businesses were flooded overnight and the coast road was closed after the highest water level recorded in Port Alder for 34 years.',
    section: 'news',
    tags: ['Climate', 'Old Quay', 'Harbour', 'Westmouth'],
    author: 'writer',
    publishedHoursAgo: 14,
    lead: {
      image: 'lead-old-quay-storm',
      caption: 'Heavy rain and spray sweep across the harbour entrance shortly before high tide on Sunday night.',
      credit: EWAN,
      alt: 'Dark, heavy storm clouds over a rough grey sea, with slanting streaks of rain and the outline of rooftops on the shore.',
    },
    body: doc(
      p(
        'About 40 homes and businesses in Port Alder’s Old Quay were flooded overnight on Sunday as a storm surge combined with a high spring tide to push seawater over the harbour wall.',
      ),
      p(
        'The tide gauge at the harbour entrance recorded a peak of ',
        b('3.92 metres'),
        ' at 11.40pm, 0.6 metres above the predicted tide and the highest reading in 34 years of records.',
      ),
      p(
        'Fire crews pumped water from properties on Fish Street, Chapel Street and the lower end of Fore Street until after 4am. Nobody was seriously hurt, but the lifeboat crew rescued two people from a car that had stalled on the causeway to Westmouth.',
      ),
      quote(
        'It came up through the drains first, then over the wall as if someone had turned on a tap. In ten minutes it was at my knees. We’d carried what we could upstairs, but you can’t carry a kitchen.',
        'Bryony Quick, Fish Street resident',
      ),
      figure(
        'inline-fish-street-flood',
        'Grey rain falling in streaks over dark water beneath heavy cloud, with low buildings along the shoreline.',
        'Rain sweeps across the estuary towards Old Quay on Sunday night, an hour before the peak of the tide.',
        MARA,
      ),
      h2('The clean-up'),
      p(
        'Port Alder Council opened a rest centre at the community centre, where 11 people spent the night. Skips have been placed on Fish Street and Chapel Street, and the council’s environmental health team has issued advice:',
      ),
      ul(
        'Avoid touching floodwater, which may contain sewage, and wash hands after any contact.',
        'Photograph damage before throwing anything away; insurers will ask for evidence.',
        'Do not switch on electrics that have been under water until they have been checked.',
      ),
      p(
        'Households that were flooded can apply for a £500 hardship payment and three months’ council tax relief through the ',
        a('council’s flood support page', 'https://example.org/port-alder-council/flood-support'),
        '. The coast road between Old Quay and Westmouth remains closed while engineers check a section of sea wall.',
      ),
      pull('“We’d carried what we could upstairs, but you can’t carry a kitchen.”'),
      h3('‘This will happen again’'),
      p(
        'The flood comes while the council consults on Shoreline 2050, its draft plan for adapting the town to rising seas, which proposes raising the Old Quay wall by 0.8 metres. Dr Nia Calloway, the council’s climate resilience officer, said Sunday’s surge was “exactly the scenario the plan is written for”.',
      ),
      p(
        '“What was a once-in-a-generation tide will, on current projections, become a once-in-a-decade tide within the lifetime of a mortgage taken out today,” she said. More on the plan is on our ',
        a('Climate', '/tags/climate'),
        ' page.',
      ),
    ),
  },

  // 10 -----------------------------------------------------------------------
  {
    slug: 'tidewater-bakery-opens-in-old-bank',
    headline: 'Tidewater Bakery opens in the old bank on Fore Street',
    dek: 'Two former hospital cooks have turned a building that stood empty for six years into a bakery and café, creating nine jobs on a street that has lost a dozen shops.',
    section: 'business',
    tags: ['Food & Drink', 'Fore Street', 'Small Business'],
    author: 'editor',
    publishedHoursAgo: 98,
    lead: {
      image: 'lead-tidewater-bakery',
      caption: 'Warm light in the former banking hall, now the café at Tidewater Bakery, on its first morning of trading.',
      credit: BEA,
      alt: 'An abstract composition of overlapping translucent circles in honey, amber and cream tones suggesting warm light.',
    },
    body: doc(
      p(
        'The former bank on Fore Street, empty since its last branch closed six years ago, reopened this week as Tidewater Bakery, run by Priya and Tom Garrow, who met while working in the kitchens at the district hospital.',
      ),
      p(
        'The couple spent 14 months and about £180,000, most of it borrowed, converting the Victorian building. The banking hall is now a café with 34 seats, the bread ovens stand where the counter used to be, and the vault, its 20-centimetre steel door still on its hinges, has become a cool room for proving dough.',
      ),
      quote(
        'Everyone who comes in wants to see the vault. We thought about putting a table in there, but it turns out it sits at exactly the right temperature for a slow prove. So the sourdough got it instead.',
        'Tom Garrow, co-owner',
      ),
      p(
        'The bakery employs nine people, seven of them from Port Alder, and opens at 7am, six days a week. Its flour comes from a watermill 30 miles inland. Among the early favourites are ',
        i('saffron buns'),
        ', a dark rye the couple have named the ',
        b('Harbour Loaf'),
        ', and a crab and leek pasty made with crab bought at the fish market.',
      ),
      h2('A street fighting back'),
      p(
        'Fore Street has lost 12 shops in five years, according to the Port Alder Chamber of Trade, and about one in five units now stands empty. The council’s empty shops grant contributed £15,000 towards the fit-out.',
      ),
      p(
        'Chamber of Trade chair Nathaniel Coad said a bakery was worth more to the street than its size suggested. “People might go to the big supermarket for a weekly shop, but a bakery gives them a reason to come into town every morning,” he said. “And while they’re here, they go to the chemist and the bookshop too.”',
      ),
      p(
        'Priya Garrow said they had chosen the building partly because it was hard to let. “Nobody wanted it because of the vault and the size of the hall. For a bakery, both were perfect,” she said. “We’d like to think we’ve proved that an empty building on Fore Street doesn’t have to stay empty.”',
      ),
      hr,
      p(
        i('Tidewater Bakery, 14 Fore Street. '),
        'Open Tuesday to Sunday, 7am to 3pm.',
        br,
        'More stories from the high street on our ',
        a('Fore Street', '/tags/fore-street'),
        ' page.',
      ),
    ),
  },

  // 11 -----------------------------------------------------------------------
  {
    slug: 'athletic-fans-raise-64000-to-save-stand',
    headline: 'Athletic fans raise £64,000 in a month to save the Quarry Lane stand',
    dek: 'Port Alder Athletic’s 1950s main stand faced demolition after a safety inspection. Supporters have now paid for the repairs, and they want a seat on the board in return.',
    section: 'culture',
    tags: ['Port Alder Athletic', 'Sport'],
    author: 'writer',
    publishedHoursAgo: 140,
    lead: {
      image: 'lead-athletic-stand',
      caption: 'Home supporters on the terrace at Quarry Lane during Saturday’s 2-1 win over Merrow Town.',
      credit: MARA,
      alt: 'Rows of silhouetted heads and shoulders of football supporters against a green-tinted evening sky.',
    },
    body: doc(
      p(
        'Supporters of Port Alder Athletic have raised £64,000 in 31 days to repair the club’s main stand at Quarry Lane, which was fenced off in January after engineers found corrosion in its steel roof supports.',
      ),
      p(
        'Without the 480-seat stand, the ground would have fallen below the covered seating required under the league’s ground grading rules, putting the club at risk of being moved down a division at the end of the season regardless of results.',
      ),
      p(
        'The appeal, run by the Gulls Supporters’ Trust, attracted ',
        b('1,317 donations'),
        '. The largest, £5,000, came from a former Athletic striker now living abroad. The smallest, 50p, was handed over in an envelope by a seven-year-old at the turnstile.',
      ),
      quote(
        'It isn’t a pretty stand. But my grandad sat in it, my dad sat in it, and I’ve sat in it since I was four. When they put the fences up round it, it felt like a death in the family.',
        'Dave Hosken, chair, Gulls Supporters’ Trust',
      ),
      pull('“When they put the fences up round it, it felt like a death in the family.”'),
      h2('A seat at the table'),
      p(
        'The trust has written to the club asking for a supporter-elected director on the board, and for first refusal should the ground ever be sold. Chairman Keith Rundle thanked fans for “an extraordinary effort” and said he was “happy to talk about how supporters can be more involved”, but made no commitment.',
      ),
      p(
        'The club is owned by four local shareholders and has never had a supporters’ representative on its board. Trust members will vote at a meeting next month on what to do if the request is refused.',
      ),
      h2('On the pitch'),
      p(
        'The Gulls are fourth in the league, three points off the play-off places with eleven games left, after Saturday’s 2-1 win over Merrow Town. Ryan Chegwin scored both goals, the second a header in the 88th minute.',
      ),
      p(
        'Manager Gary Pellow said the fundraising had “lifted the whole place”. “The players read the comments on the appeal page before the game,” he said. “You don’t want to let those people down.”',
      ),
      p(
        'Repairs begin on Monday and the stand is expected to reopen for the final home match of the season. Full coverage on our ',
        a('Port Alder Athletic', '/tags/port-alder-athletic'),
        ' page.',
      ),
    ),
  },

  // 12 -----------------------------------------------------------------------
  {
    slug: 'shoreline-plan-would-let-sea-reclaim-westmouth-marsh',
    headline: 'Shoreline plan would let the sea reclaim Westmouth marsh to protect the town',
    dek: 'The council’s draft climate adaptation strategy proposes flooding 60 hectares of farmland on purpose and raising the Old Quay wall, at a cost of £31m over 25 years.',
    section: 'politics',
    tags: ['Climate', 'Port Alder Council', 'Westmouth', 'Saltings'],
    author: 'editor',
    publishedHoursAgo: 40,
    lead: {
      image: 'lead-shoreline-plan',
      caption: 'Grazing land behind the old sea bank at Westmouth, which would flood on high tides under the council’s preferred option.',
      credit: EWAN,
      alt: 'Gently rolling green fields under a wide pale sky, with layers of low hills fading into the distance.',
    },
    body: doc(
      p(
        'Port Alder Council has published a draft 25-year plan to prepare the town for rising seas, including a proposal to breach an old sea bank at Westmouth and let about 60 hectares of low-lying grazing land flood on high tides.',
      ),
      p(
        'The plan, called ',
        b('Shoreline 2050'),
        ', estimates that sea levels at Port Alder could rise by between 0.3 and 0.6 metres by mid-century. Without action, it says, about 310 properties would be at significant risk of flooding by 2050, compared with 85 today.',
      ),
      h2('What the plan proposes'),
      ol(
        'Raise the Old Quay harbour wall by 0.8 metres and fit flood gates at Fish Street and the slipway: £11.2 million.',
        'Breach the sea bank at Westmouth so that saltmarsh can form, soaking up surge water before it reaches the town: £6.5 million, including compensation for landowners.',
        'Move a 1.4-kilometre stretch of the coast road 200 metres inland: £9.8 million.',
        'A fund to fit flood doors, non-return valves and raised sockets in 140 homes in the Saltings and Old Quay: £3.5 million.',
      ),
      figure(
        'inline-westmouth-marsh',
        'Low green and olive fields stretching towards a distant line of hills under a hazy sky.',
        'The Westmouth grazing marsh. The 19th-century sea bank runs along the far edge of the fields.',
        EWAN,
      ),
      p(
        'Dr Nia Calloway, the council’s climate resilience officer, said the Westmouth scheme was the centrepiece of the plan because it reduced the height the town’s defences would otherwise need to reach.',
      ),
      quote(
        'We can’t hold the line everywhere, and pretending we can is the most expensive option of all. Giving the estuary somewhere to put its water is what lets us keep it out of people’s living rooms.',
        'Dr Nia Calloway, climate resilience officer, Port Alder Council',
      ),
      pull('“We can’t hold the line everywhere, and pretending we can is the most expensive option of all.”'),
      h2('‘Four generations on that marsh’'),
      p(
        'The proposal has alarmed farmers at Westmouth. Ivor Spargo, whose family has grazed cattle on the marsh for four generations, said he had learned of the plan from a neighbour. “They’re talking about our land as though it’s a sponge,” he said. “It’s a farm. It feeds people.”',
      ),
      p(
        'The council says any realignment would only go ahead with landowners’ agreement, and that compensation would be based on independent valuation. So far only £4 million of the £31 million total has been secured; the rest depends on national flood defence grants and contributions from the Harbour Trust.',
      ),
      h3('Have your say'),
      p(
        'The consultation runs for 12 weeks. Drop-in sessions will be held at Quayside Library and Westmouth village hall, and the ',
        a('full draft plan', 'https://example.org/port-alder-council/shoreline-2050'),
        ' is available online. See all our ',
        a('Climate', '/tags/climate'),
        ' reporting.',
      ),
    ),
  },

  // 13 -----------------------------------------------------------------------
  {
    slug: 'crane-hill-surgery-to-close-on-saturdays',
    headline: 'Crane Hill surgery to stop Saturday opening as GP shortage bites',
    dek: 'The practice, which serves 9,800 patients, has had two doctors’ posts vacant for more than a year and says it can no longer staff weekend clinics safely.',
    section: 'news',
    tags: ['Health', 'Crane Hill', 'Housing'],
    author: 'writer',
    publishedHoursAgo: 188,
    lead: {
      image: 'lead-crane-hill-surgery',
      caption: 'Crane Hill, looking inland. The surgery serves patients from the hill, Netherby and the villages beyond.',
      credit: BEA,
      alt: 'Soft teal and green hills rolling away under a pale sky, with a few trees silhouetted on the nearest ridge.',
    },
    body: doc(
      p(
        'Crane Hill Surgery will stop opening on Saturday mornings from the start of next month, after failing for more than a year to fill two vacant GP posts.',
      ),
      p(
        'The practice, the larger of Port Alder’s two surgeries, serves ',
        b('9,800 patients'),
        '. It currently offers about 90 appointments each Saturday, mainly for working patients and routine blood tests.',
      ),
      p(
        'In a letter to patients, practice manager Colette Dyer said the remaining five doctors were already working “well beyond what is sustainable” and that the surgery had advertised the vacancies six times without a single suitable applicant.',
      ),
      quote(
        'We would much rather be telling patients we were adding appointments. But a tired doctor at the end of a six-day week is not a safe doctor, and we will not run clinics we cannot staff properly.',
        'Colette Dyer, practice manager, Crane Hill Surgery',
      ),
      h2('Where patients can go instead'),
      ul(
        'Weekday appointments will be extended until 7.30pm on Tuesdays and Thursdays.',
        'The practice pharmacist will run a phone clinic on Friday afternoons for medication reviews.',
        'Out-of-hours care remains available by calling the national non-emergency line.',
      ),
      p(
        'Saturday blood tests will move to an early clinic from 7.30am on Wednesdays. Patients who need a repeat prescription or a fit note can request one through the practice’s ',
        a('online form', 'https://example.org/crane-hill-surgery/requests'),
        ' without booking an appointment.',
      ),
      p(
        'The patient participation group said it understood the reasons but was worried about people who cannot take time off work. Its chair, Graham Teague, said: “For a lot of fishermen and shift workers, Saturday was the only time they could come. We’ll be asking the practice to keep a close eye on who stops turning up.”',
      ),
      h3('A national problem, felt locally'),
      p(
        'Recruiting doctors to coastal towns has been difficult for years, partly because of the cost of housing and the distance from training hospitals. The district has about one full-time GP for every 2,600 patients, above the regional average of about one for every 2,200.',
      ),
      p(
        'The local health board said it was working with the practice on a ',
        i('golden hello'),
        ' scheme offering relocation payments to new GPs and was discussing whether the Saltings co-op could set aside homes for key workers. Port Alder’s other practice, on the Quay, said it had no plans to change its own opening hours. Read more on our ',
        a('Health', '/tags/health'),
        ' page.',
      ),
    ),
  },

  // 14 -----------------------------------------------------------------------
  {
    slug: 'volunteers-take-over-the-regent-cinema',
    headline: 'Volunteers take over the Regent, Port Alder’s 1930s cinema, after owner retires',
    dek: 'A community benefit society has signed a ten-year lease on the single-screen picture house and plans to show films five nights a week, with £4 tickets on Tuesdays.',
    section: 'culture',
    tags: ['Arts', 'Fore Street', 'Small Business'],
    author: 'admin',
    publishedHoursAgo: 330,
    lead: {
      image: 'lead-regent-cinema',
      caption: 'The Regent’s auditorium lights, reflected in the restored glass of the foyer doors.',
      credit: MARA,
      alt: 'An abstract pattern of soft, overlapping circles of rose, magenta and plum light on a dark background.',
    },
    body: doc(
      p(
        'The Regent, Port Alder’s only cinema, at the top of Fore Street, will stay open after a group of volunteers signed a ten-year lease on the building, three months after its owner of 31 years announced his retirement.',
      ),
      p(
        'The newly formed Regent Picture House Society, a community benefit society with 280 founding members, raised £52,000 in a share offer to cover the first year’s rent, repairs to the heating and a new digital projector lamp.',
      ),
      p(
        'Retiring owner Leonard Crabb, 74, said he had turned down two offers from developers who wanted to convert the 1930s building into flats. “I could have made more money,” he said. “But I’d have had to walk past it every day for the rest of my life.”',
      ),
      h2('The plans'),
      ul(
        'Films five nights a week, up from three, with Saturday family matinees.',
        [b('£4 tickets'), ' every Tuesday, and free entry for carers accompanying a paying customer.'],
        'Relaxed screenings once a month, with lights up and sound down, for people who find ordinary cinemas difficult.',
        'A winter season programmed by members, including films made in and about the estuary.',
      ),
      quote(
        'Half the people on this committee had their first date in that auditorium. We’re not doing this out of nostalgia, though. A town without a cinema is a town where teenagers have one less place to go on a Friday night.',
        'Ciara Moss, chair, Regent Picture House Society',
      ),
      p(
        'The society has recruited 64 volunteers to run the box office, kiosk and cleaning. Two part-time staff, a projectionist and a manager, will be paid. The 310-seat auditorium needs about 45 paying customers a night to break even, the society estimates, against a recent average of 38.',
      ),
      pull('“A town without a cinema is a town where teenagers have one less place to go on a Friday night.”'),
      p(
        'Mr Crabb has agreed to stay on as an adviser for the first year and will keep a seat in the back row, which he says he has been promised in writing. “I’ve never actually watched a whole film in there from start to finish,” he said. “I was always changing a reel or fixing a toilet. I’m looking forward to it.”',
      ),
      p(
        'The first programme under the new management opens on Friday with a restored print of a black-and-white harbour drama filmed partly in the town in the 1950s, introduced by the Quayside Library’s local history volunteers.',
      ),
      hr,
      p(
        'Membership of the society costs £10 a year. Details and listings are on the ',
        a('Regent’s website', 'https://example.com/regent-port-alder'),
        '. More from the arts in Port Alder on our ',
        a('Arts', '/tags/arts'),
        ' page.',
      ),
    ),
  },

  // 15 (draft) ---------------------------------------------------------------
  {
    slug: 'council-to-consult-on-old-quay-parking-zone',
    headline: 'Council to consult on residents’ parking zone for Old Quay',
    dek: 'Permits would cost £45 a year and visitors would pay to park on six streets between April and October, under proposals going to committee next week.',
    section: 'politics',
    tags: ['Port Alder Council', 'Old Quay', 'Transport', 'Small Business'],
    author: 'writer',
    publishedHoursAgo: null,
    lead: {
      image: 'lead-old-quay-parking',
      caption: 'Chapel Street in Old Quay, one of six streets that would be covered by the proposed residents’ zone.',
      credit: EWAN,
      alt: 'A narrow row of old cottages with steep roofs and small lit windows under a warm red evening sky.',
    },
    body: doc(
      p(
        'Residents of six streets in Old Quay could be offered parking permits for £45 a year under proposals to be discussed by Port Alder Council’s harbour and regeneration committee next week.',
      ),
      p(
        'The scheme would cover Chapel Street, Fish Street, Rope Walk, Net Loft Lane, Harbour Terrace and the lower end of Fore Street. Between April and October, visitors would pay £2 an hour to park in those streets, with a maximum stay of four hours. Outside the season, parking would be free for all.',
      ),
      p(
        'A survey by council officers last summer found that on an average weekend afternoon, ',
        b('78% of parked cars'),
        ' in the six streets belonged to people who did not live there.',
      ),
      h2('What residents have said'),
      p(
        'Harbour ward councillor Joan Kitto, who made parking a central part of her by-election campaign, welcomed the report but said the price of permits should be lower for pensioners and carers.',
      ),
      quote(
        'People here are not asking for special treatment. They are asking to be able to unload their shopping without walking it a quarter of a mile uphill. That shouldn’t be a luxury.',
        'Cllr Joan Kitto',
      ),
      p(
        'Some businesses are cautious. The owner of a gift shop on Harbour Terrace, who asked not to be named, said visitors already complained about the cost of the main car park and might go elsewhere.',
      ),
      h3('How it would work'),
      ul(
        'Up to two permits per household, at £45 each a year; a second permit would cost £70.',
        'Books of visitor passes for residents at £1 a day, for tradespeople, carers and family.',
        'Blue badge holders would continue to park free of charge without time limits.',
        'Enforcement officers would patrol the zone daily between April and October.',
      ),
      p(
        'If the committee agrees, a six-week public consultation would begin in March, with letters sent to every household and business in the zone and a drop-in session at Quayside Library. A final decision would be made in the summer, too late for the scheme to start this year.',
      ),
      p(
        'Council officers estimate the scheme would raise about £96,000 a year after enforcement costs, which would be ring-fenced for transport and highways spending in Old Quay.',
      ),
      p(
        i('[Draft: confirm committee date and add response from Chamber of Trade before publishing.]'),
      ),
    ),
  },

  // 16 (draft) ---------------------------------------------------------------
  {
    slug: 'ferry-union-and-operator-agree-to-mediation',
    headline: 'Ferry union and operator agree to independent mediation',
    dek: 'No further strike dates will be called while talks take place, the Maritime and Ferry Workers’ Union said, as Carrick Skerry sailings return to normal.',
    section: 'news',
    tags: ['Ferry', 'Carrick Skerry', 'Transport'],
    author: 'editor',
    publishedHoursAgo: null,
    lead: {
      image: 'lead-ferry-talks',
      caption: 'Boats in the outer harbour on Thursday morning, as sailings to Carrick Skerry resumed.',
      credit: TRUST,
      alt: 'Several small boats with tall masts on calm blue water beside a long wooden pier, with hills on the horizon.',
    },
    body: doc(
      p(
        'Wendmouth Ferries and the union representing its crews have agreed to independent mediation in their dispute over rotas, and no further strike action will be called while talks continue.',
      ),
      p(
        'The announcement came on Thursday morning as the first sailing in two days left Port Alder for Carrick Skerry. Both sides said the first mediation session would take place within a fortnight.',
      ),
      p(
        'Sandra Kelynack, regional organiser for the Maritime and Ferry Workers’ Union, said crews had returned to work “in good faith”. Wendmouth Ferries managing director Gareth Pym said the company was “pleased that we are talking rather than striking”.',
      ),
      p(
        'The Carrick Skerry Community Council, which represents island residents, said it would ask to give evidence to the mediator about how changes to the timetable and staffing affect people who depend on the boat for work, school and hospital visits. Its secretary said islanders had “a stake in this that neither side should forget”.',
      ),
      h3('What islanders said'),
      quote(
        'Two days is manageable. Two weeks would not have been. I think everyone on the island is just relieved they are in a room together.',
        'Morwenna Jory, island shopkeeper',
      ),
      p(
        'The mediation will cover the company’s proposal to move crews from fixed week-on, week-off rotas to variable shifts published a fortnight in advance, which led 19 of the 22 crew members to vote for a walkout. Both sides have agreed not to comment publicly on the detail while talks continue.',
      ),
      p(
        'Island businesses said the two-day strike had cost them more than the dates suggested. The owner of the café at the Skerry landing said she had lost a coach party booking for 40 people and several weekend reservations from visitors who did not want to risk being stranded.',
      ),
      p(
        'Port Alder Council said it had paid for 23 hospital-related water taxi journeys during the strike, at a cost of £1,150.',
      ),
      p(
        'The company’s proposal to add two sailings a day to the summer timetable remains on hold until mediation ends. Mr Pym said the extra crossings were still needed if the island was to attract more visitors in the busy months, and that the company would “look at every way of staffing them”.',
      ),
      p(
        'Island pupils returned to Port Alder Community College on Thursday. The college said lessons missed during the two days of remote teaching would be covered in after-school sessions next week.',
      ),
      p(
        i('[Draft: waiting on mediator’s name and confirmed date.]'),
      ),
    ),
  },
];
