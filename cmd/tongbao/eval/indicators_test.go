package eval

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

const (
	indicatorGold   = "../../../testdata/gold/indicators"
	indicatorCorpus = "../../../../shared/corpora/gov-work-reports"
)

// TestIndicatorsExplain checks that --explain names, under each error of
// the indicator gold, the indicator stage's decisions about its figure:
// a predicted item (wrong or spurious) was accepted by a rule on its
// span, and some missed items show the rule that rejected their figure.
func TestIndicatorsExplain(t *testing.T) {
	if _, err := os.Stat(indicatorCorpus); err != nil {
		t.Skipf("%s is absent: the indicator gold points into it", indicatorCorpus)
	}
	if _, _, err := runCmd(t, "--gold", "indicators", "--explain", indicatorGold); err == nil {
		t.Error("--explain without --errors: no usage error")
	}
	out, _, err := runCmd(t, "--gold", "indicators", "--corpus", indicatorCorpus, "--json", "--errors", "1000", "--explain", indicatorGold)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Errors []struct {
			Kind  string          `json:"kind"`
			Pred  json.RawMessage `json:"pred"`
			Rules []string        `json:"rules"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	rejected := 0
	for _, e := range res.Errors {
		if e.Pred != nil && !strings.Contains(strings.Join(e.Rules, ","), "accept indicator.") {
			t.Errorf("%s item %s: rules %q, want an accepting indicator rule", e.Kind, e.Pred, e.Rules)
		}
		if e.Kind == "missed" && len(e.Rules) > 0 && strings.HasPrefix(e.Rules[0], "reject indicator.") {
			rejected++
		}
	}
	if len(res.Errors) == 0 || rejected == 0 {
		t.Errorf("%d errors, %d missed items with a rejecting rule: want some of each", len(res.Errors), rejected)
	}
	plain, _, err := runCmd(t, "--gold", "indicators", "--corpus", indicatorCorpus, "--json", "--errors", "1000", indicatorGold)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain, `"rules"`) {
		t.Error("rules listed without --explain")
	}
}
