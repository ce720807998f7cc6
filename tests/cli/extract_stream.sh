#!/usr/bin/env bash
# tests/cli/extract_stream.sh BIN - the document stream (library reader -> bounded ring ->
# worker threads -> output in input order): text and JSONL files mixed give the same bytes
# on 1 and 4 threads; a bad line in the middle stops with its line number after the
# statements of every document before it, whatever the threads; text after a JSON
# document on its line is an error. scripts/test also runs it under ThreadSanitizer.
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
art=examples/T1_seed_bloomberg_2024-11-23.txt
python3 - "$art" "$tmp" <<'PY'
import json, sys
a = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2] + "/docs.jsonl", "w") as f:
    for i in range(300):
        f.write(json.dumps({"id": "d%d" % i, "date": "2024-11-23", "text": a}) + "\n")
        if i % 50 == 0:
            f.write("\n")
with open(sys.argv[2] + "/bad.jsonl", "w") as f:
    for i in range(300):
        f.write(json.dumps({"id": "d%d" % i, "date": "2024-11-23", "text": a}) + "\n"
                if i != 200 else "{not json\n")
with open(sys.argv[2] + "/head.jsonl", "w") as f:
    for i in range(200):
        f.write(json.dumps({"id": "d%d" % i, "date": "2024-11-23", "text": a}) + "\n")
with open(sys.argv[2] + "/two.jsonl", "w") as f:
    f.write(json.dumps({"id": "x", "text": a}) + " " + json.dumps({"id": "y", "text": a}) + "\n")
PY
files=("$art" "$tmp/docs.jsonl" tests/heldout/*.txt "$art")
"$bin" extract -j 1 "${files[@]}" >"$tmp/one" || { echo "FAIL: -j 1"; fail=1; }
"$bin" extract -j 4 "${files[@]}" >"$tmp/four" || { echo "FAIL: -j 4"; fail=1; }
if ! cmp -s "$tmp/one" "$tmp/four"; then echo "FAIL: -j 4 differs from -j 1"; fail=1; fi
if [ "$(wc -l <"$tmp/one")" -lt 1000 ]; then echo "FAIL: only $(wc -l <"$tmp/one") statements"; fail=1; fi

"$bin" extract -t ukraine-nato -j 1 "$tmp/head.jsonl" >"$tmp/head" || fail=1
for j in 1 4; do
  "$bin" extract -t ukraine-nato -j $j "$tmp/bad.jsonl" >"$tmp/bad$j" 2>"$tmp/err$j"
  rc=$?
  if [ $rc -ne 2 ] || ! grep -q "bad.jsonl:201: malformed JSON" "$tmp/err$j"; then
    echo "FAIL: -j $j bad line: exit $rc, $(cat "$tmp/err$j")"; fail=1
  fi
  if ! cmp -s "$tmp/head" "$tmp/bad$j"; then
    echo "FAIL: -j $j: the statements before the bad line differ from those of its 200 documents"; fail=1
  fi
done
"$bin" extract -t ukraine-nato "$tmp/two.jsonl" >/dev/null 2>"$tmp/err"
if [ $? -ne 2 ] || ! grep -q "two.jsonl:1: text after the document" "$tmp/err"; then
  echo "FAIL: two documents on one line: $(cat "$tmp/err")"; fail=1
fi
[ $fail = 0 ] && echo "extract_stream: identical on 1 and 4 threads, errors in order"
exit $fail
