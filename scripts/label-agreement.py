#!/usr/bin/env python3
"""Agreement between two hand labellings of the same corpus (two gold files).

Usage:
  label-agreement.py GOLD_A.jsonl GOLD_B.jsonl [--list] [--skip PAIRS.tsv]

Both files are in the gold format of /work/shared/eval/score.py (one object per
document: file, topic, stances [{actor, stance}]). Counting follows score.py: per
document, actors are compared after the same alias canonicalisation; a shared actor
with a different stance counts as one false positive and one false negative for the
(doc, actor, stance) figures and as a match for the (doc, actor) figures.

Prints precision / recall / F1 of (doc, actor, stance) and of (doc, actor) with A as
the reference (B scored against A) and with B as the reference, then Cohen's kappa on
the stance of the (doc, actor) pairs both files label (categories support / oppose /
neutral), and, as a stricter figure, kappa over every (doc, actor) pair either file
labels with "none" as a fourth category (so a label one file lacks counts against).
--list also prints every disagreement, one per line. --skip leaves out the (doc, actor)
pairs listed in PAIRS.tsv (lines "file<TAB>actor"; '#' starts a comment) from both
files, e.g. labels whose decision the labelling rules spell out.
A document present in only one file is reported and its labels count as unmatched.
Exit status 0; 2 on unreadable input.
"""
import argparse, json, sys

ALIASES = {  # the same table as /work/shared/eval/score.py
    "usa": "United States", "us": "United States", "u.s.": "United States",
    "united states of america": "United States", "america": "United States",
    "uk": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "russian federation": "Russia", "türkiye": "Turkey", "turkiye": "Turkey",
    "czechia": "Czech Republic", "eu": "European Union",
    "north atlantic treaty organization": "NATO",
}
STANCES = ("support", "oppose", "neutral")


def canon(name):
    return ALIASES.get(name.strip().lower(), name.strip())


def load(path):
    docs = {}
    with open(path, encoding="utf-8") as fh:
        for n, ln in enumerate(fh, 1):
            if not ln.strip():
                continue
            try:
                d = json.loads(ln)
                labels = {}
                for s in d["stances"]:
                    if s["stance"] not in STANCES:
                        raise ValueError(f"stance {s['stance']!r}")
                    labels[canon(s["actor"])] = s["stance"]
                docs[d["file"]] = labels
            except (ValueError, KeyError, TypeError) as e:
                sys.exit(f"label-agreement: {path}:{n}: {e}")
    return docs


def prf(t, p, n):
    P = t / (t + p) if t + p else 0.0
    R = t / (t + n) if t + n else 0.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def score(ref, hyp):
    """score.py's counts of hyp against ref."""
    tp = fp = fn = atp = afp = afn = 0
    for f in sorted(set(ref) | set(hyp)):
        g, p = ref.get(f, {}), hyp.get(f, {})
        for actor, st in g.items():
            if actor in p:
                atp += 1
                if p[actor] == st:
                    tp += 1
                else:
                    fp += 1; fn += 1
            else:
                fn += 1; afn += 1
        for actor in p:
            if actor not in g:
                fp += 1; afp += 1
    return prf(tp, fp, fn), prf(atp, afp, afn)


def kappa_of(pairs, cats):
    n = len(pairs)
    if not n:
        return 0, float("nan"), float("nan")
    po = sum(x == y for x, y in pairs) / n
    pe = sum((sum(x == c for x, _ in pairs) / n) * (sum(y == c for _, y in pairs) / n)
             for c in cats)
    k = (po - pe) / (1 - pe) if pe < 1 else 1.0
    return n, po, k


def kappa(a, b):
    return kappa_of([(a[f][x], b[f][x]) for f in a if f in b for x in a[f] if x in b[f]],
                    STANCES)


def kappa_union(a, b):
    pairs = []
    for f in set(a) | set(b):
        fa, fb = a.get(f, {}), b.get(f, {})
        pairs += [(fa.get(x, "none"), fb.get(x, "none")) for x in set(fa) | set(fb)]
    return kappa_of(pairs, STANCES + ("none",))


def load_skip(path):
    skip = set()
    with open(path, encoding="utf-8") as fh:
        for n, ln in enumerate(fh, 1):
            ln = ln.split("#", 1)[0].rstrip()
            if not ln.strip():
                continue
            parts = ln.split("\t")
            if len(parts) != 2:
                sys.exit(f"label-agreement: {path}:{n}: expected 'file<TAB>actor'")
            skip.add((parts[0].strip(), canon(parts[1])))
    return skip


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a"); ap.add_argument("b")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--skip")
    o = ap.parse_args()
    try:
        A, B = load(o.a), load(o.b)
        skip = load_skip(o.skip) if o.skip else set()
    except OSError as e:
        print(f"label-agreement: {e}", file=sys.stderr)
        return 2
    if skip:
        for D in (A, B):
            for f in D:
                D[f] = {x: s for x, s in D[f].items() if (f, x) not in skip}
        print(f"skipping {len(skip)} (doc, actor) pairs listed in {o.skip}")
    for f in sorted(set(A) ^ set(B)):
        print(f"{f}: only in {'A' if f in A else 'B'}")
    if o.list:
        for f in sorted(set(A) | set(B)):
            a, b = A.get(f, {}), B.get(f, {})
            for x in sorted(set(a) | set(b)):
                if a.get(x) != b.get(x):
                    print(f"{f}: {x}: A {a.get(x, '-')}, B {b.get(x, '-')}")
    na = sum(len(v) for v in A.values()); nb = sum(len(v) for v in B.values())
    print(f"A: {o.a} ({len(A)} docs, {na} labels); B: {o.b} ({len(B)} docs, {nb} labels)")
    for name, ref, hyp in (("A", A, B), ("B", B, A)):
        (P, R, F), (aP, aR, aF) = score(ref, hyp)
        print(f"reference {name}: actors: precision {aP:.3f} recall {aR:.3f} F1 {aF:.3f}")
        print(f"reference {name}: stances: precision {P:.3f} recall {R:.3f} F1 {F:.3f}")
    n, po, k = kappa(A, B)
    print(f"stance on the {n} (doc, actor) pairs both label: observed agreement {po:.3f}, "
          f"Cohen's kappa {k:.3f}")
    n, po, k = kappa_union(A, B)
    print(f"presence and stance on the {n} (doc, actor) pairs either labels (none = a 4th "
          f"category): observed agreement {po:.3f}, Cohen's kappa {k:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
