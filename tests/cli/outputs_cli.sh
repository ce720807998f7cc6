#!/usr/bin/env bash
# tests/cli/outputs_cli.sh BIN - outputs an analyst can trust (issue 12): decisions in
# the diagram, report all-or-nothing, refused inputs with clear messages, the summary
# line and -q, JSONL on stdin, topic override, build --topics and filters, RFC 4180
# edge lists, matrices, two-mode edges, engines, capped PNG size.
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
article=examples/T1_seed_bloomberg_2024-11-23.txt
dna=tests/data/shared/dna-sample/statements.jsonl

# expect CODE PATTERN -- command...: exit code and a stderr line matching PATTERN
expect() {
  local code=$1 pattern=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$code" ] || ! grep -q -- "$pattern" "$tmp/err"; then
    echo "FAIL: $* -> exit $got (want $code), stderr: $(cat "$tmp/err")"
    fail=1
  fi
}
ok() { # ok DESCRIPTION -- command...
  local what=$1; shift 2
  if ! "$@" >"$tmp/out" 2>"$tmp/err"; then
    echo "FAIL: $what: $(cat "$tmp/err")"; fail=1
  fi
}
check() { # check DESCRIPTION CONDITION...
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; fi
}
py() { python3 -c "$@" || { echo "FAIL: check: $1"; fail=1; }; }

# ---- silent failures ---------------------------------------------------------------
# zero statements: an error, nothing written (report, build); extract warns, writes empty
printf 'Nothing about any question here.\n' >"$tmp/none_2024-01-01.txt"
expect 2 "no statements found in 1 document" -- "$bin" report -t ukraine-nato "$tmp/none_2024-01-01.txt" -o "$tmp/none"
check "report with no statements writes no folder" test ! -e "$tmp/none"
expect 0 "warning: .*no statements found" -- "$bin" extract -t ukraine-nato "$tmp/none_2024-01-01.txt" -o "$tmp/none.jsonl"
check "extract with no statements writes an empty file" test -f "$tmp/none.jsonl" -a ! -s "$tmp/none.jsonl"
: >"$tmp/empty.jsonl"
expect 2 "no statements" -- "$bin" build "$tmp/empty.jsonl" -o "$tmp/none.json"
check "build with no statements writes no graph" test ! -e "$tmp/none.json"

# -o FILE is refused, an existing file too; a folder as input gets a clear message
expect 1 "needs a directory" -- "$bin" report -t ukraine-nato "$article" -o "$tmp/out.json"
check "report -o out.json creates nothing" test ! -e "$tmp/out.json"
: >"$tmp/afile"
expect 1 "is not a directory" -- "$bin" report -t ukraine-nato "$article" -o "$tmp/afile"
expect 1 "is a directory: give the files in it" -- "$bin" extract -t ukraine-nato examples
expect 1 "is a directory" -- "$bin" build tests/data

# bad dates are refused by extract, as build refuses them
expect 1 "real date" -- "$bin" extract -t ukraine-nato --date 2025-13-45 "$article"
expect 1 "real date" -- "$bin" extract -t ukraine-nato --date 2abc-de-fg "$article"
expect 1 "real date" -- "$bin" build "$dna" --from 2024-02-30

# unknown topic: the known ones are listed
expect 1 "known topics: .*ukraine-nato" -- "$bin" extract -t no-such-topic "$article"

# a --topics file redefining a built-in topic wins, with a note
cat >"$tmp/mine.json" <<'EOF'
{"topics":[{"id":"ukraine-nato","label":"Kyiv and the Alliance (my definition)",
 "terms":[["Ukraine","Kyiv","Zelensky"],["NATO","Alliance"]],
 "decision":{"body":"NATO","rule":"unanimity"}}]}
EOF
ok "lexicon check override" -- "$bin" lexicon check --topics "$tmp/mine.json"
check "lexicon check notes the override" grep -q "note: .*redefines the built-in topic \"ukraine-nato\"" "$tmp/err"
ok "override" -- "$bin" report -t ukraine-nato --topics "$tmp/mine.json" "$article" -o "$tmp/mine"
check "override note on stderr" grep -q "note: .*redefines the built-in topic \"ukraine-nato\"" "$tmp/err"
py "
import json; r = json.load(open('$tmp/mine/report.json'))
assert r['topic_labels']['ukraine-nato'] == 'Kyiv and the Alliance (my definition)', r['topic_labels']
assert r['title'].startswith('Stances on Kyiv and the Alliance'), r['title']"

