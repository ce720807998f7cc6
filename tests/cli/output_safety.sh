#!/usr/bin/env bash
# tests/cli/output_safety.sh BIN - the output-file layer (issue 8, "nothing lost"): only
# regular or absent files go through temp-and-rename; a FIFO or device is written in
# place and a symlink is followed; an output that is an input is refused; temp files are
# removed when SIGTERM, SIGINT or SIGXFSZ ends a run; SIGPIPE ends quietly; a failed
# `report` leaves its folder as it was; error lines carry no terminal control bytes.
set -u
bin=$1
. "$(dirname "$0")/../testlib.sh"
no_temp() { ! find "$tmp" -name '*.tmp.*' | grep -q .; }

# statements: enough actors that graph.json is far larger than a pipe buffer (one topic
# each, so that there are no co-stance edges and build stays fast)
for i in $(seq 1 3000); do
  printf '{"doc":"d%d","actor":"Actor %d","topic":"t%d","stance":%d}\n' "$i" "$i" "$i" $((i % 2 ? 1 : -1))
done >"$tmp/s.jsonl"

# a FIFO is written in place, not replaced by a regular file
mkfifo "$tmp/fifo"
timeout 20 cat "$tmp/fifo" >"$tmp/from-fifo" &  # bounded: an old build renames over the FIFO
reader=$!
ok "build -o FIFO" "$bin" build "$tmp/s.jsonl" -o "$tmp/fifo"
wait "$reader"
ok "the FIFO is still a FIFO" test -p "$tmp/fifo"
ok "the data went through the FIFO" grep -q '"stancegraph":"graph"' "$tmp/from-fifo"
# (/dev/null takes the same path as the FIFO; it is not tested directly because a
# regression would replace the machine's /dev/null when CI runs as root)

# a symlink is followed: the link stays, its target gets the data
printf 'old\n' >"$tmp/real.json"
ln -s real.json "$tmp/link.json"
ok "build -o symlink" "$bin" build "$tmp/s.jsonl" -o "$tmp/link.json"
ok "the link is still a link" test -L "$tmp/link.json"
ok "its target was written" grep -q '"stancegraph":"graph"' "$tmp/real.json"
chmod 0640 "$tmp/real.json"
ok "rewrite keeps the mode" sh -c "'$bin' build '$tmp/s.jsonl' -o '$tmp/link.json' && [ \"\$(stat -c %a '$tmp/real.json')\" = 640 ]"

# an output that is one of the inputs is refused, the input kept
cp "$tmp/s.jsonl" "$tmp/in.jsonl"
"$bin" build "$tmp/in.jsonl" -o "$tmp/in.jsonl" 2>"$tmp/err"
ok "build -o INPUT fails" test $? -ne 0
ok "build -o INPUT says why" grep -q "also an input" "$tmp/err"
ok "build -o INPUT keeps the input" cmp -s "$tmp/s.jsonl" "$tmp/in.jsonl"
ln -s in.jsonl "$tmp/in-link.jsonl"
ok "the same file under another name is refused" sh -c "! '$bin' build '$tmp/in.jsonl' -o '$tmp/in-link.jsonl' 2>/dev/null"
"$bin" build "$tmp/s.jsonl" -o "$tmp/g.json"
ok "analyze -o INPUT is refused" sh -c "! '$bin' analyze '$tmp/g.json' -o '$tmp/g.json' 2>/dev/null && grep -q '\"stancegraph\":\"graph\"' '$tmp/g.json'"

# SIGTERM / SIGINT while the output is open: the temp file is removed
mkfifo "$tmp/slow-in"
for sig in TERM INT; do
  # a shell starts background jobs with SIGINT ignored: give it back its default
  env --default-signal=INT "$bin" extract -t ukraine-nato "$tmp/slow-in" -o "$tmp/x.jsonl" 2>/dev/null &
  pid=$!
  exec 7>"$tmp/slow-in"  # the extractor now waits for input, its temp file open
  for _ in $(seq 50); do find "$tmp" -name 'x.jsonl.tmp.*' | grep -q . && break; sleep 0.1; done
  ok "a temp file exists while running ($sig)" sh -c "find '$tmp' -name 'x.jsonl.tmp.*' | grep -q ."
  kill -"$sig" "$pid"
  wait "$pid"
  st=$?
  exec 7>&-
  ok "killed by SIG$sig (status $st)" test "$st" -gt 128
  ok "no temp file after SIG$sig" no_temp
  ok "no output after SIG$sig" test ! -e "$tmp/x.jsonl"
done

# SIGXFSZ: the file size limit is hit while writing
bash -c 'ulimit -f 8; exec "$1" build "$2" -o "$3"' - "$bin" "$tmp/s.jsonl" "$tmp/big.json" 2>/dev/null
st=$?
ok "SIGXFSZ ends the run (status $st)" test "$st" -gt 128
ok "no temp file after SIGXFSZ" no_temp
ok "no partial output after SIGXFSZ" test ! -e "$tmp/big.json"

