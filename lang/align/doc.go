// Package align finds the passages of news articles that report the same
// fact, across outlets and languages, groups them, and tells which articles
// report the same event (story).
//
// # Passages and features
//
// Each passage (a sentence or paragraph, with the canonical ids of its
// entities already resolved, and optionally where they are written) is
// reduced to weighted items:
//
//   - entities: one item per entity id;
//   - numbers, dates and quantities, normalised across languages and
//     scripts by Numbers (Arabic-Indic and Persian digits, 465,000 = 465 000,
//     12 million = 12 млн = 1200万, spelled-out small English, French,
//     Spanish, Russian and Arabic cardinals, Chinese numerals, dates such as
//     "30 September 2015" = "30 сентября 2015" = "30 سبتمبر 2015" =
//     "2015年9月30日" = 2015-09-30, which also match "September 2015" and
//     "2015");
//   - content words: stop words (Snowball's lists, an Arabic list) and verbs
//     of saying are dropped; words are stemmed with Snowball (English,
//     French, Spanish, Russian, Swedish, Norwegian, Hungarian:
//     kljensen/snowball) or with a light Arabic stemmer (normalisation of
//     alef, ya, ta marbuta and harakat, one proclitic of و ف ب ل ك with the
//     article, and plural, dual and pronoun suffixes; after Larkey's
//     light10); English is first folded to American spelling
//     (defence/defense, -ise/-ize, -our/-or, -tre/-ter, travelling,
//     checked against WordNet's word list); Chinese is compared as
//     characters (each weighs half a word) and, within Chinese, character
//     bigrams;
//   - names: capitalised words that are not common words; they also carry
//     a script-independent consonant skeleton (Putin = Путин = بوتين), so
//     unresolved names can still match across scripts. A word inside an
//     entity mention, or one that spells an entity of the passage, weighs
//     little: the entity item already counts it. A name is resolved to an
//     entity by the passage's mentions (the mention covering it, or a word
//     of a mention of the same entity: "Vladimir Putin … Putin said"), and
//     by the words of readable entity ids ("vladimir-putin"); opaque ids
//     (a server's "e12") thus resolve as well as slugs. A capitalised word
//     outside any mention that extends a one-word name of an entity that
//     the set's mentions name by at most three letters (Syrian, Egyptian:
//     Syria, Egypt) adds that entity to the passage;
//   - quotes: text inside “ ” « » „ “ " " 「 」 『 』 ‘ ’ (quotes may run over
//     several passages of a document) is marked quoted; the speaker is found
//     next to a verb of saying ("Putin said", "said Putin", "cited Putin as
//     saying", "according to", заявил, قال, a déclaré, 说/表示), resolved to
//     an entity id of the passage, and "He added that…" takes the previous
//     passage's speaker or subject.
//
// # Lexical resources
//
// Items are compared in an English pivot space. English words map to
// WordNet 3.0 synsets (Debian package wordnet-base): the first two senses
// per part of speech (a lemma's rarely tagged parts of speech are left
// out), the synsets derivationally related to the first sense (withdraw ↔
// withdrawal, soldier ↔ troops), and for nouns the first sense's direct
// hypernyms (troops → force), which match another word's own synsets only.
// Collocations of two and three words join the features of the word they
// end on or start with (pull out; on the way, where a possessive stands in
// WordNet's "the" or "one's" slot, so "on his way" = "en route").
// Irregular forms come from WordNet's exception lists. Other languages go
// through bilingual dictionaries into English: FreeDict (dict-freedict-
// ara-eng, -eng-ara, -fra-eng, -eng-fra, -spa-eng, -eng-spa, -eng-rus),
// Mueller's English–Russian dictionary reversed (mueller7-dict: FreeDict's
// Russian is 1,700 words), and for Chinese the Unihan database's character
// definitions and simplified/traditional variants (unicode-data). The first
// four glosses of a word (two for a Chinese character) are bridged.
//
// Without these resources the package still works: entities, numbers and
// dates, quotes and speakers, name skeletons and same-language stems align;
// lost are synonyms (troops/forces), British spellings beyond a fixed list,
// the background word weights (all words weigh 1), and every content word
// across languages (a Russian and an English passage then share only
// names and numbers). Load the resources once (LoadInstalled, or
// LoadWordNet, LoadFreeDict, LoadUnihan and NewLexicon) and share them:
// the Aligner is immutable and safe for concurrent use.
//
// # Weights
//
// A word's weight is a fixed background weight: its inverse frequency in
// SemCor (WordNet's cntlist.rev), normalised and squared, so that "say"
// weighs about 0.15 and a word WordNet never saw tagged weighs 1; a foreign
// word takes the weight of its first English gloss, a Chinese character
// the inverse of its kHanyuPinlu corpus count. The background is fixed so
// that scores are comparable across calls. On top of it, weights are
// scaled by how many passages of the aligned set carry the item, smoothed
// with a prior of 20 pseudo-passages at 5% (r = (pf+1)/(P+20), factor
// log(1/r)/log 20): entities get the factor (capped at 1.6) on a base of
// 0.45, so Putin in every other passage of a story weighs about half of
// Tartus; words and numbers are only weighed down (factor ≤ 1). With few
// passages the prior dominates, so scores of small sets stay stable; the
// aligned set is the only corpus that knows which names are the story's
// background.
//
// # Similarity
//
// For two passages A and B, covA is the matched weight of A's items over
// A's weight (across languages, items that cannot be bridged count a
// quarter), an exact match (same stem, translation, entity, number)
// earning full credit and a WordNet-only match half. The score is
//
//	s = 0.65·F + 0.35·C·g,  F = 2·covA·covB/(covA+covB)
//
// where C is the coverage of the lighter passage (a short passage wholly
// inside a long one: 1:n alignment) and g = min(1, its weight/4). Pairs
// that share names but little content are scaled by 0.7 + 0.3·min(1,
// matched content/1.2). When both passages quote and their speakers agree
// (or one is unknown and the quote matches strongly), a quote score
// 0.45·q + 0.25·F (+0.25 for the same speaker), where q is the share of
// one side's quoted words found in the other, replaces s when higher, and
// the link is a quote link. Scores are in [0, 1].
//
// Shared entity sets. Facts worded differently still name the same rare
// things together ("the Russians will keep their presence in the Hmeimim
// Air Base … and the naval base … of Tartus" / "two Russian bases, Hmeimim
// and Tartus, would continue to operate"). When two passages share two
// entities or more, before the name penalty s gains 0.25·x·(1 − s), where
// x ∈ [0, 1] says how fact-like the shared set is: 0 if a document names it
// in more than two passages (a document keeps naming its background: Putin
// with Syria) or more passages name it than there are documents; otherwise
// log(cf/e)/log 10, where cf is the number of passages naming the whole
// set and e the number expected if its entities were named independently
// (each entity's passage share smoothed like item weights). Entities a
// passage implies (Egyptian) count. This evidence applies only between
// documents of one story: events of one conflict share their names.
//
// # Alignment
//
// Candidates come from an inverted index over item features (never all
// pairs): a feature carried by more than 48 items proposes only 8
// candidates per passage, a passage keeps its 64 best candidates, and the
// frequent features then complete the matches of those candidates. Pairs
// of documents that do not report the same story (see Stories) lose 0.08
// (0.25 when their publication dates rule out one event), get no entity
// set evidence, and are dropped when one of their passages links more
// strongly within its own story: two events of one conflict are told in
// the same words (two Putin–Assad meetings), and a passage whose fact its
// own story reports is better explained there. Between two documents a pair must
// reach 75% of the best pair of one of its passages, and each passage
// keeps its 12 best pairs, so the number of links grows linearly. Links
// are the pairs at or above the threshold (DefaultThreshold: 0.30,
// calibrated on the seed gold). No order is assumed: news reorders facts.
//
// # Groups
//
// Groups are built by constrained average-linkage clustering over the
// pairs, strongest first: two groups merge when the mean score over all
// their cross-document passage pairs (unscored pairs count 0) is at least
// 0.8 × threshold, so one bridge cannot chain two facts; a group holds at
// most two passages of a document, and a second passage of a document
// stays only if the groups are strongly linked (mean ≥ 0.6), else the one
// linking less (a headline summing up several facts) leaves. A passage
// that bundles several facts ("In an unannounced visit to Syria, en route
// to Egypt and Turkey, Putin toured the base where he was met by Assad")
// lands in one group; its links to passages that no group holds then get a
// second chance: a copy of the passage that knows only those links is
// clustered with them by the same rules, and a group that comes out with
// at least two such passages keeps the bundle as a member too (n:m). A
// copy links to ungrouped passages only, so no two groups are chained
// through a bundle. A group is a
// quote group when most of its links are quote links; its speaker is the
// most frequent resolved speaker. Passages of one language in a group are
// diffed word by word against the group's first passage of that language
// (WordDiff, sergi/go-diff over word tokens).
//
// # Stories
//
// StorySimilarity says whether two documents report one event, not just
// the same names: publication dates more than 14 days apart, or a date in
// one text after the other's publication, rule it out; otherwise it
// averages (1) the share of each document's lead (first three passages of
// six words or more, weighted by position) that links to the other
// document, and (2) how specific the most specific entity both leads name
// is (its inverse passage frequency over the two documents relative to
// that of an entity in two passages: Hmeimim in both first lines counts,
// Putin and Syria do not); publication within three days closes 30% of
// the remaining gap. SameStory holds at 0.55. AssignStory puts a new
// document in the story whose two most similar documents score best on
// average, or in a new one.
//
// # Figures
//
// Measured with every resource installed (wordnet-base, dict-freedict-*,
// mueller7-dict, unicode-data) by go test -count=1 -v ./lang/align/:
//   - seeds (TestSeedAlignment; testdata/seeds_gold.tsv, 24 required
//     links; the seeds built by the product's ingest pipeline): all five
//     seeds, link precision 0.870 (20/23), recall 0.833 (20/24); the four
//     articles of the Hmeimim story (000–003, what the server aligns),
//     0.909 (20/22) and 0.833, the same with opaque entity ids as the
//     server passes them; in each, 7 of 7 gold groups (meeting, withdrawal
//     order, bases, Egypt/Turkey trip, Assad's thanks, 2015 intervention,
//     and the "never seen" quote group with Putin as speaker), and the
//     Erdogan, El-Dabaa and 465,000 passages link to nothing; stories
//     000–003 together, 004 and the March 2016 withdrawal apart.
//   - cross-language report (TestCrossLanguage; testdata/crosslang, 5
//     languages × 7 facts plus distractors): precision 0.966, recall 0.800
//     over all language pairs, no false link to a distractor; en–fr, en–ru,
//     en–ar 1.0/1.0, French and Chinese pairs lowest.
//   - NTREX (TestParallelNTREX; 32 documents, each pair aligned alone,
//     gold: same line), precision/recall: en–ar 0.939/0.418, en–ru
//     0.924/0.483, en–zh 0.952/0.108, en–fr 0.942/0.557, fr–fr(CA)
//     0.908/0.852, zh(CN)–zh(TW) 0.930/0.719. English–Chinese recall is
//     lowest: Debian's stable release has no Chinese–English word
//     dictionary (dict-cc-cedict is only in testing), so Chinese has Unihan
//     character glosses only.
//   - cost: linear in passages; 100 articles (3,000 passages) take about
//     0.8 s per Align on 2 cores (go test -run XXX -bench BenchmarkAlign
//     -benchtime=3x ./lang/align/) and 1.1 s of CPU (TestAlignTime).
//
// Limitations: facts worded with different words and no rare entity or
// number in common are missed: "a significant part of the Russian troop
// contingent … is returning home" against "ordered … withdrawing the
// Russian forces" (WordNet relates withdraw and return only as two of the
// 123 kinds of "travel, go, move"; bridging those would link every verb of
// motion), "he will discuss the settlement … during his upcoming visit"
// against "on his way to Egypt", and a meeting told in one clause of a
// sentence that bundles three facts. The 2018 Sochi meeting and the 2017
// Hmeimim meeting read alike at passage level and are kept apart by story
// evidence, which needs the leads; the speaker finder is pattern-based.
package align
