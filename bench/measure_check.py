#!/usr/bin/env python3
"""Independent check of `tongbao measure` (Python standard library only).

Counts the terms of a quanteda-style YAML dictionary (the block-list subset that
testdata/dict/environment.yaml uses) in the words that `tongbao segment` gives,
groups the documents by their folder name and the year of their file name (the
layout of gov-work-reports: REGION/YEAR.md), and compares every group's token
count and category counts with `tongbao measure --by home,year`.

    python3 bench/measure_check.py ./tongbao testdata/dict/environment.yaml \
        ../shared/corpora/gov-work-reports/provinces

A word is a token when it holds a letter or a decimal digit. Each term is cut
into words by `tongbao segment` too, and matches that run of tokens (never across
punctuation or white space); within a category, the longest match starting at a
token counts once and its tokens are not counted again (a parent category holds
its subcategories' terms). Exits 1 when a count differs.
"""
import json
import os
import re
import subprocess
import sys
import unicodedata


def load_dict(path):
    """category (dotted) -> list of terms, parents included."""
    cats = {}
    stack = []  # (indent, name)
    for raw in open(path, encoding="utf-8"):
        line = raw.split(" #")[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        text = line.strip()
        if text.startswith("- "):
            term = text[2:].strip().strip("'\"")
            names = [n for _, n in stack]
            for k in range(1, len(names) + 1):
                cats.setdefault(".".join(names[:k]), [])
                if term not in cats[".".join(names[:k])]:
                    cats[".".join(names[:k])].append(term)
            continue
        key = text.rstrip(":").strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, key))
    return cats


def is_token(word):
    return any(ch.isalpha() or unicodedata.category(ch) == "Nd" for ch in word)


def cut_terms(tongbao, terms):
    """term -> tuple of words, as tongbao segments the term alone."""
    out = {}
    for t in terms:
        if "*" in t:
            continue
        seg = subprocess.run([tongbao, "segment", "--format", "jsonl", "-q", "-"], input=t,
                             check=True, capture_output=True, text=True)
        out[t] = tuple(tok["text"] for tok in json.loads(seg.stdout)["tokens"])
    return out


def count_category(words, phrases, globs):
    """Greedy longest match from each token; matched tokens are used up."""
    n, i, free = 0, 0, 0
    for i, w in enumerate(words):
        if w is None or i < free:
            continue
        for p in phrases.get(w, ()):
            if tuple(words[i:i + len(p)]) == p:
                n += 1
                free = i + len(p)
                break
        else:
            if any(g(w) for g in globs):
                n += 1
                free = i + 1
    return n


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    tongbao, dict_path, corpus = sys.argv[1:]
    cats = load_dict(dict_path)
    cut = cut_terms(tongbao, {t for terms in cats.values() for t in terms})
    phrases, globs = {}, {}
    for c, terms in cats.items():
        byfirst = {}
        for t in terms:
            if "*" in t:
                rx = re.compile("^" + ".*".join(re.escape(p) for p in t.split("*")) + "$", re.S)
                globs.setdefault(c, []).append(rx.match)
            elif cut[t]:
                byfirst.setdefault(cut[t][0], set()).add(cut[t])
        phrases[c] = {w: sorted(ps, key=len, reverse=True) for w, ps in byfirst.items()}
    groups = {}  # (folder, year) -> {"tokens": n, cat: n}
    seg = subprocess.run([tongbao, "segment", "--format", "jsonl", "-q", corpus],
                         check=True, capture_output=True, text=True)
    for line in seg.stdout.splitlines():
        rec = json.loads(line)
        folder = os.path.basename(os.path.dirname(rec["id"]))
        year = int(re.match(r"\d{4}", os.path.basename(rec["id"])).group())
        g = groups.setdefault((folder, year), {"tokens": 0, **{c: 0 for c in cats}})
        words = [t["text"] if is_token(t["text"]) else None for t in rec["tokens"]]
        g["tokens"] += sum(1 for w in words if w is not None)
        for c in cats:
            g[c] += count_category(words, phrases[c], globs.get(c, ()))
    meas = subprocess.run([tongbao, "measure", "-q", "--dict", dict_path, "--by", "home,year", corpus],
                          check=True, capture_output=True, text=True)
    rows = [json.loads(l) for l in meas.stdout.splitlines()]
    bad = 0
    seen = set()
    for r in rows:
        key = (r["home"]["name"] if r["home"] else None, r["year"])
        seen.add(key)
        g = groups.get(key)
        if g is None:
            print("group %s in measure, not in the folders" % (key,))
            bad += 1
            continue
        if r["tokens"] != g["tokens"]:
            print("%s: tokens %d, independent count %d" % (key, r["tokens"], g["tokens"]))
            bad += 1
        for c in cats:
            if r["categories"][c]["count"] != g[c]:
                print("%s %s: count %d, independent count %d" % (key, c, r["categories"][c]["count"], g[c]))
                bad += 1
    for key in groups:
        if key not in seen:
            print("group %s in the folders, not in measure" % (key,))
            bad += 1
    regions = len({k[0] for k in groups})
    total = {c: sum(g[c] for g in groups.values()) for c in cats}
    print("%d groups (%d regions × their years), %d tokens; counts %s; %d differences"
          % (len(groups), regions, sum(g["tokens"] for g in groups.values()),
             ", ".join("%s %d" % (c, n) for c, n in total.items()), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
