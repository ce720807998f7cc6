#!/usr/bin/env bash
# tests/cli/render_cli.sh BIN - `stancegraph render`: formats by extension, - for stdin
# and stdout, one-line errors with file and line, exit codes, and atomic output (a
# failed run leaves an existing output file as it was).
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sample=tests/data/render/sample_report.json

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
ok() { # ok DESCRIPTION command...
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; fi
}

for ext in dot svg png pdf graphml csv edges.csv html json; do
  ok "render to .$ext" "$bin" render "$sample" -o "$tmp/camps.$ext"
  ok ".$ext written" test -s "$tmp/camps.$ext"
done
ok "svg is SVG" grep -q "<svg" "$tmp/camps.svg"
ok "png is PNG" sh -c "head -c 4 '$tmp/camps.png' | grep -q PNG"
ok "pdf is PDF" sh -c "head -c 5 '$tmp/camps.pdf' | grep -q '%PDF-'"
ok "edges.csv is the edge list" sh -c "head -n 1 '$tmp/camps.edges.csv' | grep -q '^source,target'"
ok "csv is the node list" sh -c "head -n 1 '$tmp/camps.csv' | grep -q '^id,label,stance'"
ok "stdin to stdout" sh -c "'$bin' render - --format dot < '$sample' | grep -q 'subgraph cluster_1'"
ok "stdout defaults to svg" sh -c "'$bin' render '$sample' | grep -q '<svg'"
ok "two runs, same bytes" sh -c "'$bin' render '$sample' -o '$tmp/again.svg' && cmp -s '$tmp/camps.svg' '$tmp/again.svg'"
ok "--help on stdout" sh -c "'$bin' render --help | grep -q 'usage: stancegraph render'"
ok "--twomode" sh -c "'$bin' render '$sample' --twomode -f dot | grep -q 'topic: ukraine-nato'"
ok "--timeline" "$bin" render tests/data/render/windows_report.json --timeline -o "$tmp/timeline.svg"

printf '{"stancegraph":"graph","version":1,"nodes":[],"edges":[]}\n' >"$tmp/graph.json"
printf '{\n  "stancegraph": "report",\n  oops\n}\n' >"$tmp/bad.json"
printf 'old\n' >"$tmp/keep.svg"
expect 2 "graph.json: .*run 'stancegraph analyze'" -- "$bin" render "$tmp/graph.json" -o "$tmp/g.svg"
expect 2 "bad.json:3: malformed JSON" -- "$bin" render "$tmp/bad.json" -o "$tmp/keep.svg"
ok "failed run keeps the old output" grep -qx old "$tmp/keep.svg"
ok "no temp file left" sh -c "! ls '$tmp' | grep -q 'tmp\\.'"
expect 2 "no-such.json: cannot open" -- "$bin" render "$tmp/no-such.json" -o "$tmp/x.svg"
expect 2 "sample_report.json: .*windows" -- "$bin" render "$sample" --timeline -o "$tmp/t.svg"
expect 1 "unknown layout engine 'warp'" -- "$bin" render "$sample" --engine warp -o "$tmp/x.svg"
expect 1 "cannot tell the format" -- "$bin" render "$sample" -o "$tmp/x.docx"
expect 1 "unknown format 'bmp'" -- "$bin" render "$sample" --format bmp
expect 1 "unknown option" -- "$bin" render --frobnicate "$sample"
exit $fail
