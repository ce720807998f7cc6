#!/usr/bin/env bash
# tests/cli/strict.sh BIN - a malformed line in the middle of a JSONL stream (issue 8,
# "nothing lost"). extract writes statements to stdout as documents are read, so without
# --strict those before the bad line stay written (documented); with --strict the whole
# input is checked first (stdin through a temporary copy) and nothing is written; build
# reads every statement before writing, so it writes nothing in either case.
set -u
bin=$1
. "$(dirname "$0")/../testlib.sh"
one_error() { # one_error FILE PATTERN: stderr is one line matching PATTERN
  [ "$(wc -l <"$1")" -eq 1 ] && grep -q "$2" "$1"
}

# 12 documents, line 10 malformed (text after the object)
python3 - "$tmp" <<'EOF2'
import json, sys
d = sys.argv[1]
text = open("examples/T1_seed_bloomberg_2024-11-23.txt", encoding="utf-8").read()
lines = [json.dumps({"id": "d%d" % i, "date": "2024-11-23", "text": text}) for i in range(12)]
with open(d + "/good.jsonl", "w") as f:
    f.write("\n".join(lines) + "\n")
lines[9] = lines[9] + " trailing"
with open(d + "/bad.jsonl", "w") as f:
    f.write("\n".join(lines) + "\n")
EOF2
x() { "$bin" -q extract -t ukraine-nato "$@"; }

# without --strict: the documents before line 10 are written, then the error
x "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
ok "extract stops at the bad line (exit 2)" test $? -eq 2
ok "extract names file:line: $(cat "$tmp/err")" one_error "$tmp/err" '^stancegraph: .*bad.jsonl:10: '
ok "extract without --strict streamed the statements before it" test -s "$tmp/out"
ok "... only of the documents before it" sh -c "! grep -q '\"doc\":\"d9\"' '$tmp/out'"

# --strict: nothing at all, same error
for j in 1 2; do
  x --strict -j$j "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
  ok "extract --strict -j$j fails (exit 2)" test $? -eq 2
  ok "extract --strict -j$j writes nothing" test ! -s "$tmp/out"
  ok "extract --strict -j$j names file:line: $(cat "$tmp/err")" one_error "$tmp/err" '^stancegraph: .*bad.jsonl:10: text after'
done
x --strict - <"$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
ok "extract --strict on stdin writes nothing" test $? -eq 2 -a ! -s "$tmp/out"
ok "extract --strict on stdin names <stdin>:10: $(cat "$tmp/err")" one_error "$tmp/err" '^stancegraph: <stdin>:10: '
# a good first file, a bad second one: nothing from the first either
x --strict "$tmp/good.jsonl" "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
ok "extract --strict GOOD BAD writes nothing" test $? -eq 2 -a ! -s "$tmp/out"
# a text file with invalid UTF-8 after a good JSONL file
printf 'Germany opposes Ukraine joining NATO. \377\n' >"$tmp/bad_2024-11-23.txt"
x --strict "$tmp/good.jsonl" "$tmp/bad_2024-11-23.txt" >"$tmp/out" 2>"$tmp/err"
st=$?
ok "extract --strict GOOD BAD.txt writes nothing: $(cat "$tmp/err")" test $st -eq 2 -a ! -s "$tmp/out"
ok "... and names the text file" one_error "$tmp/err" '^stancegraph: .*bad_2024-11-23.txt:1: invalid UTF-8'
x --strict "$tmp/bad.jsonl" -o "$tmp/o.jsonl" 2>/dev/null
ok "extract --strict -o: no file, no temp file" sh -c "[ ! -e '$tmp/o.jsonl' ] && ! find '$tmp' -name '*.tmp.*' | grep -q ."

# --strict on a good input changes nothing, from a file or from stdin, for any -j
x "$tmp/good.jsonl" >"$tmp/plain"
x --strict -j2 "$tmp/good.jsonl" >"$tmp/s1"
x --strict -j1 - <"$tmp/good.jsonl" >"$tmp/s2"
ok "good input: some statements" test -s "$tmp/plain"
ok "good input: --strict gives the same statements" cmp -s "$tmp/plain" "$tmp/s1"
ok "good input: --strict on stdin gives the same statements" cmp -s "$tmp/plain" "$tmp/s2"
x --strict - "$tmp/good.jsonl" <"$tmp/good.jsonl" >"$tmp/s3"
ok "stdin and a file: both extracted" test "$(wc -l <"$tmp/s3")" -eq $(( 2 * $(wc -l <"$tmp/plain") ))

# build: all or nothing without any option
head -20 "$tmp/plain" >"$tmp/st.jsonl"
printf '{"doc":"d","actor":"A","topic":"t","stance":1} {"x":1}\n' >>"$tmp/st.jsonl"
tail -n +21 "$tmp/plain" >>"$tmp/st.jsonl"
"$bin" -q build "$tmp/st.jsonl" >"$tmp/g.out" 2>"$tmp/err"
ok "build stops at the bad statement (exit 2)" test $? -eq 2
ok "build names file:line: $(cat "$tmp/err")" one_error "$tmp/err" '^stancegraph: .*st.jsonl:21: '
ok "build wrote nothing to stdout" test ! -s "$tmp/g.out"
"$bin" -q build - <"$tmp/st.jsonl" -o "$tmp/g.json" 2>/dev/null
ok "build -o from stdin: no file" test ! -e "$tmp/g.json"
exit $fail
