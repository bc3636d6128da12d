package stats

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

// New returns the stats command with its subcommands.
func New() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "stats <freq|tfidf|keyness|similarity|collocations> [flags] [FILE|DIR|ARCHIVE|-]...",
		Short: "Term statistics: frequencies, TF-IDF, keyness, similarity, collocations",
		Long: `Term statistics over the input documents.

Terms are the words of the segmented text (punctuation, numbers, the
built-in stopwords and words shorter than --min-len left out), or extracted
mentions with --unit (slogans by canonical form when known, counts by the
counted object, times by normalized value).

Documents can be grouped with --group-by SPEC (repeatable, tried in order):
meta.FIELD (a JSONL field; :decade, :century or :year buckets a year),
dir (the folder of the input file), file, home (the county the text is
about), id, or re:REGEX on the id (--group-pattern REGEX is the same).

Counts accumulate document by document: memory grows with the vocabulary
and the number of groups, not with the corpus. Output is JSON Lines (one
row per line), or CSV with --csv; ties are sorted by term.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return cmdutil.UsageError("unknown stats command %q\nRun '%s --help' for usage.", args[0], cmd.CommandPath())
			}
			return cmd.Help()
		},
	}
	cmd.AddCommand(newFreq(), newTFIDF(), newKeyness(), newSimilarity(), newCollocations())
	return cmd
}
