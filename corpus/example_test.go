package corpus_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/tongbao/tongbao/corpus"
)

func ExampleRun() {
	dir, err := os.MkdirTemp("", "corpus-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("县人大常委会开展调研。"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("全年完成投资12亿元。"), 0o644)

	// One record per document, in input order, whatever the number of jobs.
	var out strings.Builder
	sum, err := corpus.Run(context.Background(), []string{dir}, corpus.Options{},
		corpus.RunOptions{Jobs: 2, Out: &out},
		func(doc corpus.Document) ([]byte, error) {
			rec := fmt.Sprintf("%s\t%d\n", filepath.Base(doc.ID), utf8.RuneCountInString(doc.Text))
			return []byte(rec), nil
		})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(out.String())
	fmt.Println(sum.Docs, "documents,", sum.Errors, "errors")
	// Output:
	// a.txt	11
	// b.txt	11
	// 2 documents, 0 errors
}
