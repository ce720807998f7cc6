#!/usr/bin/env bash
# tests/slurm/slurm_flow.sh BIN - the Slurm scale-out path on a real one-node cluster.
# Starts munged, slurmctld and slurmd (scripts/slurm/local-cluster, a generated
# slurm.conf under a temporary directory), runs scripts/slurm/submit over a corpus of 53
# real articles split into 4 shards, and checks:
#  - a shard task that fails (a malformed line) leaves no partial output, and the
#    dependent merge/analyze/render job does not run;
#  - resubmitting after the fix reruns only that task (the others say "skipped");
#  - statements.jsonl, graph.json, report.json and every rendered file are byte-identical
#    to one `stancegraph report` over the whole corpus;
#  - a third submission changes nothing; a shard without statements is left out;
#    nothing is left running afterwards.
# Exits 77 (ctest: skipped, never passed) with the reason when Slurm or munge is not
# installed (SG_WITH_SLURM=1 scripts/setup installs them) or the cluster cannot start.
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$(dirname "$0")/../.." && pwd)
skip() { echo "slurm_flow: SKIPPED: $*"; exit 77; }
for b in sbatch scontrol sinfo /usr/sbin/slurmctld /usr/sbin/slurmd /usr/sbin/munged; do
  command -v "$b" >/dev/null 2>&1 ||
    skip "$(basename "$b") not installed (Debian slurm-wlm and munge; SG_WITH_SLURM=1 scripts/setup)"
