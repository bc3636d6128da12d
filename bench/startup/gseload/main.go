// Command gseload is the start-up baseline of bench/startup.sh: it loads
// gse's dictionary the usual way (LoadDict, from the Go module cache, or
// LoadDictEmbed with -embed) and segments standard input, one line.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/go-ego/gse"
)

func main() {
	embed := flag.Bool("embed", false, "use LoadDictEmbed(\"zh_s\") instead of LoadDict()")
	flag.Parse()
	var seg gse.Segmenter
	seg.SkipLog = true
	var err error
	if *embed {
		err = seg.LoadDictEmbed("zh_s")
	} else {
		err = seg.LoadDict()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gseload:", err)
		os.Exit(1)
	}
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	fmt.Println(strings.Join(seg.Cut(strings.TrimRight(line, "\n")), " "))
}
