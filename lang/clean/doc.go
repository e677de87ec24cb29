// Package clean turns scraped article text into paragraphs, removing the
// page furniture that scrapers leave in: navigation, share buttons,
// bylines, copyright lines, boxes of related articles and repeated
// paragraphs.
//
// Nothing is lost: Doc.Source is the input with only the changes needed to
// address it safely (valid UTF-8, LF line ends, NFC), and every Paragraph
// and every Removed piece carries its byte span in Source, so a desk can
// always see the original and why a line was left out. A paragraph's text
// is Collapse of its span: white space collapsed and invisible formatting
// characters dropped. Quotation marks are kept as published; FoldQuotes
// gives the view in which texts are matched, and is never written back.
//
// The rules are general patterns and short multilingual phrase lists (see
// Clean); they never name a sentence of a particular article.
package clean
