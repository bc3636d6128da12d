package segment

import (
	"bytes"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/segment"
)

// TestJSONLRecordMatchesEncodingJSON checks the hand-written JSONL record
// against encoding/json's, on text with quotes, backslashes, control
// characters, HTML characters, U+2028 and invalid UTF-8.
func TestJSONLRecordMatchesEncodingJSON(t *testing.T) {
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"县人大常委会召开会议。",
		"他说：\"学\\做\"\t<a href='x'>&amp;</a>\u2028结束\x01",
		"\xff\xfe坏字节\x80",
		"",
	} {
		for _, pos := range []bool{false, true} {
			toks := seg.Cut(text)
			want := make([]segment.Token, len(toks))
			copy(want, toks)
			if !pos {
				for i := range want {
					want[i].Pos = ""
				}
			}
			if want == nil {
				want = []segment.Token{}
			}
			exp, err := cmdutil.JSONRecord(struct {
				ID     string          `json:"id"`
				Tokens []segment.Token `json:"tokens"`
			}{"a\"b.txt", want}, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := jsonlRecord("a\"b.txt", len(text), toks, pos); !bytes.Equal(got, exp) {
				t.Errorf("pos %v, %q:\n got %s\nwant %s", pos, text, got, exp)
			}
		}
	}
}
