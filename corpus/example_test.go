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

// Map hands each document's result to a consumer, in input order, from one
// goroutine: here the longest document is found while documents are
// counted in parallel.
func ExampleMap() {
	dir, err := os.MkdirTemp("", "corpus-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("县人大常委会开展调研。"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("全年完成固定资产投资12亿元，同比增长8%。"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.bin"), []byte("\x00\x01\x02"), 0o644)

	longest, most := "", 0
	err = corpus.Map(context.Background(), []string{dir}, corpus.Options{}, corpus.MapOptions{Jobs: 2},
		func(doc corpus.Document) (int, error) { return utf8.RuneCountInString(doc.Text), nil },
		func(doc corpus.Document, n int, err error) error {
			name := filepath.Base(doc.ID)
			if err != nil { // c.bin is not text: work was not called
				fmt.Println(name, "failed:", corpus.ErrorClass(err))
				return nil
			}
			fmt.Println(name, n)
			if n > most {
				longest, most = name, n
			}
			return nil
		})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("longest:", longest)
	// Output:
	// a.txt 11
	// b.txt 22
	// c.bin failed: not_text
	// longest: b.txt
}
