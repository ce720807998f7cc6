#!/usr/bin/env bash
# tests/cli/graphs_fresh.sh BIN - fails when graphs/ is stale: remakes the example outputs
# with scripts/regen-graphs into a temporary directory and compares them with graphs/.
# Files that do not depend on fonts (JSON, JSONL, DOT, GraphML, CSV) must be byte-identical;
# SVG and HTML are compared with every number masked (text widths, hence coordinates,
# depend on the installed fonts); PNG and PDF must exist. Skips (exit 0) while
# `stancegraph report` says it is not available.
set -u
bin=$1
if "$bin" report 2>&1 | grep -q "not available"; then
  echo "graphs_fresh: skipped ('stancegraph report' is not available in this build yet)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! scripts/regen-graphs -b "$bin" -o "$tmp/graphs" >"$tmp/log" 2>&1; then
  echo "graphs_fresh: scripts/regen-graphs failed:"; cat "$tmp/log"
  exit 1
fi
fail=0
stale() { echo "graphs_fresh: graphs/$1 is stale ($2); run scripts/regen-graphs and review git diff graphs/"; fail=1; }
mask() { sed -E 's/-?[0-9]+(\.[0-9]+)?/N/g' "$1"; }
for f in "$tmp"/graphs/*; do
  name=$(basename "$f")
  [ -f "graphs/$name" ] || { stale "$name" "missing"; continue; }
  case $name in
    *.png|*.pdf) [ -s "graphs/$name" ] || stale "$name" "empty" ;;
    *.svg|*.html) cmp -s <(mask "$f") <(mask "graphs/$name") || stale "$name" "content differs" ;;
    *) cmp -s "$f" "graphs/$name" || stale "$name" "differs" ;;
  esac
done
for f in graphs/*; do
  name=$(basename "$f")
  [ "$name" = README.md ] && continue
  [ -f "$tmp/graphs/$name" ] || stale "$name" "no longer made"
done
[ $fail -eq 0 ] && echo "graphs_fresh: graphs/ is up to date"
exit $fail
