package extract

import (
	"reflect"
	"strings"
	"testing"
)

func personDoc(t *testing.T, text string) *Document {
	t.Helper()
	return typedDoc(t, text, TypePerson)
}

func personNames(d *Document) []string { return mentionTexts(d, TypePerson) }

func firstPerson(d *Document, name string) *Mention {
	for _, m := range d.MentionsOf(TypePerson) {
		if m.Text == name {
			return &m
		}
	}
	return nil
}

func TestPersonSample(t *testing.T) {
	d := personDoc(t, readSample(t))
	luo := firstPerson(d, "罗智琼")
	if luo == nil {
		t.Fatalf("罗智琼 not found; persons: %v", personNames(d))
	}
	if want := []string{"县人大常委会党组书记", "主任"}; !reflect.DeepEqual(luo.Titles, want) {
		t.Errorf("罗智琼 titles = %q, want %q", luo.Titles, want)
	}
	if luo.Org != "县人大常委会" {
		t.Errorf("罗智琼 org = %q", luo.Org)
	}
	chen := firstPerson(d, "陈炜")
	if chen == nil || chen.Role != "author" {
		t.Errorf("陈炜 as author: %+v", chen)
	}
	xi := firstPerson(d, "习近平")
	if xi == nil || !reflect.DeepEqual(xi.Titles, []string{"总书记"}) {
		t.Errorf("习近平 with title 总书记: %+v", xi)
	}
	for _, m := range d.MentionsOf(TypePerson) {
		for _, bad := range []string{"富美", "崇德", "史崇德", "富美黔西", "一步", "史"} {
			if m.Text == bad {
				t.Errorf("%q taken for a person at %d", bad, m.Start)
			}
		}
	}
	// the document-level entity merges the three mentions of 罗智琼
	var ent *Entity
	for i := range d.People {
		if d.People[i].Name == "罗智琼" {
			ent = &d.People[i]
		}
	}
	if ent == nil || ent.Count != 3 || ent.First != luo.Start || len(ent.Titles) < 2 {
		t.Errorf("罗智琼 entity = %+v", ent)
	}
}

func TestPersonTitlesBeforeAndAfter(t *testing.T) {
	cases := []struct {
		text   string
		name   string
		titles []string
	}{
		{"县委副书记、县长王德明主持会议。", "王德明", []string{"县委副书记", "县长"}},
		{"副县长刘红梅同志带队检查春耕生产。", "刘红梅", []string{"副县长"}},
		{"会议由张建国主任主持。", "张建国", []string{"主任"}},
		{"镇党委书记欧阳立新出席开班仪式并讲话。", "欧阳立新", []string{"镇党委书记"}},
	}
	for _, c := range cases {
		d := personDoc(t, c.text)
		m := firstPerson(d, c.name)
		if m == nil {
			t.Errorf("%s: %q not found (got %v)", c.text, c.name, personNames(d))
			continue
		}
		if !reflect.DeepEqual(m.Titles, c.titles) {
			t.Errorf("%s: titles of %s = %q, want %q", c.text, c.name, m.Titles, c.titles)
		}
	}
}

func TestPersonLists(t *testing.T) {
	d := personDoc(t, "县领导李明华、周小平、吴静和赵刚参加活动。")
	want := []string{"李明华", "周小平", "吴静", "赵刚"}
	if got := personNames(d); !reflect.DeepEqual(got, want) {
		t.Errorf("list: got %v, want %v", got, want)
	}
}

func TestPersonBylines(t *testing.T) {
	cases := []struct {
		text, name, role string
	}{
		{"全县春耕工作有序推进。(作者:杨光辉)", "杨光辉", "author"},
		{"本报讯 记者 兰红光 报道:全县春耕生产有序推进。", "兰红光", "reporter"},
		{"通讯员何志勇报道:镇卫生院开展义诊。", "何志勇", "reporter"},
	}
	for _, c := range cases {
		d := personDoc(t, c.text)
		m := firstPerson(d, c.name)
		if m == nil {
			t.Errorf("%s: %q not found (got %v)", c.text, c.name, personNames(d))
			continue
		}
		if m.Role != c.role {
			t.Errorf("%s: role of %s = %q, want %q", c.text, c.name, m.Role, c.role)
		}
	}
}

func TestPersonDocumentPropagation(t *testing.T) {
	d := personDoc(t, "县长罗明亮到大关镇调研。罗明亮指出，要抓好项目建设。")
	if got := personNames(d); !reflect.DeepEqual(got, []string{"罗明亮", "罗明亮"}) {
		t.Errorf("got %v", got)
	}
	if len(d.People) != 1 || d.People[0].Count != 2 || d.People[0].First != 2 {
		t.Errorf("people = %+v", d.People)
	}
}

