#!/usr/bin/env bash
# tests/cli/report_signals.sh BIN - `report` killed mid-run (issue 8, "nothing lost"): it
# builds its folder aside (DIR.tmp.XXXXXX) and swaps it in at the end; SIGTERM or SIGINT
# while the staging folder holds some of the outputs must remove that folder and every
# temp file in it, and leave the old DIR exactly as it was (its files and the user's).
# The input is large enough (250 actors: sfdp, three diagrams) that the run spends
# seconds after the staging folder appears; the kill is sent as soon as statements.jsonl
# is in it, so the folder is half-filled when the signal lands.
set -u
bin=$1
. "$(dirname "$0")/../testlib.sh"

# 400 documents naming every country of the lexicon with a stance on ukraine-nato
python3 - "$tmp/corpus.jsonl" <<'EOF'
import json, sys
with open("data/lexicon/countries.json", encoding="utf-8") as f:
    countries = [a["id"] for a in json.load(f)["actors"]]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for d in range(400):
        text = " ".join("%s %s Ukraine joining NATO." %
                        (countries[(d * 10 + k) * 7 % len(countries)],
                         "supports" if (d + k) % 3 else "opposes") for k in range(10))
        out.write(json.dumps({"id": "d%d" % d, "date": "2024-11-23", "text": text}) + "\n")
EOF

# the old folder: a previous run's outputs (stand-ins) and a file of the user's
mkdir "$tmp/rep"
for f in statements.jsonl graph.json report.json camps.svg report.html; do
  printf 'old %s\n' "$f" >"$tmp/rep/$f"
done
printf 'mine\n' >"$tmp/rep/notes.txt"
cp -a "$tmp/rep" "$tmp/orig"

for sig in TERM INT; do
  # a shell starts background jobs with SIGINT ignored: give it back its default
  env --default-signal=INT "$bin" -q report -t ukraine-nato -j1 "$tmp/corpus.jsonl" \
    -o "$tmp/rep" 2>"$tmp/err" &
  pid=$!
  staged=""
  for _ in $(seq 600); do # up to 60 s (sanitizer builds are slow)
    staged=$(find "$tmp" -maxdepth 2 -path "$tmp/rep.tmp.*/statements.jsonl" | head -1)
    [ -n "$staged" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  ok "the staging folder holds statements.jsonl before SIG$sig" test -n "$staged"
  kill -"$sig" "$pid"
  wait "$pid"
  st=$?
  ok "report was still running and died of SIG$sig (status $st)" test "$st" -gt 128
  ok "no staging folder after SIG$sig: $(ls "$tmp" | tr '\n' ' ')" \
    sh -c "! ls '$tmp' | grep -q '^rep\\.'"
  ok "no temp file after SIG$sig" sh -c "! find '$tmp' -name '*.tmp.*' | grep -q ."
  ok "the old folder is intact after SIG$sig" diff -r "$tmp/orig" "$tmp/rep"
  ok "no error line after SIG$sig: $(cat "$tmp/err")" test ! -s "$tmp/err"
done

# the same run left alone replaces the old outputs and keeps the user's file
ok "report runs to the end" "$bin" -q report -t ukraine-nato "$tmp/corpus.jsonl" -o "$tmp/rep"
ok "new outputs are in place" grep -q '"stancegraph"' "$tmp/rep/graph.json"
ok "the user's file is kept" grep -qx mine "$tmp/rep/notes.txt"
ok "nothing left beside it" sh -c "! ls '$tmp' | grep -q '^rep\\.'"

exit $fail
