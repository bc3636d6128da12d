package segment_test

import (
	"fmt"
	"strings"

	"github.com/tongbao/tongbao/segment"
)

func ExampleSegmenter_Cut() {
	s, err := segment.Default()
	if err != nil {
		panic(err)
	}
	for _, t := range s.Cut("县人大常委会3月26日召开党史学习教育动员大会") {
		fmt.Println(t.Start, t.End, t.Text, t.Pos)
	}
	// Output:
	// 0 1 县 zg
	// 1 6 人大常委会 nt
	// 6 8 3月 t
	// 8 11 26日 t
	// 11 13 召开 v
	// 13 19 党史学习教育 n
	// 19 23 动员大会 n
}

func ExampleWithDict() {
	s, err := segment.New(segment.WithDict("names", strings.NewReader("罗智琼 nr\n")))
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.Join(s.Words("主任罗智琼出席"), " "))
	r := s.DictReports()[1]
	fmt.Println(r.Source, r.Loaded, len(r.Rejected))
	// Output:
	// 主任 罗智琼 出席
	// names 1 0
}