func TestPersonRejectsWordsThatLookLikeNames(t *testing.T) {
	for _, text := range []string{
		"紧紧围绕学史明理、学史增信、学史崇德、学史力行。",
		"建设富美黔西，进一步坚定理想信念。",
		"社会文明程度和道德水平不断提高。",
		"河北省张家口地区发生地震。",
		"全县高水平推进许可证制度改革。",
	} {
		if got := personNames(personDoc(t, text)); len(got) > 0 {
			t.Errorf("%s: persons %v", text, got)
		}
	}
}

func TestPersonForeign(t *testing.T) {
	d := personDoc(t, "美国总统克林顿和俄罗斯总统叶利钦通了电话。")
	if got := personNames(d); !reflect.DeepEqual(got, []string{"克林顿", "叶利钦"}) {
		t.Errorf("got %v", got)
	}
}

func TestPersonShortForms(t *testing.T) {
	d := personDoc(t, "老张领着一家人来了，孔书记握住他的手。")
	if got := personNames(d); !reflect.DeepEqual(got, []string{"老张", "孔"}) {
		t.Errorf("got %v", got)
	}
}

func TestPersonEmptyAndOdd(t *testing.T) {
	for _, text := range []string{"", "王", "、、、", "书记", "abc 123", "\n\n王"} {
		d := personDoc(t, text)
		_ = personNames(d)
	}
}

func TestPersonWithheldNames(t *testing.T) {
	d := personDoc(t, "犯罪嫌疑人丁某驾车逃离现场，被告人王某某当庭认罪。")
	if got := personNames(d); !reflect.DeepEqual(got, []string{"丁某", "王某某"}) {
		t.Errorf("got %v", got)
	}
}

