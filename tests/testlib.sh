# tests/testlib.sh - sourced by the shell tests: fail=0, a scratch folder $tmp removed
# on exit, and `ok DESCRIPTION command...`, which prints "FAIL: DESCRIPTION" and sets
# fail=1 when the command fails. The test ends with `exit $fail`.
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { # ok DESCRIPTION command...
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; fi
}
