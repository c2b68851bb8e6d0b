/**
 * Hand-written word lists for the entity tagger and resolver (the team's own,
 * not from any corpus). Lower-case keys.
 */

/** Words that announce a person's name after them: "President X", "envoy X", "Mr X". */
export const TITLES = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'prof.', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice', 'premier', 'chancellor', 'minister', 'secretary', 'senator', 'sen.', 'sen', 'rep.',
  'representative', 'congressman', 'congresswoman', 'governor', 'gov.', 'mayor', 'judge', 'justice', 'king', 'queen',
  'prince', 'princess', 'pope', 'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam', 'sheikh', 'general', 'gen.',
  'colonel', 'col.', 'captain', 'capt.', 'lieutenant', 'lt.', 'sergeant', 'sgt.', 'admiral', 'commander', 'envoy',
  'ambassador', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chair', 'ceo', 'director',
  'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'champion', 'leader', 'chief', 'deputy',
  'diplomat', 'officer', 'official', 'analyst', 'economist', 'professor', 'author', 'actor', 'actress', 'singer',
  'columnist', 'correspondent', 'reporter', 'editor', 'founder', 'dictator', 'emperor', 'prosecutor', 'attorney',
  'lawyer', 'detective', 'inspector', 'superintendent', 'candidate', 'nominee', 'councillor', 'councilman', 'mp',
  'speaker', 'adviser', 'advisor', 'aide', 'negotiator', 'mediator', 'st.', 'saint', 'father', 'sister', 'brother',
  'uncle', 'aunt', 'husband', 'wife', 'son', 'daughter', 'mother', 'jr.', 'sr.', 'commissioner', 'president-elect',
  'counsel', 'sheriff', 'marshal', 'delegate', 'trustee', 'treasurer', 'executive', 'head',
]);

/** Words that end organization names: "Acme Inc", "Labour Party", "Ministry of Defence". */
export const ORG_WORDS = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'ag', 'gmbh', 'sa', 'nv',
  'group', 'holdings', 'bank', 'party', 'ministry', 'department', 'university', 'college', 'institute', 'school',
  'council', 'committee', 'commission', 'agency', 'association', 'federation', 'union', 'league', 'club', 'foundation',
  'society', 'organization', 'organisation', 'authority', 'board', 'bureau', 'office', 'service', 'services', 'court',
  'parliament', 'congress', 'senate', 'assembly', 'army', 'navy', 'force', 'forces', 'police', 'times', 'post',
  'news', 'press', 'journal', 'herald', 'tribune', 'telegraph', 'guardian', 'airlines', 'airways', 'motors',
  'industries', 'technologies', 'systems', 'media', 'network', 'fund', 'exchange', 'house', 'administration',
  'brigade', 'brigades', 'front', 'movement', 'alliance', 'coalition', 'centre', 'center', 'hospital', 'fc',
  'united', 'city', 'rovers', 'athletic', 'international', 'company', 'companies', 'partners', 'capital', 'trust',
  'records', 'studios', 'pictures', 'entertainment', 'magazine', 'review', 'daily', 'weekly',
]);

/** Everyday names of countries and regions → one canonical name ("US", "U.S.", "USA" → "United States"). */
export const PLACE_ALIASES: Record<string, string> = {
  us: 'United States', 'u.s.': 'United States', 'u.s': 'United States', usa: 'United States', 'u.s.a.': 'United States',
  'united states': 'United States', 'united states of america': 'United States', america: 'United States',
  uk: 'United Kingdom', 'u.k.': 'United Kingdom', britain: 'United Kingdom', 'great britain': 'United Kingdom',
  'united kingdom': 'United Kingdom', uae: 'United Arab Emirates', 'u.a.e.': 'United Arab Emirates',
  'united arab emirates': 'United Arab Emirates', russia: 'Russia', 'russian federation': 'Russia',
  'south korea': 'South Korea', 'north korea': 'North Korea', 'republic of korea': 'South Korea', iran: 'Iran',
  syria: 'Syria', vietnam: 'Vietnam', 'viet nam': 'Vietnam', laos: 'Laos', taiwan: 'Taiwan', bolivia: 'Bolivia',
  venezuela: 'Venezuela', tanzania: 'Tanzania', moldova: 'Moldova', 'czech republic': 'Czech Republic',
  czechia: 'Czech Republic', holland: 'Netherlands', netherlands: 'Netherlands', 'the netherlands': 'Netherlands',
  'ivory coast': "Côte d'Ivoire", drc: 'Democratic Republic of the Congo', 'dr congo': 'Democratic Republic of the Congo',
  prc: 'China', 'mainland china': 'China', 'people\'s republic of china': 'China', 'hong kong': 'Hong Kong',
  'gaza strip': 'Gaza', gaza: 'Gaza', 'west bank': 'West Bank', 'middle east': 'Middle East', 'mideast': 'Middle East',
  'new york city': 'New York', nyc: 'New York', 'washington d.c.': 'Washington', 'washington, d.c.': 'Washington',
  'ussr': 'Soviet Union', 'soviet union': 'Soviet Union', burma: 'Myanmar', myanmar: 'Myanmar', turkey: 'Turkey',
  türkiye: 'Turkey', 'vatican city': 'Vatican', 'holy see': 'Vatican',
};

