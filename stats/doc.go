// Package stats measures the words of a corpus: term frequencies and
// document frequencies, TF-IDF, keyness between two sub-corpora (G² and
// chi-square as quanteda's textstat_keyness defines them), cosine and
// Jaccard similarity between documents or groups, bigram collocations and
// keyword-in-context concordances.
//
// The counting core is made of mergeable accumulators so that it streams
// and parallelizes (and maps onto a Beam pipeline): DocTerms turns one
// document's tokens into a map of term counts, a Table adds such maps one
// document at a time (term frequency and document frequency) and two Tables
// merge with Merge. Memory grows with the vocabulary and the number of
// groups, not with the number of documents. Every function is pure (no
// package state besides the immutable embedded stopword list) and every
// listing is deterministic: ties are broken by term.
package stats