# JSONL on stdin is read as documents, not as one article
python3 - "$article" >"$tmp/docs.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "doc-a", "date": "2024-11-23", "source": "X", "text": text}))
PY
ok "jsonl on stdin" -- bash -c "\"$bin\" extract -q -t ukraine-nato - <\"$tmp/docs.jsonl\" >\"$tmp/stdin.jsonl\""
ok "jsonl by name" -- "$bin" extract -q -t ukraine-nato "$tmp/docs.jsonl" -o "$tmp/named.jsonl"
check "stdin JSONL gives the same statements as the named file" cmp -s "$tmp/stdin.jsonl" "$tmp/named.jsonl"
check "stdin JSONL keeps the document id" grep -q '"doc":"doc-a"' "$tmp/stdin.jsonl"

# ---- report all-or-nothing ---------------------------------------------------------
mkdir -p "$tmp/keep"
echo "my notes" >"$tmp/keep/notes.txt"
echo "old" >"$tmp/keep/report.json"
expect 1 "engine" -- "$bin" report -t ukraine-nato --engine no-such-engine "$article" -o "$tmp/keep"
check "a failed report leaves the old folder as it was" test "$(cat "$tmp/keep/report.json")" = old
check "a failed report leaves no temporary folder" test -z "$(ls -d "$tmp"/keep.* 2>/dev/null)"
expect 1 "engine" -- "$bin" report -t ukraine-nato --engine no-such-engine "$article" -o "$tmp/fresh"
check "a failed report creates no folder" test ! -e "$tmp/fresh"
ok "report into an existing folder" -- "$bin" report -t ukraine-nato "$article" -o "$tmp/keep"
check "the user's file is kept" test "$(cat "$tmp/keep/notes.txt")" = "my notes"
check "the old report is replaced" grep -q '"stancegraph":"report"' "$tmp/keep/report.json"
check "no temporary folder left" test -z "$(ls -d "$tmp"/keep.* 2>/dev/null)"

# ---- feedback: summary line, -q ------------------------------------------------------
ok "summary" -- "$bin" report -t ukraine-nato "$article" -o "$tmp/sum"
check "one summary line" grep -qE '^stancegraph: 1 document, [0-9]+ statements, [0-9]+ actors, [0-9]+ camps, 0 warnings$' "$tmp/err"
ok "quiet" -- "$bin" report -q -t ukraine-nato "$article" -o "$tmp/sum"
# (a library below may print its own noise under load, e.g. fontconfig: only ours counts)
check "-q prints no summary or progress (got: $(cat "$tmp/err"))" bash -c "! grep -q '^stancegraph:' '$tmp/err'"
# progress when stderr is a terminal (script(1) gives the command a pseudo-terminal)
if command -v script >/dev/null; then
  script -qec "'$bin' extract -t ukraine-nato '$article' -o '$tmp/tty.jsonl'" /dev/null >"$tmp/tty.txt" 2>&1
  check "progress on a terminal: documents and MB/s" grep -q "1/1 documents, [0-9.]* MB/s" "$tmp/tty.txt"
  script -qec "'$bin' extract -q -t ukraine-nato '$article' -o '$tmp/tty.jsonl'" /dev/null >"$tmp/tty-q.txt" 2>&1
  check "-q: no progress on a terminal" bash -c "! grep -q 'documents' '$tmp/tty-q.txt'"
else
  echo "SKIPPED: progress on a terminal (script(1) is not installed); not checked"
fi
ok "build summary" -- "$bin" build "$dna" -o "$tmp/dna.json"
check "build summary" grep -qE '^stancegraph: 40 statements, 7 actors, 0 warnings$' "$tmp/err"

# ---- decisions in the outputs --------------------------------------------------------
py "
import json; r = json.load(open('$tmp/sum/report.json'))
b = r['blocking']
assert b['body'] == 'NATO' and b['members'] == 32, b   # NATO on 2024-11-23: Sweden is in
assert b['outcome'] == 'blocked' and b['blockers'] == ['Germany', 'United States'], b
assert r['balance']['trivial'] is True and 'construction' in r['balance']['note']"
# the title as one line: DOT continues long strings with a backslash-newline, and the
# title's own lines are separated by \n
cat >"$tmp/title_has.py" <<'PY'
import sys
t = open(sys.argv[1]).read().replace("\\\n", "").replace("\\n", " ")
sys.exit(0 if sys.argv[2] in t else 1)
PY
title_has() { python3 "$tmp/title_has.py" "$1" "$2"; }
check "title states the blockers" title_has "$tmp/sum/camps.dot" "Germany and United States can each stop it alone"
# an EU trade question decided by qualified majority: opponents are no blockers
cat >"$tmp/trade.json" <<'EOF'
{"topics":[{"id":"eu-trade","label":"the EU trade agreement","terms":[["agreement","deal"]],
 "decision":{"body":"Council of the European Union","rule":"qualified-majority"}}]}
