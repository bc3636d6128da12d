package cmdutil

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/stats"
)

// Drop classes of --drop.
var DropClasses = []string{"punct", "number", "date", "space", "stopwords"}

// Filter decides which tokens a topic model sees: --drop, --stopwords and
// --pos-exclude.
type Filter struct {
	drop       map[string]bool
	stop       stats.Stopwords
	posExclude []string
}

// FilterFlags are the flags a Filter is made from.
type FilterFlags struct {
	Drop, StopFiles, PosExclude []string
}

// AddFilterFlags registers --drop, --stopwords and --pos-exclude on cmd.
func AddFilterFlags(cmd *cobra.Command, def []string) *FilterFlags {
	f := &FilterFlags{}
	fs := cmd.Flags()
	fs.StringSliceVar(&f.Drop, "drop", def, "leave out tokens of these classes: "+strings.Join(DropClasses, ",")+" (stopwords: the built-in list and --stopwords files)")
	fs.StringSliceVar(&f.StopFiles, "stopwords", nil, "word-list `FILE`(s) of more stopwords, one word a line (implies --drop stopwords)")
	fs.StringSliceVar(&f.PosExclude, "pos-exclude", nil, "leave out words whose part-of-speech tag starts with one of these (e.g. x,w,m)")
	return f
}

// Filter returns the filter the flags describe, nil when they drop nothing.
func (f *FilterFlags) Filter() (*Filter, error) {
	x := &Filter{drop: map[string]bool{}, posExclude: f.PosExclude}
	for _, d := range f.Drop {
		d = strings.TrimSpace(d)
		if d == "" || d == "none" {
			continue
		}
		ok := false
		for _, c := range DropClasses {
			ok = ok || c == d
		}
		if !ok {
			return nil, fmt.Errorf("--drop %q: want some of %s", d, strings.Join(DropClasses, ","))
		}
		x.drop[d] = true
	}
	if len(f.StopFiles) > 0 {
		x.drop["stopwords"] = true
	}
	if x.drop["stopwords"] {
		x.stop = stats.DefaultStopwords()
		for _, p := range f.StopFiles {
			if err := x.stop.AddFile(p); err != nil {
				return nil, fmt.Errorf("--stopwords: %v", err)
			}
		}
	}
	if len(x.drop) == 0 && len(x.posExclude) == 0 {
		return nil, nil
	}
	return x, nil
}

// NeedsPOS reports whether the filter reads part-of-speech tags.
func (x *Filter) NeedsPOS() bool { return x != nil && len(x.posExclude) > 0 }

// Keep reports whether t stays.
func (x *Filter) Keep(t segment.Token) bool {
	if x == nil {
		return true
	}
	s := t.Text
	if strings.TrimSpace(s) == "" {
		return !x.drop["space"]
	}
	switch {
	case x.drop["punct"] && isPunct(s),
		x.drop["date"] && isDate(s),
		x.drop["number"] && !isDate(s) && stats.NumericTerm(s),
		x.drop["stopwords"] && x.stop[s]:
		return false
	}
	for _, p := range x.posExclude {
		if p != "" && strings.HasPrefix(t.Pos, p) {
			return false
		}
	}
	return true
}

// Apply returns the tokens of toks that stay (in place).
func (x *Filter) Apply(toks []segment.Token) []segment.Token {
	if x == nil {
		return toks
	}
	out := toks[:0]
	for _, t := range toks {
		if x.Keep(t) {
			out = append(out, t)
		}
	}
	return out
}

// isPunct reports whether s is punctuation or symbols only.
func isPunct(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return s != ""
}

// dateUnits end a date or clock time written with numerals.
var dateUnits = []string{"年代", "世纪", "年", "月", "日", "号", "时", "点", "分", "秒"}

// isDate reports whether s is numerals followed by a date or time unit
// (2019年, 三月, 5日, 1990年代, 二十世纪), or a numeral date (2019-03-05).
func isDate(s string) bool {
	for _, u := range dateUnits {
		if n, ok := strings.CutSuffix(s, u); ok && n != "" && allNumerals(n) {
			return true
		}
	}
	if strings.Count(s, "-") == 2 || strings.Count(s, "/") == 2 || strings.Count(s, ".") == 2 {
		return allNumerals(strings.NewReplacer("-", "", "/", "", ".", "").Replace(s))
	}
	return false
}

func allNumerals(s string) bool {
	if s == "" {
		return false
	}
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !strings.ContainsRune("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千两廿", r) {
			return false
		}
		s = s[n:]
	}
	return true
}
