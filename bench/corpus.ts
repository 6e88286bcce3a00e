// Word banks for the synthetic posts. Kept apart from the generator so the
// generator stays readable; the banks only need to be varied enough that
// Markdown parsing, slugging and feed rendering see realistic text.
// biome-ignore-all format: word lists read best packed, a few to a line

export const TAGS: readonly string[] = [
  "politics", "courts", "elections", "economy", "markets", "labor",
  "housing", "transit", "climate", "energy", "health", "education",
  "science", "technology", "privacy", "security", "defense", "diplomacy",
  "immigration", "trade", "agriculture", "water", "wildfires", "weather",
  "culture", "books", "music", "film", "sports", "media",
  "religion", "crime", "policing", "city-hall", "budget", "infrastructure",
];

export const SUBJECTS: readonly string[] = [
  "City council", "State senate", "Appeals court", "Transit authority",
  "School board", "Central bank", "Port commission", "Water district",
  "Governor’s office", "County assessor", "Supreme Court", "Housing agency",
  "Regional utility", "Hospital network", "University regents", "Teachers’ union",
  "Election board", "Police commission", "Parks department", "Energy regulator",
  "Fire marshal", "Labor board", "Federal judge", "Mayor’s office",
];

export const VERBS: readonly string[] = [
  "approves", "rejects", "delays", "questions", "revives", "expands",
  "trims", "defends", "challenges", "weighs", "unveils", "pauses",
  "fast-tracks", "audits", "reverses", "scraps", "backs", "probes",
];

export const OBJECTS: readonly string[] = [
  "budget plan", "rent cap", "bus lane network", "wildfire buffer",
  "voting map", "bond measure", "water rate hike", "zoning overhaul",
  "school funding formula", "data-sharing deal", "bridge retrofit",
  "clinic expansion", "solar mandate", "overtime rule", "tariff relief",
  "library hours", "flood barrier", "broadband grant", "stadium lease",
  "drought plan", "bail policy", "heat-wave protocol", "pension reform",
];

export const CONTEXTS: readonly string[] = [
  "after a marathon hearing", "amid record turnout", "despite late objections",
  "as costs climb", "ahead of the winter session", "following a court ruling",
  "after months of talks", "under pressure from neighbors",
  "as the deadline looms", "in a split vote", "after a surprise audit",
  "with little public notice",
];

export const PEOPLE: readonly string[] = [
  "Maria Okafor", "Daniel Reyes", "Priya Natarajan", "Tomás Álvarez",
  "Helen Park", "Samuel Whitfield", "Aisha Rahman", "Jonas Lindqvist",
  "Grace Mbeki", "Luca Bianchi", "Naomi Feld", "Kenji Watanabe",
  "Olivia Brennan", "Rafael Costa", "Ingrid Solberg", "Marcus Hale",
];

export const ROLES: readonly string[] = [
  "a council member", "the district’s budget director", "a retired judge",
  "an economist at the state university", "a neighborhood organizer",
  "the agency’s spokesperson", "a public defender", "a small-business owner",
  "a transit planner", "a climate researcher", "the union’s president",
  "a longtime resident",
];

export const PLACES: readonly string[] = [
  "the east side", "the harbor district", "downtown", "the northern suburbs",
  "the river valley", "the old mill quarter", "the university area",
  "the airport corridor", "the coastal towns", "the farm belt",
];

export const NOUNS: readonly string[] = [
  "residents", "commuters", "landlords", "tenants", "parents", "voters",
  "contractors", "nurses", "farmers", "shop owners", "students", "retirees",
  "officials", "analysts", "lawyers", "engineers",
];

export const ADJECTIVES: readonly string[] = [
  "unexpected", "contentious", "modest", "sweeping", "long-delayed",
  "costly", "temporary", "bipartisan", "narrow", "ambitious", "quiet",
  "overdue", "fragile", "preliminary",
];

export const MONEY: readonly string[] = [
  "$4.2 million", "$18 million", "$310,000", "$950,000", "$1.1 billion",
  "$62 million", "$7.5 million", "$40,000",
];

export const PERIODS: readonly string[] = [
  "two weeks", "a month", "six weeks", "90 days", "the fall", "the new year",
];

// Sentence templates; {x} slots are filled from the banks above. Several
// carry em-dashes and curly quotes on purpose so smart-punctuation paths run.
export const SENTENCES: readonly string[] = [
  "{Subject} {verb} the {object} {context}.",
  "The {adjective} decision affects {noun} across {place}, where the issue has simmered for years.",
  "Officials estimate the change will cost {money} over the first phase — a figure critics call optimistic.",
  "“We heard from {noun} at every meeting,” said {person}, {role}.",
  "{person}, {role}, called the vote ‘a {adjective} step’ but warned that details remain unsettled.",
  "Supporters argue the plan protects {noun}; opponents say it shifts the burden onto {place}.",
  "The measure passed {context}, and a second reading is expected within {period}.",
  "Records reviewed by this newsroom show the proposal was revised at least three times — most recently in the spring.",
  "Neither the {subject_lc} nor its consultants responded to questions about the {adjective} timeline.",
  "For {noun} in {place}, the practical effect may be limited until funding arrives.",
  "A similar effort stalled two years ago, when {noun} packed the chamber to object.",
  "“It’s not perfect, but it’s a start,” {person} said after the session.",
  "Analysts expect {money} in savings, though the estimate depends on federal matching funds.",
  "The {object} now heads to a committee that has rarely moved quickly — or quietly.",
  "Some {noun} said they learned of the change only days before the vote.",
  "The agency’s own review flagged {money} in deferred maintenance that the plan does not address.",
];

export const HEADINGS: readonly string[] = [
  "What changes now", "Why it matters", "How we got here", "What critics say",
  "The money question", "What comes next", "Who is affected", "The legal fight",
  "Voices from {place}", "Inside the vote", "By the numbers", "The fine print",
];

export const LINK_TEXTS: readonly string[] = [
  "the full ruling", "the council’s agenda", "our earlier coverage",
  "the budget documents", "a state audit", "the public comment record",
  "the agency’s data portal", "last year’s report",
];

export const LINK_PATHS: readonly string[] = [
  "documents", "agenda", "archive", "data", "reports", "filings", "minutes",
];

export const BULLET_LEADS: readonly string[] = [
  "Cost:", "Timeline:", "Who pays:", "Next hearing:", "Exemptions:",
  "Opposition:", "Oversight:", "Scope:",
];

// Alternative text of the pictures `--pictures` adds: what a photo desk writes.
export const PICTURE_ALTS: readonly string[] = [
  "{person}, {role}, speaks to {noun} in {place}",
  "{Subject} members listen to public comment",
  "Commuters wait at a bus stop in {place} at dusk",
  "A crowd of {noun} outside the hearing room",
  "Construction crews at work on a site in {place}",
  "{person} reads from a prepared statement",
  "The skyline of {place} seen from across the river",
  "Protesters hold hand-lettered signs near city hall",
  "An empty council chamber before the vote",
  "Traffic backs up on the bridge into {place}",
];