done
[ "$(id -u)" -eq 0 ] || skip "needs root to run slurmd (CI runs as root)"
tmp=$(mktemp -d)
cluster=$tmp/cluster
cleanup() {
  "$src/scripts/slurm/local-cluster" stop "$cluster"
  local left
  left=$(pgrep -f -- "$cluster" || true)
  if [ -n "$left" ]; then echo "slurm_flow: FAIL: left running: $left"; exit 1; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
ok() { echo "  ok   $1"; }
bad() { echo "  FAIL $1"; fail=1; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

t0=$(date +%s.%N)
if ! "$src/scripts/slurm/local-cluster" start "$cluster" >"$tmp/cluster.log" 2>&1; then
  cat "$tmp/cluster.log"
  skip "the local Slurm cluster did not start (see above)"
fi
t1=$(date +%s.%N)
export SLURM_CONF=$cluster/slurm.conf
echo "slurm_flow: cluster up in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s"

# The corpus: every bundled and held-out article, one JSON line each, dated by its name.
python3 - "$src" "$tmp/corpus.jsonl" <<'PY'
import glob, json, os, re, sys
src, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(src + "/examples/*.txt") + glob.glob(src + "/tests/heldout*/*.txt"))
with open(out, "w") as f:
    for p in files:
        d = {"id": os.path.splitext(os.path.basename(p))[0], "text": open(p, encoding="utf-8").read()}
        m = re.search(r"\d{4}-\d{2}-\d{2}", p)
        if m:
            d["date"] = m.group(0)
        f.write(json.dumps(d) + "\n")
PY
docs=$(wc -l <"$tmp/corpus.jsonl")
(cd "$tmp" && "$bin" report corpus.jsonl -o whole) || bad "stancegraph report over the whole corpus"
out=$tmp/run
submit() { "$src/scripts/slurm/submit" --bin "$bin" --shards 4 "$@" "$tmp/corpus.jsonl" "$out"; }

# 1. A failing task: shard 2 gets a malformed line.
submit --no-submit >/dev/null
check "corpus of $docs documents in 4 shards" test "$(ls "$out"/shards/shard-*.jsonl | wc -l)" -eq 4
cp "$out/shards/shard-0002.jsonl" "$tmp/shard-0002.good"
echo '{"id": "broken", "text": ' >>"$out/shards/shard-0002.jsonl"
if submit --wait >"$tmp/submit1.log" 2>&1; then
  bad "a failing shard task makes submit --wait fail"
else
  ok "a failing shard task makes submit --wait fail"
fi
check "the failed task's error names the file and line" \
  grep -q "^stancegraph: .*shard-0002.jsonl:[0-9]*: " "$out/logs/shard-2.log"
check "the failed task left no output" \
  test -z "$(ls "$out"/parts/ | grep 'shard-0002')"
check "the other tasks finished" test "$(ls "$out"/parts/*.graph.json | wc -l)" -eq 3
check "the dependent job did not run" test ! -e "$out/result"

# 2. Fixed and resubmitted: only shard 2 runs.
cp "$tmp/shard-0002.good" "$out/shards/shard-0002.jsonl"
t2=$(date +%s.%N)
submit --wait >"$tmp/submit2.log" 2>&1 || { cat "$tmp/submit2.log"; bad "resubmission succeeds"; }
t3=$(date +%s.%N)
check "shard tasks 0, 1, 3 skipped" \
  test "$(grep -l 'skipped' "$out"/logs/shard-{0,1,3}.log | wc -l)" -eq 3
check "shard task 2 ran" grep -q "done in" "$out/logs/shard-2.log"
for f in statements.jsonl graph.json report.json camps.dot camps.svg camps.png report.html \
         camps.graphml nodes.csv edges.csv; do
  check "result/$f byte-identical to one 'stancegraph report'" cmp "$out/result/$f" "$tmp/whole/$f"
done

# 3. Again: nothing to do, nothing rewritten.
before=$(stat -c %Y.%s "$out"/result/* "$out"/parts/* | md5sum)
submit --wait >"$tmp/submit3.log" 2>&1 || bad "third submission succeeds"
check "third submission: every task skipped" \
  test "$(grep -l 'skipped' "$out"/logs/shard-*.log "$out/logs/finish.log" | wc -l)" -eq 5
check "third submission rewrote nothing" test "$before" = "$(stat -c %Y.%s "$out"/result/* "$out"/parts/* | md5sum)"

# 4. A full run from scratch, timed: 4 array tasks and the dependent job.
rm -rf "$out"
t4=$(date +%s.%N)
submit --wait >"$tmp/submit4.log" 2>&1 || { cat "$tmp/submit4.log"; bad "fresh run succeeds"; }
t5=$(date +%s.%N)
check "fresh run: graph.json byte-identical" cmp "$out/result/graph.json" "$tmp/whole/graph.json"
check "fresh run: report.json byte-identical" cmp "$out/result/report.json" "$tmp/whole/report.json"
check "no job left in the queue" test -z "$(squeue -h 2>/dev/null)"
# 5. A shard without statements (extract writes an empty file and warns; build would
#    refuse it): the task marks it empty, finish leaves it out, the result is unchanged.
e=$tmp/empty
rm -rf "$e"; "$src/scripts/slurm/submit" --bin "$bin" --shards 2 --no-submit "$tmp/corpus.jsonl" "$e" >/dev/null
head -n 3 "$tmp/corpus.jsonl" >"$e/shards/shard-0000.jsonl"
echo '{"id":"weather","text":"It rained in the morning; the sun came out later."}' \
  >"$e/shards/shard-0001.jsonl"
cat "$e"/shards/shard-000{0,1}.jsonl >"$tmp/small.jsonl"
(cd "$tmp" && "$bin" report -q small.jsonl -o small-whole) || bad "report over the small corpus"
for i in 0 1; do "$src/scripts/slurm/task" shard "$e" "$i" >>"$tmp/empty.log" 2>&1; done
"$src/scripts/slurm/task" finish "$e" >>"$tmp/empty.log" 2>&1 || { cat "$tmp/empty.log"; bad "finish with an empty shard"; }
check "a shard without statements is marked empty" test -e "$e/parts/shard-0001.empty"
check "with an empty shard: report.json byte-identical" cmp "$e/result/report.json" "$tmp/small-whole/report.json"
check "with an empty shard: graph.json byte-identical" cmp "$e/result/graph.json" "$tmp/small-whole/graph.json"

echo "slurm_flow: resubmission $(awk -v a="$t2" -v b="$t3" 'BEGIN{printf "%.1f", b-a}') s," \
     "fresh run of $docs documents in 4 shards $(awk -v a="$t4" -v b="$t5" 'BEGIN{printf "%.1f", b-a}') s"
if [ "$fail" -ne 0 ]; then echo "slurm_flow: FAILED"; exit 1; fi
echo "slurm_flow: passed"
