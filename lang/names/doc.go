// Package names finds, transliterates, matches and normalises the names
// of people, places and organisations in news text, across the Latin,
// Cyrillic, Arabic, Hebrew and Han scripts.
//
// The same Arabic or Russian name reaches outlets in many spellings
// ("Hmeymim", "Hmeimim", "Khmeimim", "Хмеймим", "حميميم"). The package
// works in layers, each usable on its own:
//
//   - [Romanize] turns any script into lowercase ASCII (BGN/PCGN-like for
//     Cyrillic, a letter-by-letter scheme for Arabic and Hebrew, toneless
//     pinyin for Han, NFD mark stripping for Latin).
//   - [Key] folds a romanisation into a variant-aware transliteration key
//     (kh~h, y~i~e, o~u, q~k, ph~f, dj~j, doubled letters, articles such as
//     al-, el-, the), so most spelling variants share one key; [Skeleton]
//     keeps its consonants.
//   - [Similarity] and [Same] decide whether two spellings name the same
//     entity, with a weighted edit distance on keys whose costs depend on
//     the scripts compared (vowels are cheap against Arabic, which does not
//     write them) and which keeps look-alikes such as Iran/Iraq,
//     Hama/Hamas and Khamenei/Khomeini apart.
//   - [Gazetteer] and [Matcher] resolve mentions to known entities, extract
//     mentions from text ([Matcher.Extract]), partition a list of names into
//     entities ([Matcher.Group]); [LearnAliases] reads "Daesh (ISIS)"-style
//     definitions from the text itself; [Normalize] rewrites mentions to a
//     house spelling.
//
// The decision thresholds ([SameThreshold] 0.8 within alphabets,
// [CrossScriptThreshold] 0.7 against Arabic, Hebrew and Han) were
// calibrated on testdata/pairs.tsv and on the shared evaluation sets; the
// tests log the precision and recall they measure and fail below floors
// (see pairs_test.go and eval_test.go).
//
// Known limits: exonyms and translations (Egypt/مصر, Aleppo/Halab,
// Nusra Front/Jabhat al-Nusra) are joined only through the gazetteer or
// aliases the text defines; German and other non-English transliteration
// habits (Jelzin, Tschetschenien) are only partly folded; Arabic script
// does not write short vowels, so Homs/Hamas (حمص/حماس against Latin)
// and Hassan/Hussein (حسن) can look alike, and the gazetteer's exact
// spellings decide; Chinese transliterations (普京 for Putin) are matched
// through the gazetteer far more than by pinyin.
//
// Everything is deterministic and free of package-level mutable state
// (the word lists are read-only tables); a Matcher is immutable once built
// and safe for concurrent use.
package names
