// Package extract implements "tongbao extract".
package extract

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
)

// New returns the extract command.
func New() *cobra.Command {
	var types []string
	var refDate, metaFile string
	cmd := &cobra.Command{
		Use:   "extract [FILE|DIR|ARCHIVE|-]...",
		Short: "Extract times, counts, people, places, organizations, titles and slogans",
		Long: `Extract structured mentions from each document.

Each output line is one document: {"id", "title", "date", "byline", "home"
(name, code, level, from), "year", "speaker", "genre",
"sections", "people", "places", "orgs", "mentions": [...]}. Every mention has
"type", "text", "start" and "end" (Unicode code points, end exclusive) and
fields of its type (value, kind, unit, object, titles, code, ...).

Mention types: ` + strings.Join(extract.Types, ", "),
		Example: `  cat bulletin.txt | tongbao extract --pretty
  tongbao extract --types time,count --ref-date 2021-04-20 report.txt
  tongbao extract reports/ | jq -c '.mentions[] | select(.type=="count")'`,
	}
	in := cmdutil.AddInputFlags(cmd)
	cmd.Flags().StringSliceVarP(&types, "types", "t", nil, "mention types to extract, comma-separated (default all)")
	cmd.Flags().StringVar(&refDate, "ref-date", "", "reference date YYYY-MM-DD for relative and partial times (default: from meta, dateline or year cues)")
	cmd.Flags().StringVar(&metaFile, "meta", "", "a CSV `FILE` mapping ids to home, code, level, year, date, speaker, office, genre, overriding every other source")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		var base []extract.Option
		var sidecar cmdutil.Sidecar
		if metaFile != "" {
			var err error
			if sidecar, err = cmdutil.LoadSidecar(metaFile); err != nil {
				return cmdutil.UsageError("--meta: %v", err)
			}
		}
		if len(types) > 0 {
			if err := extract.CheckTypes(types); err != nil {
				return cmdutil.UsageError("%v", err)
			}
			base = append(base, extract.WithTypes(types...))
		}
		if refDate != "" {
			t, err := time.Parse("2006-01-02", refDate)
			if err != nil {
				return cmdutil.UsageError("--ref-date %q: want YYYY-MM-DD", refDate)
			}
			base = append(base, extract.WithRefDate(t))
		}
		return cmdutil.RunDocs(cmd, args, in, func(doc corpus.Document) ([]byte, error) {
			opts := append(base[:len(base):len(base)], extract.WithID(doc.ID), extract.WithMeta(doc.Meta), extract.WithMetaOverride(sidecar.Fields(doc.ID)))
			d, err := extract.NewDocument(doc.Text, opts...)
			if err != nil {
				return nil, err
			}
			return cmdutil.JSONRecord(d, in.Pretty)
		})
	}
	return cmd
}
