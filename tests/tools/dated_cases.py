#!/usr/bin/env python3
"""tests/tools/dated_cases.py BIN TMP - the shared checker of the people tests
(tests/cli/lexicon_world.sh, lexicon_history.sh): TMP/cases holds lines
DATE|ACTOR|STANCE|TEXT (ACTOR "-" = nobody), TMP/topics.json the topic "canal-pact".
Each text is extracted as a document of its date; the statements must be exactly
{(ACTOR, STANCE)}. Prints one FAIL line per case that differs; exit 1 if any."""
import json
import subprocess
import sys

binary, tmp = sys.argv[1], sys.argv[2]
cases = [l.rstrip("\n").split("|", 3) for l in open(tmp + "/cases")
         if l.strip() and not l.startswith("#")]
with open(tmp + "/docs.jsonl", "w") as f:
    for i, (date, _, _, text) in enumerate(cases):
        f.write(json.dumps({"id": "case%d" % i, "date": date, "text": text}) + "\n")
run = subprocess.run([binary, "extract", "-t", "canal-pact", "--topics", tmp + "/topics.json",
                      tmp + "/docs.jsonl"], capture_output=True, text=True)
if run.returncode != 0:
    print("FAIL: extract: " + run.stderr.strip())
    sys.exit(1)
got = {}
for line in run.stdout.splitlines():
    d = json.loads(line)
    got.setdefault(d["doc"], set()).add((d["actor"], d["stance"]))
bad = 0
for i, (date, actor, stance, text) in enumerate(cases):
    want = set() if actor == "-" else {(actor, int(stance))}
    have = got.get("case%d" % i, set())
    if have != want:
        print("FAIL: %s %r: got %s, want %s" % (date, text, sorted(have), sorted(want)))
        bad = 1
sys.exit(bad)
