#!/usr/bin/env python3
"""Consistency checks on the people of a lexicon directory (data/lexicon by default).

`stancegraph lexicon check` validates the format and the cross-references; this adds the
checks on content that the loader cannot make:
  - every office date is YYYY-MM-DD and an office does not end before it starts;
  - every office names an actor that some file of the directory defines;
  - one person does not hold the same role for two different actors at the same time
    (the usual sign of a mistyped date or actor);
  - a person's name or alias is not also another person's, an actor's (alias, capital,
    demonym) or a role title: the extractor takes the first meaning it loaded, so such
    an alias would silently speak for the wrong actor. Collisions older than this check
    are listed in KNOWN and reported only if they change.
Prints one "FAIL: lexicon people: FILE: NAME: problem" line per problem; exit 1 if any.

Usage: scripts/check-lexicon-people.py [DIR]
"""
import datetime
import glob
import json
import os
import re
import sys

# (alias, second person) pairs of collisions that predate this check
KNOWN = {("harris", "Simon Harris"), ("johnson", "Mike Johnson")}


def norm(s):
    return re.sub(r"\s+", " ", s.casefold()).strip()


def text(s):
    return s["text"] if isinstance(s, dict) else s


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    lexdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "data", "lexicon")
    files = sorted(glob.glob(os.path.join(lexdir, "*.json")))
    if not files:
        print("FAIL: lexicon people: %s: no *.json files" % lexdir)
        return 1
    actors, places, titles, people = set(), {}, set(), []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        for a in d.get("actors", []):
            actors.add(a["id"])
            for s in [a["id"]] + a.get("aliases", []) + a.get("metonyms", []) + a.get("demonyms", []):
                places.setdefault(norm(text(s)), a["id"])
        for r in d.get("roles", []):
            titles.update(norm(t) for t in r.get("titles", []))
        people += [(os.path.basename(f), p) for p in d.get("people", [])]

    fails = []
    owner = {}
    for fn, p in people:
        where = "%s: %s" % (fn, p["name"])
        offices = []
        for o in p.get("offices", []):
            if o.get("actor") not in actors:
                fails.append("%s: office names unknown actor %r" % (where, o.get("actor")))
            span = []
            for k, default in (("from", datetime.date.min), ("to", datetime.date.max)):
                v = o.get(k)
                try:
                    span.append(datetime.date.fromisoformat(v) if v else default)
                except (TypeError, ValueError):
                    fails.append("%s: office %s %r is not a YYYY-MM-DD date" % (where, k, v))
                    span.append(default)
            if span[0] > span[1]:
                fails.append("%s: office %s/%s ends (%s) before it starts (%s)" %
                             (where, o.get("actor"), o.get("role"), o.get("to"), o.get("from")))
            offices.append((o, span[0], span[1]))
        for i, (a, af, at) in enumerate(offices):
            for b, bf, bt in offices[i + 1:]:
                if a.get("role") == b.get("role") and a.get("actor") != b.get("actor") and \
                        af < bt and bf < at:
                    fails.append("%s: %s of %s and of %s at the same time" %
                                 (where, a.get("role"), a.get("actor"), b.get("actor")))
        for s in [p["name"]] + p.get("aliases", []):
            n = norm(text(s))
            if n in owner and owner[n] != p["name"] and (n, p["name"]) not in KNOWN:
                fails.append("%s: alias %r is also %s" % (where, text(s), owner[n]))
            owner.setdefault(n, p["name"])
            if n in places:
                fails.append("%s: alias %r is also actor %s" % (where, text(s), places[n]))
            if n in titles:
                fails.append("%s: alias %r is also a role title" % (where, text(s)))
    for x in fails:
        print("FAIL: lexicon people: " + x)
    print("%s: %d people in %d files, %d problems" % (lexdir, len(people), len(files), len(fails)),
          file=sys.stderr)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
