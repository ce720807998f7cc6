#!/usr/bin/env bash
# tests/cli/example_report.sh BIN - the bundled article through the whole pipeline gives
# what the text says: Ukraine, France, UK support; US, Germany oppose; NATO defers; camps
# {US, Germany} and {Ukraine, France, UK} apart with conflict edges between them; the
# sources Bloomberg and Le Monde are provenance, never actors; every output is written.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" report -t ukraine-nato examples/T1_seed_bloomberg_2024-11-23.txt -o "$tmp/out" || exit 1
for f in statements.jsonl graph.json report.json camps.dot camps.svg camps.png report.html; do
  [ -s "$tmp/out/$f" ] || { echo "FAIL: $f missing or empty"; exit 1; }
done
python3 - "$tmp/out" <<'PY'
import json, sys
d = sys.argv[1]
r = json.load(open(f"{d}/report.json"))
stance = {a["id"]: a["stance"] for a in r["actors"]}
want = {"Ukraine": "support", "France": "support", "United Kingdom": "support",
        "United States": "oppose", "Germany": "oppose", "NATO": "neutral"}
bad = [f"{k}: {stance.get(k)} != {v}" for k, v in want.items() if stance.get(k) != v]
camp = {a["id"]: a["camp"] for a in r["actors"]}
if camp["United States"] != camp["Germany"]: bad.append("US and Germany in different camps")
if not (camp["Ukraine"] == camp["France"] == camp["United Kingdom"]): bad.append("supporters split")
if camp["United States"] == camp["France"]: bad.append("the two camps are one")
between = [e for e in r["edges"] if camp.get(e["source"]) != camp.get(e["target"])
           and {camp.get(e["source"]), camp.get(e["target"])} == {camp["France"], camp["Germany"]}]
if not between or any(e["sign"] != -1 for e in between): bad.append("edges between camps are not all conflict")
actors = {json.loads(l)["actor"] for l in open(f"{d}/statements.jsonl")}
for src in ("Bloomberg", "Le Monde"):
    if src in actors or src in stance: bad.append(f"{src} is an actor")
sources = {json.loads(l).get("source") for l in open(f"{d}/statements.jsonl")}
if not {"Bloomberg", "Le Monde"} <= sources: bad.append(f"sources recorded: {sources}")
dot = open(f"{d}/camps.dot").read()
if "cluster_" not in dot or "dashed" not in dot: bad.append("DOT lacks camp clusters or dashed conflict edges")
if bad:
    print("FAIL: " + "; ".join(bad)); sys.exit(1)
print("example_report: stances, camps, conflict edges and sources as the article says")
PY
