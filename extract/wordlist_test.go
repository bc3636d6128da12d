package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// wordListNumerals are the numeral characters a character set written in
// Go may hold (they are grammar, not a word list): the Chinese digits,
// powers of ten and the other numeral characters of numeral.go.
const wordListNumerals = cnNumeralBody + "廿卅几半"

// wordListGrammar are the characters a chain of comparisons may test a
// character against (r == '百' || r == '千', r == '日' || r == '号'): the
// numeral characters and the measure words of a date, from the named
// constants of numeral.go.
const wordListGrammar = wordListNumerals + cnDateUnits

// grammarFiles hold the named sets of grammar characters (numerals, dates,
// punctuation): a constant or variable with a doc comment there may hold
// Han characters and be given to a function of charSetFuncs.
var grammarFiles = map[string]bool{"numeral.go": true, "runes.go": true}

// charSetFuncs are the functions whose string argument is a set of
// characters: a string literal of Han characters given to one of them is
// a word list written in Go.
var charSetFuncs = map[string]bool{
	"strings.ContainsRune": true, "strings.ContainsAny": true, "strings.IndexAny": true,
	"strings.LastIndexAny": true, "strings.IndexRune": true, "strings.Trim": true,
	"strings.TrimLeft": true, "strings.TrimRight": true, "strings.Count": true,
	"newRuneSet": true,
}

// TestNoInlineWordLists fails, naming file and line, for every word list or
// character set of Chinese words written in the Go code of extract/ and of
// extract/internal (tests aside): they live in extract/data. extract/eval is
// left out: it extracts nothing, and its tables map the tags and units of
// other annotation schemes (PD1998, Recognizers-Text) to tongbao's. It finds a slice,
// array or map literal with two or more string elements or keys holding a
// Han character; a case clause with two or more such strings; a string
// literal of two or more Han characters other than numerals given to a
// function that reads it as a set of characters (strings.ContainsRune,
// strings.Trim…), or ranged over, or held by a constant or variable that is
// given to one (but for the documented constants of grammar characters of
// grammarFiles); a chain of || (of ==) or of && (of !=) comparing one
// expression with two or more Han rune or string literals (r == '为' ||
// r == '是', s == "老" || s == "小"), unless every character compared is one
// of wordListGrammar, the numeral and date characters of numeral.go.
func TestNoInlineWordLists(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	err := filepath.WalkDir(".", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && path == "eval" {
			return filepath.SkipDir // no extractor: see the comment above
		}
		if e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sets := charSetNames(files)
	for _, f := range files {
		for _, p := range inlineWordLists(f, fset.File(f.Pos()).Name(), sets) {
			t.Errorf("%s: %s", fset.Position(p.pos), p.what)
		}
	}
}

// charSetNames returns the names given as character sets to a function of
// charSetFuncs (strings.ContainsRune(listSep, r)).
func charSetNames(files []*ast.File) map[string]bool {
	out := map[string]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && charSetFuncs[funcName(c.Fun)] {
				for _, a := range c.Args {
					if id, ok := a.(*ast.Ident); ok {
						out[id.Name] = true
					}
				}
			}
			return true
		})
	}
	return out
}

type inlineList struct {
	pos  token.Pos
	what string
}

// inlineWordLists returns the inline word lists of a parsed file; sets
// are the names used as character sets.
func inlineWordLists(f *ast.File, name string, sets map[string]bool) []inlineList {
	grammarFile := grammarFiles[name]
	var out []inlineList
	inChain := map[*ast.BinaryExpr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			if grammarFile && n.Doc != nil {
				return true // a named, documented set of grammar characters
			}
			for i, name := range n.Names {
				if sets[name.Name] && i < len(n.Values) && hanSetIn(n.Values[i]) {
					out = append(out, inlineList{name.Pos(), "the character set " + name.Name + " holds Han characters"})
				}
			}
		case *ast.CompositeLit:
			if n.Type == nil {
				return true // an element of an outer literal, counted there
			}
			if k := hanStrings(n); k >= 2 {
				out = append(out, inlineList{n.Pos(), strconv.Itoa(k) + " strings of Han characters in one literal"})
			}
		case *ast.CaseClause:
			k := 0
			for _, e := range n.List {
				if hanString(e, false) {
					k++
				}
			}
			if k >= 2 {
				out = append(out, inlineList{n.Pos(), strconv.Itoa(k) + " strings of Han characters in one case"})
			}
		case *ast.CallExpr:
			if charSetFuncs[funcName(n.Fun)] {
				for _, a := range n.Args {
					if hanString(a, true) {
						out = append(out, inlineList{a.Pos(), "a set of Han characters given to " + funcName(n.Fun)})
					}
				}
			}
		case *ast.RangeStmt:
			if hanString(n.X, true) {
				out = append(out, inlineList{n.X.Pos(), "a range over Han characters"})
			}
		case *ast.BinaryExpr:
			if n.Op != token.LOR && n.Op != token.LAND || inChain[n] {
				return true
			}
			if x, k := comparisonChain(n, inChain); k >= 2 {
				out = append(out, inlineList{n.Pos(), strconv.Itoa(k) + " comparisons of " + x + " with Han characters in one chain"})
			}
		}
		return true
	})
	return out
}