# SIGPIPE: `| head` ends quietly, also when the parent ignores SIGPIPE
for mode in default ignored; do
  if [ $mode = ignored ]; then trap '' PIPE; fi
  "$bin" build "$tmp/s.jsonl" 2>"$tmp/pipe-err" | head -c 10 >/dev/null
  st=${PIPESTATUS[0]}
  trap - PIPE
  ok "SIGPIPE ($mode) prints nothing: $(cat "$tmp/pipe-err")" test ! -s "$tmp/pipe-err"
  ok "SIGPIPE ($mode) ends with one status ($st)" test "$st" = 141
done

# report builds its folder aside: a failed run leaves the old files, nothing else
mkdir "$tmp/rep"
for f in statements.jsonl graph.json report.json camps.svg; do printf 'old\n' >"$tmp/rep/$f"; done
"$bin" report examples/T1_seed_bloomberg_2024-11-23.txt -t ukraine-nato --engine no-such-engine \
  -o "$tmp/rep" 2>"$tmp/err"
ok "report with a bad engine fails" test $? -ne 0
ok "the old statements.jsonl is kept" grep -qx old "$tmp/rep/statements.jsonl"
ok "the old graph.json is kept" grep -qx old "$tmp/rep/graph.json"
ok "no staging folder left" sh -c "! ls '$tmp' | grep -q 'rep.tmp'"
ok "report into a new folder" "$bin" report examples/T1_seed_bloomberg_2024-11-23.txt -t ukraine-nato -o "$tmp/new/"
ok "every file is there" test -s "$tmp/new/report.html" -a -s "$tmp/new/statements.jsonl"
ok "report over the old folder" "$bin" report examples/T1_seed_bloomberg_2024-11-23.txt -t ukraine-nato -o "$tmp/rep"
ok "the old files were replaced" grep -q '"stancegraph"' "$tmp/rep/graph.json"
ok "no staging folder after success" sh -c "! ls '$tmp' | grep -q 'tmp\\.'"

# error lines carry no control characters from the input
printf '{"doc":"d","actor":"A","topic":"t","stance":7,"x":"\\u001b]8;;http://x\\u0007"}\n' >"$tmp/esc.jsonl"
cp "$tmp/s.jsonl" "$tmp/$(printf 'evil\033[31m.jsonl')"
"$bin" build "$tmp/$(printf 'evil\033[31m.jsonl')" "$tmp/nosuch$(printf '\033]0;title\007')" 2>"$tmp/err"
ok "no ESC or BEL reaches stderr" sh -c "! LC_ALL=C grep -q \"\$(printf '[\\033\\007]')\" '$tmp/err'"
ok "the error is still one line" test "$(wc -l <"$tmp/err")" -eq 1

# explain prints input text through the terminal sanitiser
printf '{"doc":"d","actor":"A\\u001b]8;;http://evil\\u0007","topic":"t","stance":1,"text":"x\\u001b[2J\\u009b31m\\ny"}\n' >"$tmp/esc-explain.jsonl"
"$bin" explain --statements "$tmp/esc-explain.jsonl" >"$tmp/explain.out"
ok "explain ran" test -s "$tmp/explain.out"
ok "explain prints no ESC, BEL or CSI" sh -c "! LC_ALL=C grep -q \"\$(printf '[\\033\\007]')\" '$tmp/explain.out' && ! grep -q \"\$(printf '\\302\\233')\" '$tmp/explain.out'"
ok "explain keeps the text" grep -q 'x?\[2J' "$tmp/explain.out"

# eval: gold file names stay inside --corpus, also through a symlink
mkdir -p "$tmp/corpus"
cp examples/T1_seed_bloomberg_2024-11-23.txt "$tmp/corpus/a.txt"
printf 'secret\n' >"$tmp/secret.txt"
ln -s ../secret.txt "$tmp/corpus/leak.txt"
printf '{"file":"../secret.txt","topic":"ukraine-nato","stances":[]}\n' >"$tmp/gold1.jsonl"
printf '{"file":"leak.txt","topic":"ukraine-nato","stances":[]}\n' >"$tmp/gold2.jsonl"
printf '{"file":"a.txt","topic":"ukraine-nato","stances":[{"actor":"Ukraine","stance":"support"}]}\n' >"$tmp/gold3.jsonl"
ok "eval refuses ../ in a gold file" sh -c "'$bin' eval '$tmp/gold1.jsonl' --corpus '$tmp/corpus' 2>&1 | grep -q 'gold1.jsonl:1: .*inside the corpus'"
ok "eval refuses a symlink out of the corpus" sh -c "'$bin' eval '$tmp/gold2.jsonl' --corpus '$tmp/corpus' 2>&1 | grep -q 'outside the corpus'"
ok "eval reads a file inside the corpus" "$bin" eval "$tmp/gold3.jsonl" --corpus "$tmp/corpus"

exit $fail
