package extract

import (
	_ "embed"
)

// The word lists and character sets of the organization stage, read from
// data/org_words.txt (format in its header).

//go:embed data/org_words.txt
var orgWordsTxt string

// orgWordLists holds the lists of data/org_words.txt.
type orgWordLists struct {
	notOrg, badTail, firstStop, properPrefix map[string]bool
	brandHead, fieldHead, notSubUnit         map[string]bool
	internalAdj                              map[string]bool
	army, institution, notField, bareKind    map[string]bool
	role, buildVerb                          map[string]bool
	levelChars, countryChars                 string
	headChars, ministryChars, subUnitChars   string
	dateChars                                string
}

var orgWords = readOrgWords(orgWordsTxt)

// orgLevelChars are the bare level prefixes of local bodies: 县委, 县文化馆.
var orgLevelChars = orgWords.levelChars

// orgCountryChars are one-character country names that open organization
// names: 俄外交部, 美国务院.
var orgCountryChars = orgWords.countryChars

// orgLevelCountryChars are orgLevelChars and orgCountryChars, joined once
// (not at every test).
var orgLevelCountryChars = orgLevelChars + orgCountryChars

// The lists, by their names in the code.
var (
	notOrgWords   = orgWords.notOrg
	orgBadTails   = orgWords.badTail
	orgFirstStop  = orgWords.firstStop
	properPrefix  = orgWords.properPrefix
	orgBrandHeads = orgWords.brandHead
	orgFieldHeads = orgWords.fieldHead
	orgNotSubUnit = orgWords.notSubUnit
)

// readOrgWords parses data/org_words.txt.
func readOrgWords(data string) *orgWordLists {
	w := &orgWordLists{}
	sets := map[string]*map[string]bool{
		"not_org": &w.notOrg, "bad_tail": &w.badTail, "first_stop": &w.firstStop,
		"proper_prefix": &w.properPrefix, "brand_head": &w.brandHead, "field_head": &w.fieldHead,
		"not_subunit": &w.notSubUnit, "internal_adj": &w.internalAdj,
		"army": &w.army, "institution": &w.institution, "not_field": &w.notField, "bare_kind": &w.bareKind, "role": &w.role, "build_verb": &w.buildVerb,
	}
	for _, m := range sets {
		*m = map[string]bool{}
	}
	chars := map[string]*string{
		"level_char": &w.levelChars, "country_char": &w.countryChars, "head_char": &w.headChars,
		"ministry_char": &w.ministryChars, "subunit_char": &w.subUnitChars, "date_char": &w.dateChars,
	}
	readWordList(data, func(f []string) {
		if len(f) < 2 || f[1] == "" {
			return
		}
		if m, ok := sets[f[0]]; ok {
			(*m)[f[1]] = true
		} else if c, ok := chars[f[0]]; ok {
			*c += f[1]
		}
	})
	return w
}