/** Regions and continents, which the country and city lists miss. */
export const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Antarctica',
  'Oceania', 'Australasia', 'Middle East', 'Mideast', 'Near East', 'Far East', 'Southeast Asia', 'South Asia',
  'East Asia', 'Central Asia', 'Eastern Europe', 'Western Europe', 'Balkans', 'Caucasus', 'Scandinavia',
  'Caribbean', 'Mediterranean', 'Gulf', 'Persian Gulf', 'Arctic', 'Pacific', 'Atlantic', 'Sahara', 'Sahel',
  'West Bank', 'Gaza Strip', 'Gaza', 'Golan Heights', 'Kashmir', 'Crimea', 'Donbas', 'Siberia', 'Balkan',
  'Silicon Valley', 'Wall Street', 'Midwest', 'New England',
];

/**
 * Capitalised words that start sentences or headlines but never name anything on
 * their own ("Historically, ...", "According to ...", "Both the US and ...").
 */
export const NEVER_ALONE = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'both', 'according', 'historically', 'however', 'meanwhile',
  'also', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'since', 'although', 'though', 'because',
  'in', 'on', 'at', 'for', 'with', 'from', 'by', 'of', 'to', 'as', 'it', 'its', 'he', 'she', 'they', 'we', 'i',
  'his', 'her', 'their', 'our', 'my', 'your', 'you', 'there', 'here', 'today', 'yesterday', 'tomorrow', 'now',
  'then', 'some', 'many', 'most', 'all', 'each', 'every', 'other', 'another', 'such', 'what', 'which', 'who', 'why',
  'how', 'where', 'yet', 'still', 'even', 'only', 'just', 'more', 'less', 'several', 'few', 'no', 'not', 'one',
  'two', 'three', 'first', 'last', 'new', 'recently', 'previously', 'currently', 'additionally', 'furthermore',
  'moreover', 'nevertheless', 'instead', 'indeed', 'despite', 'amid', 'amidst', 'during', 'under', 'over', 'about',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mr.', 'mrs',
  'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'president', 'minister', 'envoy', 'special', 'officials', 'sources', 'critics',
  // Everyday abbreviations in capitals.
  'tv', 'id', 'am', 'pm', 'ok', 'faq', 'diy', 'pdf', 'usb', 'gps', 'dna', 'ceo', 'cfo', 'gdp', 'ai', 'vip', 'q&a',
  'phd', 'mba', 'usd', 'eur', 'gbp', 'jpy', 'cny', 'rss', 'html', 'url', 'app', 'apps', 'wi-fi', 'lol',
  // Holidays and seasons are capitalised but name no person, organization or place.
  'christmas', 'easter', 'ramadan', 'eid', 'thanksgiving', 'hanukkah', 'diwali', 'passover', 'halloween', 'lent',
]);

/**
 * Month and weekday abbreviations, without their dot ("Jan.", "Sept.", "Tues."):
 * dates, never names. Months alone are safe to drop whenever dotted; some
 * weekday forms are also names ("Sun", "Mon", "Sat"), so a dotted weekday with a
 * capitalised word after it may be a name ending a sentence ("told the Sun. The ...").
 */
export const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
export const WEEKDAY_ABBREVIATIONS = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);

/** Titles that make the name after them a person's ("Lord Conrad Black", "President Biden"); not "General Motors". */
export const PERSON_TITLES = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'president', 'senator', 'sen.',
  'rep.', 'governor', 'gov.', 'mayor', 'judge', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'ambassador',
  'envoy', 'chancellor', 'premier', 'prof.', 'professor', 'rabbi', 'imam', 'cardinal', 'archbishop', 'bishop',
]);

/** Generic heads that turn a place into its government ("US government") without making a new referent. */
export const GOVERNMENT_HEADS = new Set(['government', 'administration', 'authorities', 'officials', 'regime']);

/**
 * Names that are organizations whatever their context suggests: seats of
 * government used for the institution ("the White House said") and news outlets
 * named as sources ("sources at Axios"). Lower-case, space-joined words.
 */
