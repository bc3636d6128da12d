#!/usr/bin/env python3
"""Independent scorer for `tongbao eval --gold pd1998`.

Re-derives the PD1998 gold mentions from the corpus with its own code (the
PKU-tag definitions, mapped to the project guideline as ACCURACY.md says), scores the predictions that
`tongbao eval --predictions FILE` wrote, and compares every figure with the
JSON report of `tongbao eval --json`. Standard library only.

usage: pd1998_check.py CORPUS PREDICTIONS.jsonl REPORT.json [--tolerance 0.005]
Exit status 1 when a figure differs by more than the tolerance or the
predictions do not fit the texts.
"""
import json
import sys

RUN_TAGS = {"nr": "person", "ns": "place", "nt": "org", "t": "time"}

# The guideline's mapping of PD1998's numeral + measure-word runs
# (mentions.md, "Scoring other corpora by these definitions"; ACCURACY.md):
# a run opening with 第 or 首 is an ordinal (no mention); one whose measure
# words are a time unit is a time (a duration), merged with a time it
# touches; PD tags the unit noun of 个月, 个小时 … as n, so 个 + such a noun
# counts as a time unit too; the rest are counts. The level-prefixed bodies
# below are orgs.
TIME_UNITS = {"年", "月", "日", "天", "周", "星期", "小时", "钟头", "分钟", "秒",
              "世纪", "季度", "周年", "旬", "个月"}
GE_NOUNS = {"月", "小时", "钟头", "星期", "世纪", "季度"}

# Bodies PD1998 tags as common nouns that the guideline makes orgs: a level
# character + a body (省委, 市人民政府, 县人大), 人大, 政协, 人大常委会 alone,
# and the armed forces by name; up to three units form one (省/n 人大/j
# 常委会/n), the longest, never across a nt or ns unit.
LEVEL_CHARS = "省市县区州乡镇"
BODIES = {"委", "政府", "人民政府", "人大", "人大常委会", "政协", "纪委", "监委", "纪委监委"}
ARMED = {"解放军", "人民解放军", "武警", "武警部队"}


def guideline_org(w):
    if w in ARMED or w in ("人大", "政协", "人大常委会"):
        return True
    return len(w) > 1 and w[0] in LEVEL_CHARS and w[1:] in BODIES


def retag_orgs(units, words):
    i = 0
    while i < len(units):
        w, last = "", -1
        for j in range(i, min(i + 3, len(units))):
            if units[j][0] in ("nt", "ns"):
                break
            w += words[j]
            if guideline_org(w):
                last = j
        for k in range(i, last + 1):
            units[k][0] = "nt"
        i = max(i, last) + 1


def parse(line):
    """Returns (id, text, gold set of (type, start, end))."""
    toks = line.split()
    pid = toks[0].split("/")[0]
    units = []  # [tag, start, end]
    text = []
    pos = 0
    comp = None  # (start position, index in units) of an open compound
    for tok in toks[1:]:
        opening = tok.startswith("[") and len(tok) > 1 and tok.rfind("/") > 1
        if opening:
            tok = tok[1:]
            comp = (pos, len(units))
        word, _, tag = tok.rpartition("/")
        close = None
        if "]" in tag:
            tag, close = tag.split("]", 1)
        text.append(word)
        units.append([tag, pos, pos + len(word)])
        pos += len(word)
        if close is not None:
            start, idx = comp
            comp = None
            if close in ("nt", "ns"):
                del units[idx:]
                units.append([close, start, pos])
    text = "".join(text)
    words = []
    for u in units:
        words.append(text[u[1]:u[2]])
    retag_orgs(units, words)
    gold = set()
    times = []  # (start, end) of time runs and mapped durations, merged below
    i = 0
    while i < len(units):
        tag = units[i][0]
        if tag in RUN_TAGS:
            j = i
            while j + 1 < len(units) and units[j + 1][0] == tag:
                j += 1
            if tag == "t":
                times.append((units[i][1], units[j][2]))
            else:
                gold.add((RUN_TAGS[tag], units[i][1], units[j][2]))
            i = j + 1
        elif tag == "m":
            j = i
            while j + 1 < len(units) and units[j + 1][0] == "m":
                j += 1
            k = j
            while k + 1 < len(units) and units[k + 1][0] == "q":
                k += 1
            if k > j:
                measure = "".join(words[j + 1:k + 1])
                if words[i].startswith(("第", "首")):
                    pass  # an ordinal
                elif measure in TIME_UNITS:
                    times.append((units[i][1], units[k][2]))
                elif measure == "个" and k + 1 < len(units) and units[k + 1][0] == "n" and words[k + 1] in GE_NOUNS:
                    k += 1
                    times.append((units[i][1], units[k][2]))
                else:
                    gold.add(("count", units[i][1], units[k][2]))
            i = k + 1
        else:
            i += 1
    merged = []
    for a, b in sorted(times):
        if merged and merged[-1][1] == a:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    for a, b in merged:
        gold.add(("time", a, b))
    stack = []
    for n, ch in enumerate(text):
        if ch == "《":
            stack.append(n)
        elif ch == "》" and stack:
            s = stack.pop()
            if n > s + 1:
                gold.add(("book", s + 1, n))
    return pid, text, gold