// TestPersonSecondPassRules checks the rules of the second pass, each on a
// sentence written in the style of a county bulletin or news report.
func TestPersonSecondPassRules(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		// a note in brackets after a name is no byline
		{"ethnicity note", "县人大常委会选举张明（蒙古族）为主任。", []string{"张明"}},
		{"photo position", "图为县委书记王茂林（左一）在慰问困难群众。", []string{"王茂林"}},
		// the items of a list go on past a note in brackets
		{"list past note", "选举杨正午为县长，周伯华（土家族）、周时昌为副县长。", []string{"杨正午", "周伯华", "周时昌"}},
		// a name before 为 and an office was elected or appointed to it
		{"elected to office", "会议选举李建国为主任，徐山林、李逢滋为副主任。", []string{"李建国", "徐山林", "李逢滋"}},
		// role nouns before a name
		{"suspect", "犯罪嫌疑人王振亚被当场击毙。", []string{"王振亚"}},
		{"worker", "县长又来到退休职工郭树范家中看望。", []string{"郭树范"}},
		// bylines and ranks after a name
		{"drawing byline", "（张滨作）", []string{"张滨"}},
		{"go rank", "小将王磊六段和周鹤洋七段今天分别战胜对手。", []string{"王磊", "周鹤洋"}},
		{"long job after", "县职业中学的李飞副教授提醒道。", []string{"李飞"}},
		// a name-shaped word before a place head or inside a body is neither
		{"village", "安徽省阜南县王家坝村村民连夜转移。", nil},
		{"common noun", "全村大专毕业生达８２人。", nil},
		// a list of three names that gse tags, none with other context
		{"name list", "出席会议的有张庚、吴雪、胡可。", []string{"张庚", "吴雪", "胡可"}},
		{"word list", "抓好文化、卫生、体育工作。", nil},
		// a headline that is a name and a note of pictures, or opens with a
		// name and a verb of official business
		{"photo headline", "邱娥国（附图片１张）", []string{"邱娥国"}},
		{"headline verb", "张万年会见美前国防部长", []string{"张万年"}},
		// words that follow a person: a delegation, a couple
		{"delegation", "县长欢迎科恩一行来访。", []string{"科恩"}},
		// an unknown foreign word with an office after it
		{"foreign with office", "钱其琛与菲拉利首相会谈。", []string{"钱其琛", "菲拉利"}},
	}
	for _, c := range cases {
		d := personDoc(t, c.text)
		if got := personNames(d); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %q: got %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

// BenchmarkPDPersonOrg times the org and person stages alone on the first
// 2000 paragraphs of PD1998 dev, already segmented and with their places
// found. Compare with BenchmarkPDSegment in the same run:
//
//	go test ./extract -run XXX -bench 'PD(Segment|PersonOrg)' -benchtime 5x
func BenchmarkPDPersonOrg(b *testing.B) {
	ps := pdParagraphs(b, 2000)
	docs := make([]*Document, len(ps))
	for i, p := range ps {
		d, err := NewDocument(p, WithTypes(TypePlace))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = d
	}
	b.SetBytes(paragraphBytes(ps))
	cpuLoop(b, func() {
		for _, d := range docs {
			d.orgsDone, d.orgSpans = false, nil
			d.Mentions, d.People, d.Orgs = nil, nil, nil
			d.types = map[string]bool{TypePerson: true, TypeOrg: true}
			runOrgs(d)
			runPersons(d)
		}
	})
}

// TestPersonWorkReportWords checks words of government work reports that
// have a name's shape (a surname, then one or two characters) but are no
// names: dictionary words after a role noun, words followed by a lone verb,
// names of streets, schools and rivers, a lone Japanese surname.
func TestPersonWorkReportWords(t *testing.T) {
	text := "全年为城镇职工基本医疗保险待遇提标，城乡居民养老保险覆盖率进一步提高。" +
		"依法打击非法集资和高利贷，防范金融风险。" +
		"坚持稳增长、调结构、惠民生、防风险，多办惠民生的实事。" +
		"弘扬企业家精神，让民营企业家安心谋发展。" +
		"争创全国文明城，努力实现水清、岸绿、景美。" +
		"完成贝尔大街、胜利大街改造，向阳幼儿园投入使用，伊敏河两岸景观改造全面完成。"
	d := personDoc(t, text)
	for _, w := range []string{"基本", "养老", "高利贷", "惠民生", "惠民", "安心谋", "文明城", "岸", "贝尔", "向阳", "伊敏河"} {
		if firstPerson(d, w) != nil {
			t.Errorf("%q taken for a person; persons: %v", w, personNames(d))
		}
	}
	d = personDoc(t, "及时检查、修正和补充原定计划，多做惠民生的实事，扩大基层慢性病、常见病用药种类，"+
		"贯彻总体国家安全观。支持建设有特色、高水平大学，推动更高水平开放。做好民族宗教、档案史志、双拥等工作。")
	for _, w := range []string{"修正", "惠民", "常见病", "安全观", "高水平", "史志"} {
		if firstPerson(d, w) != nil {
			t.Errorf("%q taken for a person; persons: %v", w, personNames(d))
		}
	}
	// the same rules leave names with an office or a role noun alone
	d = personDoc(t, "区委书记王建国出席会议，企业家李刚介绍了经验，职工王芳发言。")
	for _, w := range []string{"王建国", "李刚", "王芳"} {
		if firstPerson(d, w) == nil {
			t.Errorf("%q not found; persons: %v", w, personNames(d))
		}
	}
}

// TestPersonSpeakerLine checks the byline of a work report: an office,
// spaces, then the speaker's name ending the line, whatever the surname.
func TestPersonSpeakerLine(t *testing.T) {
	text := "政府工作报告\n\n——2019年3月4日在区第十五届人民代表大会第三次会议上\n\n" +
		"某某区人民政府代区长  萨国文\n\n各位代表：\n现在，我代表区人民政府向大会报告工作。\n" +
		"县人民政府县长　　杜明德\n"
	d := personDoc(t, text)
	for _, w := range []string{"萨国文", "杜明德"} {
		m := firstPerson(d, w)
		if m == nil {
			t.Errorf("speaker %q not found; persons: %v", w, personNames(d))
			continue
		}
		if len(m.Titles) == 0 || !strings.HasSuffix(m.Titles[0], "长") {
			t.Errorf("speaker %q titles = %q, want the office before the spaces", w, m.Titles)
		}
	}
	// an office, spaces and a word that is no name: a table row, no byline
	d = personDoc(t, "县长　　副县长\n")
	if n := personNames(d); len(n) != 0 {
		t.Errorf("persons in a row of offices: %v", n)
	}
}

// TestPersonCueSections checks that every section the person rules read
// from data/person_cues.txt is there and not empty.
func TestPersonCueSections(t *testing.T) {
	for _, name := range []string{"not_given_chars", "not_last_chars", "func_chars", "func_marks",
		"given_chars", "after_chars", "translit_chars", "place_head_chars", "facility_heads",
		"verbs_before", "headline_verbs", "verbs_after", "japanese_surnames", "byline_cues",
		"drawn_chars", "subject_chars", "address_before_chars", "address_after_chars",
		"list_end_words", "foreign_subject_words"} {
		if len(personCueSections[name]) == 0 {
			t.Errorf("data/person_cues.txt: section @%s missing or empty", name)
		}
	}
	if len(personBylineCues) != len(personCueSections["byline_cues"]) {
		t.Errorf("byline_cues: every line needs a word and a role")
	}
	if !funcCharSet.has('\n') || !funcCharSet.has('、') || !givenSet.has('伟') {
		t.Errorf("character sets not read from data/person_cues.txt")
	}
}