export const KNOWN_ORGS = new Set([
  'white house', 'kremlin', 'pentagon', 'elysee', 'élysée', 'downing street', 'state department', 'foreign office',
  'axios', 'reuters', 'ap', 'associated press', 'afp', 'bloomberg', 'cnn', 'bbc', 'nbc', 'cbs', 'abc', 'fox news',
  'msnbc', 'npr', 'politico', 'al jazeera', 'new york times', 'washington post', 'wall street journal',
  'financial times', 'guardian', 'economist', 'times of israel', 'haaretz', 'le monde', 'der spiegel', 'xinhua',
  'tass', 'interfax', 'yonhap', 'kyodo', 'dpa', 'ansa', 'efe', 'the hill', 'vox', 'buzzfeed', 'huffpost',
  'nato', 'un', 'u.n.', 'united nations', 'eu', 'european union', 'who', 'imf', 'world bank', 'opec', 'fbi', 'cia',
  'nasa', 'hamas', 'hezbollah', 'taliban', 'facebook', 'google', 'twitter', 'apple', 'microsoft', 'amazon', 'meta',
  'instagram', 'youtube', 'tiktok', 'netflix', 'tesla', 'openai', 'nvidia', 'intel', 'ibm', 'samsung', 'sony',
  'wikipedia', 'reddit', 'linkedin', 'whatsapp', 'spotify', 'uber', 'airbnb', 'paypal', 'ebay', 'alibaba', 'baidu',
]);

/** Words that open a sentence or a caption before a name without belonging to it ("See Facebook's policy"). */
export const LEADING_NOISE = new Set([
  'see', 'read', 'visit', 'watch', 'click', 'follow', 'sign', 'join', 'meet', 'ask', 'call', 'contact', 'download',
  'subscribe', 'learn', 'find', 'check', 'like', 'share', 'thanks', 'thank', 'dear', 'hi', 'hello', 'welcome', 'image',
  'photo', 'picture', 'credit', 'via', 'source', 'update', 'updated', 'related', 'more', 'also', 'says', 'said', 'ask',
  'tell', 'email', 'video', 'listen', 'breaking', 'exclusive', 'opinion', 'analysis', 'editorial', 'advertisement',
]);

/** Last words of street and landmark names, which are places whoever they are named after. */
export const STREET_WORDS = new Set([
  'street', 'st.', 'avenue', 'ave', 'ave.', 'road', 'rd', 'rd.', 'boulevard', 'blvd', 'blvd.', 'lane', 'drive', 'way',
  'square', 'plaza', 'bridge', 'highway', 'freeway', 'motorway', 'parkway', 'terrace', 'crescent', 'place', 'close',
  'river', 'lake', 'mountain', 'mountains', 'valley', 'island', 'islands', 'bay', 'coast', 'beach', 'canal', 'strait',
  'peninsula', 'desert', 'province', 'county', 'district', 'region', 'heights', 'hills', 'springs', 'palace', 'castle',
  'cathedral', 'abbey', 'stadium', 'airport', 'tower', 'towers',
]);

/**
 * Adjectives and group names of peoples, faiths and nations that the demonym
 * list (compromise's) lacks: alone they name no person, organization or place
 * ("Arab states", "British troops", "Muslim voters").
 */
export const DEMONYMS = new Set([
  'arab', 'arabs', 'british', 'english', 'irish', 'latino', 'latina', 'latinos', 'hispanic', 'hispanics', 'muslim',
  'muslims', 'jewish', 'jews', 'sunni', 'sunnis', 'shia', 'shiite', 'shiites', 'kurdish', 'catholic', 'catholics',
  'christians', 'hindu', 'hindus', 'sikh', 'sikhs', 'buddhist', 'western', 'westerners', 'brits', 'briton', 'britons',
]);

/**
 * Words after a person's name that make the name stand for the person's
 * government or campaign ("the Biden administration", "the Trump campaign"):
 * the name is the person's, never a place.
 */
export const LEADER_HEADS = new Set(['administration', 'administrations', 'presidency', 'campaign', 'era', 'camp', 'cabinet', 'doctrine']);

/**
 * Titles that, inside a span, hand the name after them to a person and leave
 * the words before as the title's qualifier ("California Governor Gavin Newsom",
 * "St. Louis Park Mayor Jake Spano"): TITLES but for family words, nobility and
 * "St." ("Port St. Lucie", "Prince Edward Island").
 */
export const INNER_TITLES = new Set(
  [...TITLES].filter((t) => !/^(st\.|saint|father|sister|brother|uncle|aunt|husband|wife|son|daughter|mother|[js]r\.|vice|head|king|queen|prince|princess|lord|lady|sir|dame|pope)$/.test(t)),
);

/**
 * Site furniture, reading-time units and interjections: a mention made of these
 * words only is no name ("Oh", "Yeah", "Email", "5 Min Read", "3 Hrs Ago").
 */
export const FURNITURE = new Set([
  'oh', 'ah', 'yeah', 'yes', 'okay', 'wow', 'hey', 'email', 'e-mail', 'share', 'tweet', 'print', 'comments', 'reply',
  'subscribe', 'newsletter', 'login', 'menu', 'search', 'min', 'mins', 'hr', 'hrs', 'hour', 'hours', 'minutes', 'sec',
  'ago', 'read', 'updated', 'posted', 'sponsored', 'loading', 'photos', 'videos',
]);
