package record

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAppendString compares AppendString with encoding/json, with and
// without HTML escaping, on strings of what JSON escapes or replaces.
func TestAppendString(t *testing.T) {
	pieces := []string{"", "a", " ", "\"", "\\", "/", "<", ">", "&", "\x00", "\x08", "\x0c", "\n", "\r", "\t", "\x1f", "\x7f",
		"\u2028", "\u2029", "\u2027", "中文", "𠀀", "\ufffd", "\xff", "\x80", "\xe4\xb8", "\xed\xa0\x80", "\xf4\x90\x80\x80"}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for n := r.IntN(8); n > 0; n-- {
			if r.IntN(4) == 0 {
				sb.WriteByte(byte(r.IntN(256)))
			} else {
				sb.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		s := sb.String()
		for _, html := range []bool{false, true} {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			want := bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})
			if got := AppendString([]byte("x"), s, html); !bytes.Equal(got[1:], want) || got[0] != 'x' {
				t.Fatalf("AppendString(%q, html %v) = %s, want x%s", s, html, got, want)
			}
		}
	}
}
