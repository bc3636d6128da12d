// Package eval measures tongbao's extractors and segmenter against gold
// corpora: it reads gold annotations (People's Daily 1998 with PKU tags,
// CLUENER2020, MSRA NER, SIGHAN 2005 segmentation), runs a system on the raw
// text of each gold document, and scores the predictions by mention type
// with precision, recall and F1, for exact-span and overlap matching.
//
// Matching rules:
//
//   - exact: a prediction matches a gold mention of the same type with the
//     same start and end;
//   - overlap: a prediction matches a gold mention of the same type whose
//     span intersects it; each gold mention and each prediction is matched
//     at most once (predictions are taken in text order, each against the
//     first unmatched intersecting gold mention).
//
// Duplicate spans (same type, start and end) are counted once, on both
// sides. Offsets are Unicode code points of Doc.Text, end exclusive.
package eval

import (
	"time"
)

// Span is one mention of a gold corpus or of a system's output.
type Span struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Doc is one gold document: the raw text a system sees and the mentions it
// should find.
type Doc struct {
	// ID names the document: the paragraph id for PD1998, "FILE:LINE"
	// otherwise.
	ID string
	// Text is the raw text, as the system sees it.
	Text string
	// Ref is the document's date (zero when the corpus gives none).
	Ref time.Time
	// Gold is the gold mentions, sorted by start, then end.
	Gold []Span
}

// Word is the mention type of segmentation gold (SIGHAN): each word is a
// Span of this type.
const Word = "word"