EOF
cat >"$tmp/trade_2025-03-01.txt" <<'EOF'
France opposes the deal. Poland opposes the deal. Austria opposes the deal.
Germany supports the deal. Spain supports the deal.
EOF
ok "qmv report" -- "$bin" report -t eu-trade --topics "$tmp/trade.json" "$tmp/trade_2025-03-01.txt" -o "$tmp/trade"
py "
import json; r = json.load(open('$tmp/trade/report.json'))
b = r['blocking']
assert b['members'] == 27 and b['needed'] == 15, b
assert b['outcome'] == 'undecided' and b['blockers'] == [] and b['blocking_minority'] == [], b
assert sorted(b['opponents']) == ['Austria', 'France', 'Poland'], b
assert abs(b['population']['opponents_share'] - 0.2552) < 0.001, b['population']"
check "no blocker octagon under qualified majority" bash -c "! grep -q 'shape=octagon' '$tmp/trade/camps.dot'"
check "title: undecided, opponents cannot block" title_has "$tmp/trade/camps.dot" "undecided: 2 of 27 support (15 needed)"
check "title: not enough to block" title_has "$tmp/trade/camps.dot" "not enough to block"
cat >"$tmp/bad-rule.json" <<'EOF'
{"topics":[{"id":"x","terms":[["x"]],"decision":{"body":"NATO","rule":"consensus"}}]}
EOF
expect 2 "unknown decision rule \"consensus\"" -- "$bin" lexicon check --topics "$tmp/bad-rule.json"

# build --topics keeps the topic's decision and label for the step-by-step pipeline
ok "extract" -- "$bin" extract -q -t eu-trade --topics "$tmp/trade.json" "$tmp/trade_2025-03-01.txt" -o "$tmp/trade.jsonl"
ok "build --topics" -- "$bin" build -q "$tmp/trade.jsonl" -t eu-trade --topics "$tmp/trade.json" -o "$tmp/trade-graph.json"
py "
import json; g = json.load(open('$tmp/trade-graph.json'))
d = g['decision']
assert d['body'] == 'Council of the European Union' and len(d['members']) == 27, d
assert len(d['weights']) == 27 and g['topic_labels'] == {'eu-trade': 'the EU trade agreement'}"

