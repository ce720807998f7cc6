#!/usr/bin/env python3
"""Generate data/lexicon/countries.json (the "actors" of type "country").

Reads every country of ISO 3166-1 from iso-codes
(/usr/share/iso-codes/json/iso_3166-1.json, Debian package "iso-codes") and
merges the hand-written additions in data/lexicon/src/country-extras.json
(id overrides for common English usage, extra aliases, demonyms, metonyms, and
countries missing from ISO 3166-1 such as Kosovo).

Actor id: the extras "id" if given, else the ISO "common_name", else "name".
Aliases: the id, the ISO name, official name and common name, then the extras.
Output is deterministic: actors sorted by id, duplicate strings removed in
first-seen order, 2-space indented JSON with a trailing newline.

Usage: scripts/gen-countries.py [--iso FILE] [--extras FILE] [--out FILE]
       (defaults are relative to the repository root)
"""
import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_EXTRAS = os.path.join(ROOT, "data", "lexicon", "src", "country-extras.json")
DEFAULT_OUT = os.path.join(ROOT, "data", "lexicon", "countries.json")


def uniq(items):
    seen = set()
    out = []
    for s in items:
        if not s or s in seen:
            continue
        seen.add(s)
        out.append(s)
    return out


def build(iso_path, extras_path):
    with open(iso_path, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    with open(extras_path, encoding="utf-8") as f:
        extras = json.load(f)
    per_code = extras.get("countries", {})

    unknown = sorted(set(per_code) - {c["alpha_2"] for c in iso})
    if unknown:
        sys.exit("country-extras.json: unknown ISO codes: " + ", ".join(unknown))

    actors = []
    for c in iso:
        x = per_code.get(c["alpha_2"], {})
        ident = x.get("id") or c.get("common_name") or c["name"]
        aliases = [ident, c["name"], c.get("official_name"), c.get("common_name")]
        aliases += x.get("aliases", [])
        actors.append({
            "id": ident,
            "type": "country",
            "iso": c["alpha_2"],
            "aliases": uniq(aliases),
            "demonyms": uniq(x.get("demonyms", [])),
            "metonyms": uniq(x.get("metonyms", [])),
        })
    for a in extras.get("extra_actors", []):
        actors.append({
            "id": a["id"],
            "type": "country",
            "iso": a["iso"],
            "aliases": uniq([a["id"]] + a.get("aliases", [])),
            "demonyms": uniq(a.get("demonyms", [])),
            "metonyms": uniq(a.get("metonyms", [])),
        })

    ids = [a["id"] for a in actors]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        sys.exit("duplicate country ids: " + ", ".join(dups))
    actors.sort(key=lambda a: a["id"])
    return {"actors": actors}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default=DEFAULT_ISO)
    ap.add_argument("--extras", default=DEFAULT_EXTRAS)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    data = build(args.iso, args.extras)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print("%s: %d countries" % (os.path.relpath(args.out), len(data["actors"])))


if __name__ == "__main__":
    main()
