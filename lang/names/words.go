package names

// Word lists for mention extraction. All entries are lowercase; they are
// compared with the lowercased token. The lists are small on purpose: the
// gazetteer and the text itself (a capitalised word whose lowercase form
// also occurs in the text is a common word) do most of the work.

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// stopwords are function words and frequent sentence openers that are not
// names when capitalised at the start of a sentence or alone.
var stopwords = setOf(
	// English
	"a", "an", "the", "this", "that", "these", "those", "it", "its", "it's",
	"he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "my",
	"your", "him", "them", "us", "in", "on", "at", "to", "for", "from", "by",
	"with", "without", "of", "about", "after", "before", "during", "since",
	"until", "while", "when", "where", "why", "how", "what", "which", "who",
	"whom", "whose", "if", "as", "and", "but", "or", "nor", "so", "yet",
	"also", "however", "meanwhile", "moreover", "furthermore", "although",
	"though", "because", "despite", "following", "according", "among",
	"amid", "across", "against", "along", "around", "between", "beyond",
	"into", "over", "under", "through", "throughout", "toward", "towards",
	"upon", "within", "there", "here", "then", "thus", "still", "even",
	"only", "just", "not", "no", "yes", "all", "any", "some", "many", "most",
	"much", "more", "less", "few", "several", "each", "every", "both",
	"either", "neither", "other", "another", "such", "same", "one", "two",
	"three", "first", "second", "last", "next", "new", "prior", "later",
	"earlier", "today", "yesterday", "tomorrow", "now", "once", "again",
	"instead", "indeed", "perhaps", "please", "is", "are", "was", "were",
	"be", "been", "has", "have", "had", "do", "does", "did", "will", "would",
	"can", "could", "may", "might", "must", "shall", "should", "let", "for",
	"in", "photo", "file", "read", "more", "top", "home", "share", "note",
	"back", "follow", "like", "see", "click", "tweet", "print", "email",
	"updated", "published", "posted", "copyright", "license", "registration",
	"number", "check", "related", "advertisement", "subscribe", "comments",
	"news", "world", "english", "edition", "global", "bulletin", "agencies",
	"min", "mins", "sign", "log", "login", "menu", "search", "video",
	"watch", "listen", "live", "breaking", "latest", "opinion", "analysis",

	// French
	"le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "et",
	"ou", "mais", "dans", "sur", "pour", "par", "avec", "selon", "après",
	"avant", "lors", "il", "elle", "ils", "elles", "ce", "cette", "ces",
	// Russian
	"в", "во", "на", "по", "с", "со", "к", "ко", "о", "об", "от", "из",
	"за", "для", "при", "после", "до", "и", "а", "но", "или", "он", "она",
	"они", "оно", "это", "этот", "эта", "как", "что", "также", "однако",
	"так", "там", "тогда", "по-прежнему", "кроме", "между", "среди",
)

// titles are words of titles and roles that precede a name and are not
// part of it ("Russian Defence Minister Sergey Shoygu"). A run of these
// (with demonyms and place names qualifying them) is stripped from the
// front of a candidate; when nothing is left the candidate is not a name.
var titles = setOf(
	"president", "presidents", "vice", "prime", "minister", "ministers",
	"defence", "defense", "foreign", "interior", "finance", "deputy",
	"chief", "staff", "general", "gen", "gen.", "lt", "lt.", "col", "col.",
	"colonel", "major", "maj", "captain", "capt", "commander", "admiral",
	"marshal", "field", "sergeant", "brigadier", "lieutenant", "mr", "mr.",
	"mrs", "ms", "dr", "dr.", "prof", "professor", "sir", "king", "queen",
	"prince", "princess", "crown", "emir", "sheikh", "shaikh", "sultan",
	"ayatollah", "imam", "pope", "cardinal", "bishop", "rabbi", "secretary",
	"secretary-general", "spokesman", "spokeswoman", "spokesperson",
	"ambassador", "envoy", "senator", "sen", "rep", "representative",
	"governor", "mayor", "chairman", "chairwoman", "chair", "director",
	"head", "leader", "supreme", "premier", "chancellor", "speaker",
	"counterpart", "counterparts", "officials", "official", "dignitaries",
	"former", "late", "acting", "senior", "advisor", "adviser", "aide",
	// Russian (capitalised only at the start of a sentence)
	"президент", "министр", "премьер-министр", "глава", "генерал",
	"господин", "г-н",
)

// personTitles are the title words that mark the following name as a
// person.
var personTitles = setOf(
	"president", "presidents", "minister", "chief", "general", "gen",
	"gen.", "colonel", "commander", "mr", "mr.", "mrs", "ms", "dr", "dr.",
	"king", "queen", "prince", "princess", "emir", "sheikh", "sultan",
	"ayatollah", "imam", "pope", "secretary", "spokesman", "ambassador",
	"envoy", "senator", "governor", "mayor", "chairman", "director",
	"leader", "premier", "chancellor", "speaker", "президент", "министр",
)

