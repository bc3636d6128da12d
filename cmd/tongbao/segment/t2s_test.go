package segment

import (
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

func TestT2SFlag(t *testing.T) {
	in := "中華人民共和國成立以後，中央人民政府迅速地組織了中央各部和國家機關。"
	out, _, err := run(t, in)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(out); !strings.HasPrefix(got, "中華人民共和國 成立 以後 ，") || !strings.Contains(got, " 國家機關 ") {
		t.Errorf("auto: %s", got)
	}
	never, _, _ := run(t, in, "--t2s", "never")
	if strings.Contains(never, "國家機關") || len(strings.Fields(never)) <= len(strings.Fields(out)) {
		t.Errorf("never: %s", never)
	}
	tsv, _, _ := run(t, in, "--format", "tsv", "--t2s", "always")
	if !strings.Contains(tsv, "-\t0\t7\t中華人民共和國\n") {
		t.Errorf("tsv:\n%s", tsv)
	}
	_, _, err = run(t, in, "--t2s", "yes")
	if cmdutil.Code(err) != 2 {
		t.Errorf("--t2s yes: %v", err)
	}
}
