package stats

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/tongbao/tongbao/extract"
)

var fileYear = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// DocDate returns the date a document is compared by: the date extraction
// found in it (d.Date), else a "date" or "year" field of its metadata that
// starts with a year, else a year (19xx or 20xx) in the file name of its
// id, else the reference year extraction inferred from the text; "" when
// none is known.
func DocDate(d *extract.Document, id string, meta map[string]any) string {
	if d.Date != nil && len(*d.Date) >= 4 {
		return *d.Date
	}
	for _, k := range []string{"date", "year"} {
		switch v := meta[k].(type) {
		case string:
			if len(v) >= 4 {
				if _, err := strconv.Atoi(v[:4]); err == nil {
					return v
				}
			}
		case float64:
			if v >= 1000 && v < 10000 {
				return strconv.Itoa(int(v))
			}
		}
	}
	base := filepath.Base(strings.ReplaceAll(id, "\\", "/"))
	if m := fileYear.FindStringSubmatch(base); m != nil {
		return m[1]
	}
	if d.Ref.Year > 0 {
		return strconv.Itoa(d.Ref.Year)
	}
	return ""
}
