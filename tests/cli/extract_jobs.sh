#!/usr/bin/env bash
# tests/cli/extract_jobs.sh BIN - extraction on several threads gives byte-identical output
# to one thread, and a JSONL input of many documents keeps document order.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/docs.jsonl" <<'PY'
import json, sys
texts = ["Germany opposes Ukraine joining NATO.",
         "France and the United Kingdom support Ukraine's NATO membership.",
         "The Baltic states back Kyiv's bid to join NATO, but Hungary is against it.",
         "NATO said Ukraine's invitation should come only in the future, not now."]
with open(sys.argv[1], "w") as f:
    for i in range(400):
        f.write(json.dumps({"id": f"d{i}", "date": "2024-11-23", "text": texts[i % 4]}) + "\n")
PY
"$bin" extract -j 1 -t ukraine-nato "$tmp/docs.jsonl" >"$tmp/one" || exit 1
"$bin" extract -j 3 -t ukraine-nato "$tmp/docs.jsonl" >"$tmp/three" || exit 1
if ! cmp -s "$tmp/one" "$tmp/three"; then echo "FAIL: -j 3 differs from -j 1"; exit 1; fi
n=$(wc -l <"$tmp/one")
if [ "$n" -lt 700 ]; then echo "FAIL: only $n statements from 400 documents"; exit 1; fi
first=$(head -1 "$tmp/one" | python3 -c 'import json,sys; print(json.load(sys.stdin)["doc"])')
last=$(tail -1 "$tmp/one" | python3 -c 'import json,sys; print(json.load(sys.stdin)["doc"])')
if [ "$first" != d0 ] || [ "$last" != d399 ]; then echo "FAIL: order $first..$last"; exit 1; fi
echo "extract_jobs: $n statements, identical on 1 and 3 threads"
