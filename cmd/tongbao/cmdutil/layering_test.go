package cmdutil

import (
	"go/ast"
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

// commandDirs returns the folders of the commands (cmd/tongbao/X but root
// and cmdutil).
func commandDirs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, d := range entries {
		if d.IsDir() && d.Name() != "root" && d.Name() != "cmdutil" {
			dirs = append(dirs, filepath.Join("..", d.Name()))
		}
	}
	return dirs
}

// parseDir parses the non-test Go files of dir.
func parseDir(t *testing.T, dir string, mode parser.Mode) []*ast.File {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []*ast.File
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, mode)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, af)
	}
	return out
}

// TestLibrariesImportNoCommand: no package outside cmd/ (beam/, its own
// module, included) imports anything under cmd/: what a library and a
// command share lives in the library (record/ for the output records).
// Tests may run the CLI.
func TestLibrariesImportNoCommand(t *testing.T) {
	const cmdPrefix = "github.com/tongbao/tongbao/cmd/"
	root := filepath.Join("..", "..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", "node_modules", ".git":
				return filepath.SkipDir
			}
			if p == filepath.Join(root, "cmd") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		af, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, im := range af.Imports {
			if ip, _ := strconv.Unquote(im.Path.Value); strings.HasPrefix(ip, cmdPrefix) {
				t.Errorf("%s imports %s", p, ip)
			}
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d files checked", checked)
	}
}

// TestCommandsBuiltWithFactory: every command is built as
// NewCmdX(f *cmdutil.Factory, runF func(*Options) error), so that its flag
// handling is tested through runF without reading a corpus, and none writes
// to the process's streams directly (they come from the factory, or from
// the command).
func TestCommandsBuiltWithFactory(t *testing.T) {
	for _, dir := range commandDirs(t) {
		found := false
		for _, af := range parseDir(t, dir, 0) {
			ast.Inspect(af, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "os" && (sel.Sel.Name == "Stdout" || sel.Sel.Name == "Stderr" || sel.Sel.Name == "Stdin") {
						t.Errorf("%s: uses os.%s: take the streams from the factory", dir, sel.Sel.Name)
					}
				}
				return true
			})
			for _, decl := range af.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "NewCmd") {
					continue
				}
				params := fn.Type.Params.List
				if len(params) != 2 || len(params[0].Names) != 1 || len(params[1].Names) != 1 {
					continue
				}
				star, ok := params[0].Type.(*ast.StarExpr)
				if !ok {
					continue
				}
				if sel, ok := star.X.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Factory" {
					continue
				}
				if ft, ok := params[1].Type.(*ast.FuncType); ok && params[1].Names[0].Name == "runF" && ft.Results != nil && len(ft.Results.List) == 1 {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no NewCmdX(f *cmdutil.Factory, runF func(*Options) error)", dir)
		}
	}
}
