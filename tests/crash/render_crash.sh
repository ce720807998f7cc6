#!/usr/bin/env bash
# tests/crash/render_crash.sh BIN SHIM - Graphviz crashing inside a layout (issue 8: a
# SIGSEGV in sfdp on a large graph) must never crash the command. SHIM (gv_crash.c,
# LD_PRELOAD) makes gvLayout die of SIGSEGV for the engines in SG_TEST_CRASH_ENGINES.
# render and report must then draw the diagram with the grid layout, say so in one
# warning per diagram and exit 0; when the grid's drawing crashes too, exit 3 with one
# error line and no output file.
set -u
bin=$1
shim=$2
. "$(dirname "$0")/../testlib.sh"
crashing() { # crashing ENGINES command...: run with the shim crashing those engines
  local engines=$1; shift
  LD_PRELOAD=$shim SG_TEST_CRASH_ENGINES=$engines "$@"
}
sample=tests/data/render/sample_report.json

# the shim works: without the fallback the process would die of SIGSEGV
crashing dot "$bin" render "$sample" -f dot -o "$tmp/plain.dot"
ok "DOT needs no layout: the shim does not touch it" test $? -eq 0

# a small report (dot by size) and an explicit --engine sfdp
for engine in "" sfdp; do
  args=()
  [ -n "$engine" ] && args=(--engine "$engine")
  crash=${engine:-dot}
  for fmt in svg png pdf html; do
    crashing "$crash" "$bin" render "${args[@]}" "$sample" -o "$tmp/c.$fmt" 2>"$tmp/err"
    st=$?
    ok "render $fmt with $crash crashing exits 0 (status $st)" test "$st" -eq 0
    ok "render $fmt: one warning naming the crash: $(cat "$tmp/err")" \
      sh -c "[ \$(wc -l <'$tmp/err') -eq 1 ] && grep -q 'Graphviz crashed laying out the $fmt diagram.*signal 11.*--engine grid' '$tmp/err'"
    "$bin" render --engine grid "$sample" -o "$tmp/g.$fmt"
    ok "render $fmt: the fallback is the grid drawing" cmp -s "$tmp/c.$fmt" "$tmp/g.$fmt"
  done
done
ok "the SVG is a drawing" grep -q '<svg' "$tmp/c.svg"
ok "the HTML page holds its SVG" grep -q '<svg' "$tmp/c.html"

# without a crash the child process changes nothing: the same bytes twice
"$bin" render "$sample" -o "$tmp/a.png" && "$bin" render "$sample" -o "$tmp/b.png"
ok "rendering in a child is deterministic" cmp -s "$tmp/a.png" "$tmp/b.png"

# a large graph: more than 150 actors, sfdp by size
python3 scripts/gen-synthetic.py -a 300 -n 3000 -t 30 -o "$tmp/s.jsonl"
"$bin" -q build "$tmp/s.jsonl" -o "$tmp/g.json" && "$bin" -q analyze "$tmp/g.json" -o "$tmp/r.json"
crashing sfdp "$bin" render "$tmp/r.json" -o "$tmp/big.svg" 2>"$tmp/err"
ok "300 actors, sfdp crashing: exit 0" test $? -eq 0
ok "300 actors: warned" grep -q 'with the engine chosen by size' "$tmp/err"
ok "300 actors: every actor drawn" test "$(grep -c 'class="node"' "$tmp/big.svg")" -eq 300

# report: every diagram falls back, the folder is complete
cp examples/T1_seed_bloomberg_2024-11-23.txt "$tmp/a.txt"
crashing dot,sfdp,neato "$bin" report -t ukraine-nato "$tmp/a.txt" -o "$tmp/rep" 2>"$tmp/err"
ok "report with Graphviz crashing exits 0" test $? -eq 0
ok "report warns once per drawn diagram: $(cat "$tmp/err")" \
  test "$(grep -c 'Graphviz crashed' "$tmp/err")" -eq 3
ok "report wrote camps.svg, camps.png and report.html" \
  test -s "$tmp/rep/camps.svg" -a -s "$tmp/rep/camps.png" -a -s "$tmp/rep/report.html"

# the grid's drawing crashes too: an error, nothing written
crashing dot,nop "$bin" render "$sample" -o "$tmp/none.svg" 2>"$tmp/err"
st=$?
ok "both crashing: exit 3 (status $st)" test "$st" -eq 3
ok "both crashing: the last line is the error: $(tail -1 "$tmp/err")" \
  sh -c "tail -1 '$tmp/err' | grep -q '^stancegraph: .*grid layout too (signal 11'"
ok "both crashing: no output" test ! -e "$tmp/none.svg"
ok "no temp file left" sh -c "! find '$tmp' -name '*.tmp.*' | grep -q ."
exit $fail