# ---- DNA users: filters, edge lists, matrices, two-mode --------------------------------
ok "filter actor" -- "$bin" build -q "$dna" --actor "Sierra Club" --actor Senate -o "$tmp/f.json"
py "
import json; g = json.load(open('$tmp/f.json'))
assert sorted(n['id'] for n in g['nodes']) == ['Senate', 'Sierra Club'], g['nodes']"
ok "filter source" -- "$bin" build -q "$dna" --source 109 -o "$tmp/s.json"
py "
import json
want = sum(1 for l in open('$dna') if json.loads(l)['source'] == '109')
assert json.load(open('$tmp/s.json'))['statements'] == want, want"
expect 2 "no statements pass the filters" -- "$bin" build "$dna" --source "Le Monde" -o "$tmp/s2.json"
ok "filter person" -- "$bin" build -q "$dna" --variable1 person -o "$tmp/p.json"
py "
import json; g = json.load(open('$tmp/p.json'))
ids = {n['id'] for n in g['nodes']}
assert 'Joel Bluestein' in ids and 'Sierra Club' not in ids, ids   # people, not organisations"
ok "filter dates" -- "$bin" build -q "$dna" --from 2005-01-01 --to 2005-12-31 -o "$tmp/d.json"
py "
import json; g = json.load(open('$tmp/d.json'))
assert g['date_range'][0] >= '2005-01-01' and g['date_range'][1] <= '2005-12-31', g['date_range']"
printf 'from;to;sign\r\n"Sierra\nClub";"EPA; the agency";1\r\nSenate;"EPA; the agency";-1\r\n' >"$tmp/semi.csv"
ok "edges ;" -- "$bin" build -q --edges "$tmp/semi.csv" --delimiter ';' -o "$tmp/semi.json"
ok "analyze" -- "$bin" analyze -q "$tmp/semi.json" -o "$tmp/semi-report.json"
ok "render edges" -- "$bin" render "$tmp/semi-report.json" -o "$tmp/semi.edges.csv"
py "
import csv
rows = list(csv.DictReader(open('$tmp/semi.edges.csv', newline='')))
names = {r['source'] for r in rows} | {r['target'] for r in rows}
assert 'Sierra\nClub' in names and 'EPA; the agency' in names, names
assert all(r['type'] == 'Undirected' and r['kind'] == 'tie' for r in rows), rows"
ok "render dot" -- "$bin" render "$tmp/semi-report.json" -o "$tmp/semi.dot"
check "an undirected edge list has no arrows" bash -c "! grep -q 'dir=forward' '$tmp/semi.dot'"
ok "two-mode build" -- "$bin" build -q "$dna" --network-type twomode -o "$tmp/tm.json"
ok "two-mode analyze" -- "$bin" analyze -q "$tmp/tm.json" -o "$tmp/tm-report.json"
py "
import json; r = json.load(open('$tmp/tm-report.json'))
assert len(r['twomode_edges']) == 21, len(r['twomode_edges'])"
ok "one-mode matrix" -- "$bin" render "$tmp/sum/report.json" -o "$tmp/m.matrix.csv"
ok "two-mode matrix" -- "$bin" render "$tmp/tm-report.json" --twomode -o "$tmp/tm.matrix.csv"
ok "two-mode dl" -- "$bin" render "$tmp/tm-report.json" --twomode -o "$tmp/tm.dl"
ok "one-mode dl" -- "$bin" render "$tmp/sum/report.json" -o "$tmp/m.dl"
py "
import csv
rows = list(csv.reader(open('$tmp/tm.matrix.csv', newline='')))
assert rows[0][0] == '' and len(rows) == 8 and len(rows[0]) == 7, rows[0]
m = {r[0]: list(map(float, r[1:])) for r in rows[1:]}
assert sum(abs(v) for r in m.values() for v in r) > 0
one = list(csv.reader(open('$tmp/m.matrix.csv', newline='')))
ids = one[0][1:]
assert [r[0] for r in one[1:]] == ids
v = [[float(x) for x in r[1:]] for r in one[1:]]
assert all(v[i][j] == v[j][i] for i in range(len(ids)) for j in range(len(ids)))
dl = open('$tmp/tm.dl').read().split('\n')
assert dl[0] == 'dl nr=7 nc=6' and 'data:' in dl"

# ---- engines, sizes ------------------------------------------------------------------
dot -Tsvg "$tmp/sum/camps.dot" >"$tmp/dot.svg" 2>/dev/null
neato -Tsvg "$tmp/sum/camps.dot" >"$tmp/neato.svg" 2>/dev/null
check "neato camps.dot differs from dot camps.dot" bash -c "! cmp -s '$tmp/dot.svg' '$tmp/neato.svg'"
# a report with 300 busy actors: the PNG stays under 4000 px on its longest side
python3 - "$tmp/big.json" <<'PY'
import json, sys
actors = [{"id": f"Actor {i:03d}", "stance": ["support", "oppose", "neutral"][i % 3],
           "score": [1, -1, 0][i % 3], "statements": 40000 - 100 * i, "camp": 1 + i % 3}
          for i in range(300)]
camps = [{"id": c, "members": [a["id"] for a in actors if a["camp"] == c], "stance": s}
         for c, s in ((1, "support"), (2, "oppose"), (3, "neutral"))]
edges = [{"source": actors[i]["id"], "target": actors[j]["id"], "weight": 1 if (i - j) % 3 == 0 else -1}
         for i in range(300) for j in range(i + 1, min(300, i + 4))]
json.dump({"stancegraph": "report", "version": 1, "topics": [f"topic {k}" for k in range(6)],
           "actors": actors, "camps": camps, "edges": edges}, open(sys.argv[1], "w"))
PY
ok "big png" -- "$bin" render "$tmp/big.json" -o "$tmp/big.png"
py "
import struct
h = open('$tmp/big.png', 'rb').read(24)
w, hgt = struct.unpack('>II', h[16:24])
assert max(w, hgt) < 4000, (w, hgt)"

[ "$fail" = 0 ] && echo "outputs_cli: all passed"
exit "$fail"
