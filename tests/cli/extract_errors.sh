#!/usr/bin/env bash
# tests/cli/extract_errors.sh BIN - bad input to extract/lexicon/eval gives one clear line
# on stderr naming the file (and line), a non-zero exit, and no output file.
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect CODE PATTERN -- command...
expect() {
  local code=$1 pattern=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  local lines
  lines=$(wc -l <"$tmp/err")
  if [ "$got" != "$code" ] || ! grep -q -- "$pattern" "$tmp/err" || [ "$lines" -gt 2 ]; then
    echo "FAIL: $* -> exit $got (want $code), stderr: $(cat "$tmp/err")"
    fail=1
  fi
}

expect 2 "no-such-file.txt: cannot open" -- "$bin" extract -t ukraine-nato tests/bad/no-such-file.txt
expect 2 "empty.txt: empty file" -- "$bin" extract -t ukraine-nato tests/bad/empty.txt
expect 2 "invalid-utf8.txt:1: invalid UTF-8" -- "$bin" extract -t ukraine-nato tests/bad/invalid-utf8.txt
expect 2 "binary.bin:.*invalid UTF-8" -- "$bin" extract -t ukraine-nato tests/bad/binary.bin
expect 2 "malformed-docs.jsonl:2: malformed JSON" -- "$bin" extract -t ukraine-nato tests/bad/malformed-docs.jsonl
expect 1 "unknown topic \"no-such-topic\"" -- "$bin" extract -t no-such-topic examples/T1_seed_bloomberg_2024-11-23.txt
expect 2 "malformed-topics.json:1: malformed JSON" -- "$bin" extract -t x --topics tests/bad/malformed-topics.json examples/T1_seed_bloomberg_2024-11-23.txt
expect 2 "malformed-topics.json:1: malformed JSON" -- "$bin" lexicon check --topics tests/bad/malformed-topics.json
expect 1 "unknown option" -- "$bin" extract --bogus
expect 1 "unknown command" -- "$bin" frobnicate

# a huge line without newline is fine (no crash, statements found)
python3 -c "import sys; sys.stdout.write('Germany opposes Ukraine joining NATO. ' * 20000)" >"$tmp/huge.txt"
if ! "$bin" extract -t ukraine-nato "$tmp/huge.txt" >"$tmp/huge.jsonl" 2>"$tmp/err"; then
  echo "FAIL: huge line: $(cat "$tmp/err")"; fail=1
elif [ "$(wc -l <"$tmp/huge.jsonl")" -ne 20000 ]; then
  echo "FAIL: huge line gave $(wc -l <"$tmp/huge.jsonl") statements, want 20000"; fail=1
fi

# -o never leaves a half-written file behind on error
"$bin" extract -t ukraine-nato -o "$tmp/out.jsonl" tests/bad/invalid-utf8.txt 2>/dev/null
if [ -e "$tmp/out.jsonl" ] || ls "$tmp"/out.jsonl.tmp.* >/dev/null 2>&1; then
  echo "FAIL: output file left after an error"; fail=1
fi

# a user topic from --topics works
printf 'Iran wants to revive the nuclear deal. France supports the JCPOA.\n' >"$tmp/iran.txt"
if ! "$bin" extract -t nuclear-deal --topics tests/data/topics-iran.json "$tmp/iran.txt" | grep -q '"actor":"France".*"stance":1'; then
  echo "FAIL: user topic from --topics"; fail=1
fi

# --help goes to stdout, exit 0, for every command
for c in extract build analyze render report eval explain lexicon merge; do
  if ! "$bin" "$c" --help >"$tmp/help" 2>/dev/null || ! grep -q "usage: stancegraph $c" "$tmp/help"; then
    echo "FAIL: $c --help"; fail=1
  fi
done
exit $fail
