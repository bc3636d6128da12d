package pipeline

import (
	"context"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	outrec "github.com/tongbao/tongbao/record"
	"github.com/tongbao/tongbao/stats"
)

func init() {
	register.Function2x2[string, Cell, int, GroupTermCell](toOneKey)
	register.DoFn4x1[context.Context, int, func(*GroupTermCell) bool, func(int, string), error](&keynessFn{})
	register.Iter1[GroupTermCell]()
}

// groupSep joins a group and a term into one key.
const groupSep = "\x00"

// GroupTermCell is the count of one term in one group.
type GroupTermCell struct {
	Group, Term string
	Cell        Cell
}

func toOneKey(key string, c Cell) (int, GroupTermCell) {
	group, term, _ := strings.Cut(key, groupSep)
	return 0, GroupTermCell{Group: group, Term: term, Cell: c}
}

// keynessFn gathers the per-group term counts (one element per group and
// term, after CombinePerKey) into stats tables and compares each group
// with the rest, as tongbao stats keyness --group-by does without
// --target. It needs the whole grouped table on one worker, as tongbao
// does in one process.
type keynessFn struct {
	Opts   stats.KeynessOptions
	Shards int
}

func (fn *keynessFn) ProcessElement(_ context.Context, _ int, cells func(*GroupTermCell) bool, emit func(int, string)) error {
	g := stats.NewGroups()
	var c GroupTermCell
	for cells(&c) {
		for _, t := range []*stats.Table{g.All, g.Table(c.Group)} {
			t.TF[c.Term] += c.Cell.TF
			t.DF[c.Term] += c.Cell.DF
			t.Tokens += c.Cell.TF
		}
	}
	if len(g.Groups) < 2 {
		return fmt.Errorf("keyness: need at least two groups to compare each with the rest, got %d", len(g.Groups))
	}
	for _, name := range g.Names() {
		rows, err := stats.Keyness(g.Groups[name], g.Rest(name), fn.Opts)
		if err != nil {
			return err
		}
		for _, r := range rows {
			r.Group = name
			b, err := outrec.JSON(r, false)
			if err != nil {
				return err
			}
			emit(shardOf(name+groupSep+r.Term, fn.Shards), string(b))
		}
	}
	return nil
}

// buildKeyness adds the keyness steps: documents counted per group, summed
// per (group, term), then compared group by group.
func buildKeyness(s beam.Scope, c Config, docs beam.PCollection) {
	s = s.Scope("Keyness")
	opts := c.counterOpts()
	opts.GroupBy = c.GroupBy
	cells := beam.ParDo(s, &countFn{Opts: opts, Workers: c.Workers, Grouped: true}, docs)
	summed := beam.CombinePerKey(s, &sumCells{}, cells)
	all := beam.GroupByKey(s, beam.ParDo(s, toOneKey, summed))
	rows := beam.ParDo(s, &keynessFn{Opts: c.KeynessOpts, Shards: c.Shards}, all)
	writeShards(s, c.Keyness, c.Shards, rows)
}
