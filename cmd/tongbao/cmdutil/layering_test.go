package cmdutil

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoCommandImportsAnother: a command's package (cmd/tongbao/X) imports
// no other command; what commands share lives in cmdutil or in a library
// package. Only root, which assembles the tree, and main import commands.
func TestNoCommandImportsAnother(t *testing.T) {
	const prefix = "github.com/tongbao/tongbao/cmd/tongbao/"
	dirs, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "root" || d.Name() == "cmdutil" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join("..", d.Name(), "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, im := range af.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				if strings.HasPrefix(p, prefix) && p != prefix+"cmdutil" {
					t.Errorf("%s imports the command %s", f, p)
				}
			}
			checked++
		}
	}
	if checked < 10 {
		t.Fatalf("only %d files checked", checked)
	}
}
