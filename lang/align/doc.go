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
//     little: the entity item already counts it;
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
// # Alignment
//
// Candidates come from an inverted index over item features (never all
// pairs): a feature carried by more than 48 items proposes only 8
// candidates per passage, a passage keeps its 64 best candidates, and the
// frequent features then complete the matches of those candidates. Pairs
// of documents that do not report the same story (see Stories) lose 0.08
// (0.25 when their publication dates rule out one event): they may share
// background facts, rarely the event's. Between two documents a pair must
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
// linking less (a headline summing up several facts) leaves. A group is a
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
// Measured with every resource installed (go test -v ./lang/align/):
//   - seeds (testdata/seeds_gold.tsv, 24 required links): link precision
//     0.81, recall 0.71; 5 of 7 gold groups, including the "never seen"
//     quote group (speaker vladimir-putin); the Erdogan, El-Dabaa and
//     465,000 passages link to nothing; stories 000–003 together, 004 and
//     the March 2016 withdrawal apart.
//   - cross-language report (testdata/crosslang, 5 languages × 7 facts plus
//     distractors): precision 0.98, recall 0.69 over all language pairs;
//     en–fr 1.0/1.0, Chinese pairs lowest (character glosses only).
//   - NTREX (32 documents, each pair aligned alone, gold: same line),
//     precision/recall: en–ar 0.93/0.41, en–ru 0.93/0.45, en–zh 0.96/0.10,
//     en–fr 0.94/0.50, fr–fr(CA) 0.91/0.84, zh(CN)–zh(TW) 0.92/0.70.
//     English–Chinese recall is lowest: Debian's stable release has no
//     Chinese–English word dictionary (dict-cc-cedict is only in testing),
//     so Chinese has Unihan character glosses only.
//   - cost: linear in passages; 100 articles (3,000 passages) take about
//     1.3 s of CPU (BenchmarkAlign, TestAlignTime).
//
// Limitations: facts worded with different words and no shared entity or
// number (a "decision to bring troops home" against an "order to
// withdraw") are missed; the 2018 Sochi meeting and the 2017 Hmeimim
// meeting read alike at passage level and are kept apart by story
// evidence, which needs the leads; the speaker finder is pattern-based.
package align
