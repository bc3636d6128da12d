// Command gsecut is the baseline of bench/throughput.sh: it loads gse's
// embedded simplified-Chinese dictionary and calls gse's Cut(text) on the
// text of each document of a JSON Lines file, one after the other, so that
// tongbao's throughput can be given as a ratio against segmentation alone.
//
// Usage: go run ./bench/gsecut FILE.jsonl
//
// It prints the documents, bytes and tokens it processed on stderr.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/go-ego/gse"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gsecut FILE.jsonl")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gsecut:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	var seg gse.Segmenter
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	start := time.Now()
	r := bufio.NewReaderSize(f, 1<<20)
	var docs, tokens int
	var bytes int64
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			var rec struct {
				Text string `json:"text"`
			}
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				return fmt.Errorf("line %d: %v", docs+1, jerr)
			}
			tokens += len(seg.Cut(rec.Text))
			docs++
			bytes += int64(len(line))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "gsecut: %d documents, %d bytes, %d tokens in %.2fs\n", docs, bytes, tokens, time.Since(start).Seconds())
	return nil
}