// connectors may join capitalised words inside one name.
var connectors = setOf(
	"al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "ez", "an", "es",
	"bin", "ibn", "bint", "ben", "abu", "abou", "abdel", "abdul", "abd",
	"de", "du", "da", "di", "del", "della", "der", "van", "von", "la", "le",
	"of", "the", "and", "ould",
)

// hyphenOnly are the connectors (the Arabic article and its assimilated
// forms) that join a name only when hyphenated: "al-Assad", "ez-Zor", but
// not "Putin at Khmeimim" or "Syria as Russia".
var hyphenOnly = setOf("al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "ez", "an", "es")

// demonyms are nationality adjectives; alone they are not names
// ("Russian", "Syrians"), though they open names ("Syrian Arab Army").
var demonyms = setOf(
	"afghan", "afghans", "african", "albanian", "algerian", "american",
	"americans", "arab", "arabs", "arabian", "armenian", "asian", "australian",
	"austrian", "azerbaijani", "azeri", "bahraini", "belarusian", "belgian",
	"brazilian", "british", "bulgarian", "canadian", "chechen", "chinese",
	"croatian", "cypriot", "czech", "danish", "dutch", "egyptian",
	"egyptians", "emirati", "english", "eritrean", "ethiopian", "european",
	"europeans", "finnish", "french", "georgian", "german", "germans", "greek",
	"gulf", "hungarian", "indian", "indonesian", "iranian", "iranians",
	"iraqi", "iraqis", "irish", "israeli", "israelis", "italian", "japanese",
	"jordanian", "kazakh", "korean", "kurdish", "kurd", "kurds", "kuwaiti",
	"lebanese", "libyan", "libyans", "malaysian", "mexican", "moroccan",
	"norwegian", "omani", "ottoman", "pakistani", "palestinian",
	"palestinians", "persian", "polish", "portuguese", "qatari", "romanian",
	"russian", "russians", "saudi", "saudis", "serbian", "somali",
	"spanish", "sudanese", "swedish", "swiss", "syrian", "syrians",
	"tajik", "tunisian", "turkish", "turk", "turks", "turkmen", "ukrainian",
	"ukrainians", "uzbek", "western", "eastern", "northern", "southern",
	"yemeni", "yemenis", "sunni", "shia", "shiite", "alawite", "christian",
	"muslim", "muslims", "jewish", "soviet", "islamist", "islamists",
	"jihadist", "jihadists", "west", "east",
	// Russian
	"российский", "российская", "российские", "сирийский", "сирийская",
)

// generic words are capitalised common nouns of headlines, page furniture
// and name tails ("Air Base"); a candidate made only of them, titles,
// demonyms and stopwords is dropped.
var generic = setOf(
	"air", "base", "airbase", "military", "naval", "army", "forces", "force",
	"government", "regime", "ministry", "agency", "council", "party",
	"security", "national", "international", "committee", "office", "media",
	"press", "state", "city", "province", "region", "district", "republic",
	"kingdom", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "january", "february", "march", "april", "june",
	"july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "viewed", "hours", "rights", "reserved", "content",
	"browsers", "resolution", "information", "multimedia", "online",
	"terrorism", "war", "homeland", "people", "left", "right", "center",
	"centre", "l", "r", "c", "ap", "afp", "tv", "front", "group",
	"coalition", "movement", "brigade", "brigades", "militia", "airport",
	"university", "court", "parliament", "assembly", "summit", "conference",
	"talks", "meeting", "statement", "report", "agreement", "deal",
	"saving", "top", "middle",
)

// orgHeads end organisation names; a candidate is split after one when
// more capitalised words follow ("Syrian Arab Army Ali Abdullah Ayoub").
var orgHeads = setOf(
	"army", "front", "coalition", "party", "agency", "council", "ministry",
	"forces", "force", "union", "organization", "organisation", "committee",
	"brigade", "brigades", "movement", "group", "corps", "guard", "guards",
	"university", "bank", "company", "command", "authority", "alliance",
	"league", "network", "institute", "commission", "parliament",
	"assembly", "court", "office", "service", "services", "tv", "news",
	"base", "airbase", "airport", "games", "cup", "championship", "olympics",
)

// abbrevs end with a full stop that does not end the sentence.
var abbrevs = setOf("st", "mt", "ft", "mr", "mrs", "ms", "dr", "gen", "col",
	"lt", "sgt", "capt", "prof", "sen", "rep", "gov", "pres", "maj", "adm",
	"brig", "cpl", "pvt", "rev", "messrs", "jr", "sr")
