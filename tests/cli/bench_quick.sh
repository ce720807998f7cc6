#!/usr/bin/env bash
# tests/cli/bench_quick.sh BIN - scripts/bench-scaling --quick: every case at three small
# sizes, each doubling within 3x in CPU time and peak RSS. Skipped (exit 77, reported by
# ctest as not run) under sanitizer builds, whose figures mean nothing.
set -u
bin=$1
if grep -qa -e __asan_init -e __tsan_init "$bin"; then
  echo "bench_quick: SKIPPED: $bin is a sanitizer build"
  exit 77
fi
# medians of 3 runs per step on a shared machine, and a looser bound than the full run's 2.3, still
# below what the quadratic code it guards against gave at these sizes (3.3 to 6.4)
exec python3 scripts/bench-scaling --quick --runs 3 --floor 0.1 --max-ratio 3.0 --bin "$bin"
