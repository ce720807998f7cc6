#!/usr/bin/env bash
# tests/cli/graph_cli.sh BIN - build / analyze / merge from the command line: help,
# pipes, DNA and tribes results, one-line errors with FILE:LINE, exit codes, atomic -o.
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dna=tests/data/shared/dna-sample/statements.jsonl
tribes=tests/data/shared/signed/tribes_named.csv

# expect CODE PATTERN -- command...: exit code, one stderr line matching PATTERN
expect() {
  local code=$1 pattern=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$code" ] || ! grep -q -- "$pattern" "$tmp/err" || [ "$(wc -l <"$tmp/err")" -gt 2 ]; then
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
py() { python3 -c "$@" || { echo "FAIL: check: $1"; fail=1; }; }

for cmd in build analyze merge; do
  ok "$cmd --help" -- "$bin" "$cmd" --help
  grep -q "usage: stancegraph $cmd" "$tmp/out" || { echo "FAIL: $cmd --help on stdout"; fail=1; }
done

# DNA's sample: one-mode "ignore" sums to 276 (both triangles), 21 edges
ok "build dna" -- "$bin" build "$dna" --qualifier-aggregation ignore -o "$tmp/dna.json"
py "
import json; g = json.load(open('$tmp/dna.json'))
assert len(g['edges']) == 21 and round(2 * sum(e['weight'] for e in g['edges'])) == 276, g['edges']"

# pipes: statements on stdin, graph through a pipe, report on stdout
if ! "$bin" build - <"$dna" | "$bin" analyze - >"$tmp/report.json" 2>"$tmp/err"; then
  echo "FAIL: pipe: $(cat "$tmp/err")"; fail=1
fi
py "
import json; r = json.load(open('$tmp/report.json'))
assert r['stancegraph'] == 'report' and len(r['actors']) == 7 and r['camps'], r.keys()"

# the tribes: three published camps, frustration index 7
ok "build tribes" -- "$bin" build --edges "$tribes" -o "$tmp/tribes.json"
ok "analyze tribes" -- "$bin" analyze --method spinglass --seed 42 "$tmp/tribes.json" -o "$tmp/tribes_report.json"
py "
import json; r = json.load(open('$tmp/tribes_report.json'))
camps = sorted(sorted(c['members']) for c in r['camps'])
want = sorted(sorted(x) for x in [['GAVEV','KOTUN','NAGAD','GAMA'],
  ['OVE','ALIKA','GAHUK','MASIL','UKUDZ','GEHAM','ASARO'],['NAGAM','NOTOH','KOHIK','UHETO','SEUVE']])
assert camps == want, camps
assert r['balance']['frustration'] == 7 and r['balance']['frustration_exact'], r['balance']"

# merge of two halves (by document) equals one build over all
grep -E '"doc": "doc[1-3]"' "$dna" >"$tmp/a.jsonl"
grep -vE '"doc": "doc[1-3]"' "$dna" >"$tmp/b.jsonl"
ok "build a" -- "$bin" build --normalization average --window 7d "$tmp/a.jsonl" -o "$tmp/a.json"
ok "build b" -- "$bin" build --normalization average --window 7d "$tmp/b.jsonl" -o "$tmp/b.json"
ok "build all" -- "$bin" build --normalization average --window 7d "$dna" -o "$tmp/all.json"
ok "merge" -- "$bin" merge "$tmp/a.json" "$tmp/b.json" -o "$tmp/merged.json"
py "
import json
def edges(p): return [(e['source'], e['target'], e['weight']) for e in json.load(open(p))['edges']]
assert edges('$tmp/all.json') == edges('$tmp/merged.json')"

# errors: one line naming FILE:LINE, exit 2 for input, 1 for usage
expect 2 "bad-stance.jsonl:2: .*stance" -- "$bin" build tests/bad/bad-stance.jsonl
expect 2 "bad-date.jsonl:3: .*YYYY-MM-DD" -- "$bin" build tests/bad/bad-date.jsonl
expect 2 "bad-edges.csv:3: sign" -- "$bin" build --edges tests/bad/bad-edges.csv
expect 2 "no-such.jsonl: cannot open" -- "$bin" build tests/bad/no-such.jsonl
expect 2 "bad-graph.json:3: .*not a node" -- "$bin" analyze tests/bad/bad-graph.json
expect 2 "statements.jsonl:2: not a graph.json" -- "$bin" analyze "$dna"
expect 2 "b.json: built with other settings" -- "$bin" merge "$tmp/dna.json" "$tmp/b.json"
expect 1 "normalization must be" -- "$bin" build --normalization cosinus "$dna"
expect 1 "does not apply to onemode" -- "$bin" build --normalization activity "$dna"
expect 1 "window must be" -- "$bin" build --window 0d "$dna"
expect 1 "step needs --window" -- "$bin" build --step 7d "$dna"
expect 1 "method must be" -- "$bin" analyze --method louvain "$tmp/dna.json"
expect 1 "unknown option" -- "$bin" analyze --bogus

# -o leaves nothing behind on error
"$bin" build -o "$tmp/half.json" tests/bad/bad-stance.jsonl 2>/dev/null
if [ -e "$tmp/half.json" ] || ls "$tmp"/half.json.tmp.* >/dev/null 2>&1; then
  echo "FAIL: output file left after an error"; fail=1
fi
exit $fail