def overlap_matches(gold, pred):
    """One-to-one: predictions in text order take the first unmatched
    intersecting gold span."""
    golds = sorted(gold, key=lambda g: (g[1], g[2]))
    used = [False] * len(golds)
    n = 0
    for p in sorted(pred, key=lambda p: (p[1], p[2])):
        for i, g in enumerate(golds):
            if not used[i] and g[1] < p[2] and p[1] < g[2]:
                used[i] = True
                n += 1
                break
    return n


def main():
    args = sys.argv[1:]
    tol = 0.005
    if "--tolerance" in args:
        k = args.index("--tolerance")
        tol = float(args[k + 1])
        del args[k:k + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    corpus, preds_path, report_path = args
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    order = ["time", "count", "person", "place", "org", "book"]
    types = sorted(report["types"], key=lambda t: (order.index(t) if t in order else len(order), t))
    counts = {t: [0, 0, 0, 0] for t in types}  # gold, pred, tp, overlap tp
    with open(corpus, encoding="utf-8") as cf, open(preds_path, encoding="utf-8") as pf:
        for line in cf:
            if not line.strip():
                continue
            pid, text, gold = parse(line)
            rec = json.loads(pf.readline())
            if rec["id"] != pid:
                sys.exit(f"predictions out of step: {rec['id']} for paragraph {pid}")
            pred = set()
            for m in rec["mentions"]:
                if text[m["start"]:m["end"]] != m["text"]:
                    sys.exit(f"{pid}: prediction {m} does not fit the text")
                pred.add((m["type"], m["start"], m["end"]))
            for t in types:
                g = {x for x in gold if x[0] == t}
                p = {x for x in pred if x[0] == t}
                c = counts[t]
                c[0] += len(g)
                c[1] += len(p)
                c[2] += len(g & p)
                c[3] += overlap_matches(g, p)
        if pf.readline().strip():
            sys.exit("more predictions than paragraphs")

    def prf(tp, pred, gold):
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    worst = 0.0
    print(f"{'type':8} {'F1 tongbao':>10} {'F1 check':>9} {'ovF1 tongbao':>12} {'ovF1 check':>10}  counts (gold pred tp otp) equal")
    for t in types:
        g, p, tp, otp = counts[t]
        _, _, f1 = prf(tp, p, g)
        _, _, of1 = prf(otp, p, g)
        m = report["types"][t]
        same = (m["gold"], m["pred"], m["tp"], m.get("overlap_tp", otp)) == (g, p, tp, otp)
        d = max(abs(f1 - m["f1"]), abs(of1 - m["overlap_f1"]))
        worst = max(worst, d)
        print(f"{t:8} {m['f1']:10.4f} {f1:9.4f} {m['overlap_f1']:12.4f} {of1:10.4f}  {g} {p} {tp} {otp} {'yes' if same else 'NO'}")
    print(f"largest F1 difference {worst:.4f} (tolerance {tol})")
    if worst > tol:
        sys.exit(1)


if __name__ == "__main__":
    main()
