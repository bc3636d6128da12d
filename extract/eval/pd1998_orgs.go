package eval

import "strings"

// PD1998 writes the bodies a reader must place from context (省委, 市政府,
// 县人大, 政协) and the armed forces (解放军, 武警部队) as common nouns; the
// project's guideline makes them organizations ("Party and state bodies
// with a level prefix", "人大 and 政协 wherever they name the body", "armed
// forces take the longest name written"). mapPDOrgs retags such a unit nt,
// so that PD1998 is scored by the guideline, as mapMeasure does for
// ordinals and durations. A unit inside a compound of another type keeps
// its tag when the compound is nt or ns (it is not a unit then).

// pdLevelChars open a level-prefixed body.
const pdLevelChars = "省市县区州乡镇"

// pdBodies are the bodies that a level character opens (省委, 市人民政府)
// and that stand alone for the body of the reader's level (人大, 政协).
var pdBodies = map[string]bool{
	"委": true, "政府": true, "人民政府": true, "人大": true, "人大常委会": true, "政协": true,
	"纪委": true, "监委": true, "纪委监委": true,
}

// pdArmedForces are the armed forces by their own name.
var pdArmedForces = map[string]bool{
	"解放军": true, "人民解放军": true, "武警": true, "武警部队": true,
}

// guidelineOrgWord reports whether a PD1998 word is an organization by the
// guideline although PD1998 does not tag it nt.
func guidelineOrgWord(w string) bool {
	if pdArmedForces[w] || w == "人大" || w == "政协" || w == "人大常委会" {
		return true
	}
	for _, c := range pdLevelChars {
		if rest, ok := strings.CutPrefix(w, string(c)); ok && pdBodies[rest] {
			return true
		}
	}
	return false
}

// mapPDOrgs retags as nt the units, or runs of up to three units
// (省/n 人大/j 常委会/n), that guidelineOrgWord accepts.
func mapPDOrgs(units []pdUnit) {
	for i := 0; i < len(units); i++ {
		w, last := "", -1
		for j := i; j < len(units) && j < i+3; j++ {
			if units[j].tag == "nt" || units[j].tag == "ns" {
				break
			}
			if w += units[j].word; guidelineOrgWord(w) {
				last = j // the longest: 省/n 人大/j 常委会/n, not 省人大
			}
		}
		for k := i; k <= last; k++ {
			units[k].tag = "nt"
		}
		i = max(i, last)
	}
}
