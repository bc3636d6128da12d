// Package segment implements "tongbao segment".
package segment

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/segment"
)

// New returns the segment command.
func New() *cobra.Command {
	var format string
	var pos bool
	cmd := &cobra.Command{
		Use:   "segment [FILE|DIR|ARCHIVE|-]...",
		Short: "Split text into words",
		Long: `Split Chinese text into words with gse, tuned for government language.

Formats:
  text   words separated by spaces, one output line per input line (default)
  jsonl  one JSON object per document: {"id","tokens":[{"text","start","end","pos"}]}
  tsv    one word per line: id, start, end, text, pos`,
		Example: `  echo '县人大常委会召开党史学习教育动员大会' | tongbao segment
  tongbao segment --format jsonl testdata/000_776449805ff1d07a.txt`,
	}
	in := cmdutil.AddInputFlags(cmd)
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, jsonl or tsv")
	cmd.Flags().BoolVar(&pos, "pos", false, "add part-of-speech tags (text: word/tag)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		switch format {
		case "text", "jsonl", "tsv":
		default:
			return cmdutil.UsageError("unknown --format %q (want text, jsonl or tsv)", format)
		}
		seg, err := segment.Default()
		if err != nil {
			return err
		}
		return cmdutil.RunDocs(cmd, args, in, func(doc corpus.Document) ([]byte, error) {
			toks := seg.Cut(doc.Text)
			switch format {
			case "jsonl":
				if !pos {
					for i := range toks {
						toks[i].Pos = ""
					}
				}
				if toks == nil {
					toks = []segment.Token{}
				}
				return cmdutil.JSONRecord(struct {
					ID     string          `json:"id"`
					Tokens []segment.Token `json:"tokens"`
				}{doc.ID, toks}, in.Pretty)
			case "tsv":
				var b bytes.Buffer
				for _, t := range toks {
					if t.Text == "\n" {
						continue
					}
					b.WriteString(doc.ID + "\t")
					b.WriteString(strings.Join([]string{itoa(t.Start), itoa(t.End), tsvField(t.Text), t.Pos}, "\t"))
					b.WriteByte('\n')
				}
				return b.Bytes(), nil
			default:
				return textLines(toks, pos), nil
			}
		})
	}
	return cmd
}

// textLines writes tokens separated by spaces, one output line per input
// line; whitespace tokens are dropped.
func textLines(toks []segment.Token, pos bool) []byte {
	var b bytes.Buffer
	first := true
	for _, t := range toks {
		if strings.Contains(t.Text, "\n") {
			b.WriteByte('\n')
			first = true
			continue
		}
		if strings.TrimSpace(t.Text) == "" {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(t.Text)
		if pos && t.Pos != "" {
			b.WriteString("/" + t.Pos)
		}
	}
	if !first || b.Len() == 0 {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func tsvField(s string) string {
	return strings.NewReplacer("\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(s)
}

func itoa(i int) string {
	return strconv.Itoa(i)
}