// comparisonChain returns the expression compared most often with a Han
// rune or string literal in the chain of || (of ==) or of && (of !=) whose
// top is b, and the number of those comparisons, among the expressions
// compared with at least one character outside wordListGrammar (r == '百'
// || r == '千' tests numeral grammar; r == '为' || r == '是' is a word list);
// the nested nodes of the chain are marked in inChain, so that the chain is
// counted once.
func comparisonChain(b *ast.BinaryExpr, inChain map[*ast.BinaryExpr]bool) (string, int) {
	cmp := token.EQL
	if b.Op == token.LAND {
		cmp = token.NEQ
	}
	counts, words := map[string]int{}, map[string]bool{}
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		e = ast.Unparen(e)
		c, ok := e.(*ast.BinaryExpr)
		if !ok {
			return
		}
		if c.Op == b.Op {
			inChain[c] = true
			walk(c.X)
			walk(c.Y)
			return
		}
		if c.Op != cmp {
			return
		}
		x, lit := c.X, c.Y
		if hanLiteral(x) {
			x, lit = lit, x
		}
		if hanLiteral(lit) {
			x := types.ExprString(x)
			counts[x]++
			if !grammarLiteral(lit) {
				words[x] = true
			}
		}
	}
	walk(b)
	best, k := "", 0
	for x, n := range counts {
		if words[x] && (n > k || n == k && x < best) {
			best, k = x, n
		}
	}
	return best, k
}

// hanLiteral reports whether e is a rune or string literal holding a Han
// character.
func hanLiteral(e ast.Expr) bool {
	s, ok := literalText(e)
	if !ok {
		return false
	}
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// grammarLiteral reports whether every Han character of the rune or string
// literal e is a character of the numeral and date grammar (wordListGrammar).
func grammarLiteral(e ast.Expr) bool {
	s, _ := literalText(e)
	for _, r := range s {
		if unicode.Is(unicode.Han, r) && !strings.ContainsRune(wordListGrammar, r) {
			return false
		}
	}
	return true
}

// literalText returns the text of a rune or string literal.
func literalText(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok {
		return "", false
	}
	switch lit.Kind {
	case token.STRING:
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	case token.CHAR:
		r, _, _, err := strconv.UnquoteChar(lit.Value[1:len(lit.Value)-1], '\'')
		return string(r), err == nil
	}
	return "", false
}

// hanStrings counts the strings holding a Han character among the
// elements and keys of a composite literal and of the literals nested in it
// ({{"年", 'Y'}, {"月", 'M'}} counts two).
func hanStrings(n *ast.CompositeLit) int {
	k := 0
	for _, e := range n.Elts {
		var es []ast.Expr
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			es = []ast.Expr{kv.Key, kv.Value}
		} else {
			es = []ast.Expr{e}
		}
		for _, e := range es {
			if c, ok := e.(*ast.CompositeLit); ok {
				k += hanStrings(c)
			} else if hanString(e, false) {
				k++
			}
		}
	}
	return k
}

// hanSetIn reports whether e is a string literal of two or more Han
// characters other than numerals, or a sum holding one.
func hanSetIn(e ast.Expr) bool {
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return hanSetIn(b.X) || hanSetIn(b.Y)
	}
	return hanString(e, true)
}

// funcName returns pkg.Name or Name of a called function.
func funcName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			return x.Name + "." + e.Sel.Name
		}
	}
	return ""
}

// hanString reports whether e is a string literal holding a Han character;
// with set, two or more Han characters that are not numerals.
func hanString(e ast.Expr, set bool) bool {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return false
	}
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) && !(set && strings.ContainsRune(wordListNumerals, r)) {
			n++
		}
	}
	if set {
		return n >= 2
	}
	return n >= 1
}
