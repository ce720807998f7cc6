#!/usr/bin/env bash
# tests/cli/eval_corpora.sh BIN - the extractor's quality floor, measured with
# `stancegraph eval` (same rules as ../shared/eval/score.py): the dev corpus (copied into
# tests/data/dev) must keep stance F1 >= 0.95, the held-out corpora (real articles on
# other topics, never tuned on sentence by sentence) must not fall below their floors.
set -u
bin=$1
fail=0
check() { # GOLD DIR FLOOR [eval options: --topics FILE]
  local out f1
  out=$("$bin" eval "$1" --corpus "$2" "${@:4}") || { echo "FAIL: eval $1"; fail=1; return; }
  f1=$(printf '%s\n' "$out" | sed -n 's/^stances: .* F1 \([0-9.]*\)$/\1/p')
  echo "$2: stance F1 $f1 (floor $3)"
  if ! python3 -c "import sys; sys.exit(0 if float('$f1') >= $3 else 1)"; then
    printf '%s\n' "$out" | head -40
    echo "FAIL: $2 stance F1 $f1 < $3"; fail=1
  fi
}
check tests/data/dev/gold.jsonl tests/data/dev 0.95
check tests/heldout/gold.jsonl tests/heldout 0.85
check tests/heldout2/gold.jsonl tests/heldout2 0.75
check tests/heldout3/gold.jsonl tests/heldout3 0.71
# far-domain development corpora: real articles on questions outside the European
# security sphere, scored with the terms-only topics files a new user wrote
check tests/far-dev-a/gold.jsonl tests/far-dev-a 0.81 --topics tests/far-dev-a/topics.json
check tests/far-dev-b/gold.jsonl tests/far-dev-b 0.71 --topics tests/far-dev-b/topics.json
check tests/far-dev-c/gold.jsonl tests/far-dev-c 0.82 --topics tests/far-dev-c/topics.json
check tests/far-dev-d/gold.jsonl tests/far-dev-d 0.70 --topics tests/far-dev-d/topics.json
# far-dev-d (session 3, 36 articles, 6 questions) is a development corpus; far-holdout
# (session 1; first run 0.585) and far-holdout2 (session 2; first run 0.488) were held out
# when made and used for error analysis in session 3 (0.656 and 0.681 after it);
# floors only catch regressions
check tests/far-holdout/gold.jsonl tests/far-holdout 0.65 --topics tests/far-holdout/topics.json
check tests/far-holdout2/gold.jsonl tests/far-holdout2 0.68 --topics tests/far-holdout2/topics.json
# far-holdout3 (session 3): untouched until the end; 0.451 with the session's start code,
# first run with its final extraction code 0.437; 0.624 after error analysis on it (a
# vote-record rule among others), so it is no longer held out
check tests/far-holdout3/gold.jsonl tests/far-holdout3 0.64 --topics tests/far-holdout3/topics.json
# far-dev-e and far-dev-f (session 4, 40 articles and 8 questions each) are development
# corpora: first runs 0.454 and 0.283 with the session's start code
check tests/far-dev-e/gold.jsonl tests/far-dev-e 0.61 --topics tests/far-dev-e/topics.json
check tests/far-dev-f/gold.jsonl tests/far-dev-f 0.69 --topics tests/far-dev-f/topics.json
# far-holdout4 (session 4, 40 articles, 8 questions): untouched until the end; 0.556 with
# the session's start code, first run with its final extraction code 0.552; 0.595 after
# error analysis on it (gerund heads: "Those abstaining included A, B"), so no longer held out
check tests/far-holdout4/gold.jsonl tests/far-holdout4 0.57 --topics tests/far-holdout4/topics.json
# malformed gold: one line naming file and line
printf '{"file":"a","topic":"t","stances":[{"actor":"X","stance":"maybe"}]}\n' >/tmp/sg-badgold.$$
if "$bin" eval /tmp/sg-badgold.$$ --corpus tests/data/dev 2>/tmp/sg-err.$$; then echo "FAIL: bad gold accepted"; fail=1; fi
grep -q "sg-badgold.$$:1:" /tmp/sg-err.$$ || { echo "FAIL: bad gold message: $(cat /tmp/sg-err.$$)"; fail=1; }
rm -f /tmp/sg-badgold.$$ /tmp/sg-err.$$
exit $fail
