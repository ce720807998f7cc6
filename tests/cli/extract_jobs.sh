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
# -j N runs N threads in all: N - 1 workers and the reading thread, which extracts too
# (there were N workers besides it). Counted from /proc while a longer input runs; not
# under a sanitizer build, whose runtime starts threads of its own.
if grep -qa -e __asan_init -e __tsan_init "$bin"; then
  echo "extract_jobs: thread count SKIPPED ($bin is a sanitizer build)"
elif [ ! -d /proc/self/task ]; then
  echo "extract_jobs: thread count SKIPPED (no /proc/self/task)"
else
  python3 - "$tmp/many.jsonl" <<'PY'
import json, sys
text = " ".join(["Germany opposes Ukraine joining NATO, but France supports it."] * 20)
with open(sys.argv[1], "w") as f:
    for i in range(1500):
        f.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")
PY
  "$bin" extract -q -j 3 -t ukraine-nato "$tmp/many.jsonl" >"$tmp/many.out" &
  pid=$!
  most=0
  while kill -0 "$pid" 2>/dev/null; do
    k=$(ls /proc/"$pid"/task 2>/dev/null | wc -l)
    [ "$k" -gt "$most" ] && most=$k
  done
  wait "$pid" || { echo "FAIL: extract -j 3 of 1500 documents failed"; exit 1; }
  if [ "$most" -gt 3 ]; then echo "FAIL: -j 3 ran $most threads (want 3 in all)"; exit 1; fi
  if [ "$most" -lt 2 ]; then
    echo "extract_jobs: thread count not checked (the run ended before its threads were seen)"
  else
    echo "extract_jobs: -j 3 ran at most $most threads"
  fi
fi
echo "extract_jobs: $n statements, identical on 1 and 3 threads"

# Long documents (over SG_DOC_WINDOW_BYTES: written window by window, through a queue
# on the worker when threaded) between short ones: the same bytes on 1 and 3 threads.
# Each long text gives about 13 MB of statements, more than the 4 MiB a worker queues
# before it pauses for the writing thread, so the second one waits for the first.
python3 - "$tmp/longa_2024-11-23.txt" "$tmp/longb_2024-11-23.txt" <<'PY'
import sys
for i, path in enumerate(sys.argv[1:]):
    with open(path, "w") as f:
        f.write(("Germany opposes Ukraine joining NATO.\n\n" if i == 0 else
                 "France supports Ukraine's NATO membership.\n\n") * 27000)
PY
set -- "$tmp/longa_2024-11-23.txt" "$tmp/docs.jsonl" "$tmp/longb_2024-11-23.txt"
"$bin" extract -j 1 -t ukraine-nato "$@" >"$tmp/long1" || exit 1
"$bin" extract -j 3 -t ukraine-nato "$@" >"$tmp/long3" || exit 1
if ! cmp -s "$tmp/long1" "$tmp/long3"; then echo "FAIL: long documents: -j 3 differs from -j 1"; exit 1; fi
n=$(wc -l <"$tmp/long1")
if [ "$n" -lt 54000 ]; then echo "FAIL: only $n statements from the long documents"; exit 1; fi
echo "extract_jobs: long documents: $n statements, identical on 1 and 3 threads"
