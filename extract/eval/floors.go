package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// FormatTypes returns the mention types a gold format annotates.
func FormatTypes(format string) []string {
	switch format {
	case FormatPD1998:
		return []string{"time", "count", "person", "place", "org", "book"}
	case FormatCLUENER:
		return []string{"person", "place", "org", "book"}
	case FormatMSRA:
		return []string{"person", "place", "org"}
	case FormatSIGHAN:
		return []string{Word}
	case FormatTongbao:
		return []string{"time", "count", "person", "place", "org", "book"}
	}
	return nil
}

// Floors are the lowest exact F1 each type may score, by gold format:
// {"pd1998": {"person": 0.62, ...}}. Floors only ever go up.
type Floors map[string]map[string]float64

// ReadFloors reads a floors file.
func ReadFloors(path string) (Floors, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f Floors
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return f, nil
}

// Check returns an error naming every type of r whose exact F1 is below
// its floor for format. A floor of a type r does not score is an error
// too, so that a floor cannot be skipped by accident.
func (f Floors) Check(format string, r *Result) error {
	fl := f[format]
	types := make([]string, 0, len(fl))
	for t := range fl {
		types = append(types, t)
	}
	sort.Strings(types)
	var bad []string
	for _, t := range OrderTypes(types) {
		m, ok := r.Metrics[t]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("%s: not evaluated (floor %.3f)", t, fl[t]))
		case m.F1 < fl[t]:
			bad = append(bad, fmt.Sprintf("%s: F1 %.4f is below the floor %.3f", t, m.F1, fl[t]))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%s accuracy below floors:\n  %s", format, strings.Join(bad, "\n  "))
	}
	return nil
}

// MaxFalsePositives is the key of a recognizers floors entry that is a
// ceiling: the most false positives allowed over all cases.
const MaxFalsePositives = "max_false_positives"

// RecognizersKeys returns an error naming a key of f["recognizers"] that
// is neither a category nor max_false_positives, so that a floor cannot
// be skipped by a typo.
func (f Floors) RecognizersKeys() error {
	for k := range f[FormatRecognizers] {
		known := k == MaxFalsePositives
		for _, c := range RecognizersCategories {
			known = known || k == c
		}
		if !known {
			return fmt.Errorf("unknown recognizers floor %q (known: %s, %s)", k, strings.Join(RecognizersCategories, ", "), MaxFalsePositives)
		}
	}
	return nil
}

// CheckRecognizers returns an error naming every category of r whose
// share of right results is below its floor in f["recognizers"], and the
// false positives when they exceed the max_false_positives entry (check
// the keys first with RecognizersKeys).
func (f Floors) CheckRecognizers(r *RecResultSet) error {
	fl := f[FormatRecognizers]
	var bad []string
	for _, c := range RecognizersCategories {
		if min, ok := fl[c]; ok && r.Categories[c].Share() < min {
			bad = append(bad, fmt.Sprintf("%s: %.4f of results right is below the floor %.3f", c, r.Categories[c].Share(), min))
		}
	}
	if max, ok := fl[MaxFalsePositives]; ok && float64(r.FP) > max {
		bad = append(bad, fmt.Sprintf("%d false positives, more than the %g allowed", r.FP, max))
	}
	if len(bad) > 0 {
		return fmt.Errorf("recognizers accuracy below floors:\n  %s", strings.Join(bad, "\n  "))
	}
	return nil
}
