#!/usr/bin/env bash
# tests/cli/explain_why_not.sh BIN - `explain --why-not ACTOR`: for each sentence naming
# the actor, what its mention and every cue got; usage errors without --topic or for an
# unknown actor.
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Ukraine wants to join NATO.\nTalks with Denmark continue.\nDenmark opposes Ukraine'"'"'s NATO membership.\n' >"$tmp/art_2024-06-01.txt"
out=$("$bin" explain -q -t ukraine-nato --why-not Denmark "$tmp/art_2024-06-01.txt") || { echo "FAIL: why-not exit $?"; fail=1; }
for want in 'sentence 2:' 'prepositional phrase' 'no stance cue' 'sentence 3:' 'held by Denmark' '=> Denmark opposes ukraine-nato'; do
  printf '%s\n' "$out" | grep -q -- "$want" || { echo "FAIL: why-not output lacks '$want':"; printf '%s\n' "$out"; fail=1; }
done
printf '%s\n' "$out" | grep -q 'sentence 1:' && { echo "FAIL: sentence 1 does not name Denmark"; fail=1; }
# JSONL documents are explained one by one
printf '{"id":"j1","date":"2024-06-01","text":"Denmark opposes Ukraine'"'"'s NATO membership."}\n' >"$tmp/d.jsonl"
"$bin" explain -q -t ukraine-nato --why-not Denmark "$tmp/d.jsonl" | grep -q '^j1: Denmark on ukraine-nato' || { echo "FAIL: jsonl why-not"; fail=1; }
"$bin" explain -q --why-not Denmark "$tmp/art_2024-06-01.txt" 2>/dev/null && { echo "FAIL: --why-not without --topic accepted"; fail=1; }
"$bin" explain -q -t ukraine-nato --why-not Atlantis "$tmp/art_2024-06-01.txt" 2>"$tmp/err" && { echo "FAIL: unknown actor accepted"; fail=1; }
grep -q 'unknown actor' "$tmp/err" || { echo "FAIL: unknown actor message: $(cat "$tmp/err")"; fail=1; }
[ $fail = 0 ] && echo "explain_why_not: all passed"
exit $fail
