package extract_test

import (
	"fmt"
	"time"

	"github.com/tongbao/tongbao/extract"
)

func ExampleNewDocument() {
	doc, err := extract.NewDocument("2021年3月26日，县人大常委会开展调研12次。",
		extract.WithTypes(extract.TypeTime, extract.TypeCount))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range doc.Mentions {
		switch m.Type {
		case extract.TypeTime:
			v, _ := m.TimeValue()
			fmt.Println(m.Type, m.Text, m.Start, m.End, v)
		case extract.TypeCount:
			n, _ := m.Number()
			fmt.Println(m.Type, m.Text, m.Start, m.End, n, m.Unit)
		}
	}
	// Output:
	// time 2021年3月26日 0 10 2021-03-26
	// count 12次 21 24 12 次
}

func ExampleWithRefDate() {
	// A month and day without a year take the year of the reference date.
	ref := time.Date(2021, 4, 20, 0, 0, 0, 0, time.UTC)
	doc, err := extract.NewDocument("3月26日召开会议。", extract.WithTypes(extract.TypeTime), extract.WithRefDate(ref))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range doc.Mentions {
		v, _ := m.TimeValue()
		fmt.Println(m.Text, v)
	}
	// Output:
	// 3月26日 2021-03-26
}

func ExampleWithTrace() {
	// The trace names the rule that decided each candidate; Explain pairs
	// the events with the mentions.
	var events []extract.TraceEvent
	doc, err := extract.NewDocument("县长王立主持会议。", extract.WithTypes(extract.TypePerson),
		extract.WithTrace(func(e extract.TraceEvent) { events = append(events, e) }))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range extract.Explain(doc, events) {
		if d.Verdict == extract.Accept {
			fmt.Println(d.Text, d.Rule)
		}
	}
	// Output:
	// 王立 person.office_before
}
