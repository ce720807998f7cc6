#!/usr/bin/env bash
# tests/install/installed-lib.sh BUILD_DIR - install the build into a temporary prefix
# (cmake --install --prefix) and use it as an outside project would:
#  - the files: libstancegraph.so/.a, include/stancegraph/*.h, stancegraph.pc, the CMake
#    package, the man pages, the data;
#  - tests/install/consumer.c compiled with `pkg-config --cflags --libs stancegraph`
#    against the installed shared library: it extracts statements from a string with the
#    installed lexicon (found relative to the library, not the source tree) and builds
#    a graph; its output must match the installed CLI's on the same text;
#  - the same program through CMake's find_package(stancegraph), shared and static;
#  - the data lookup order: --lexicon, STANCEGRAPH_DATA, installed data, and the source
#    tree only for the uninstalled build.
set -uo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset STANCEGRAPH_DATA
fail=0
ok() { echo "  ok   $1"; }
bad() { echo "  FAIL $1"; fail=1; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

prefix=$tmp/prefix
if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"; echo "installed-lib: cmake --install failed"; exit 1
fi
libdir=$(ls -d "$prefix"/lib*/pkgconfig 2>/dev/null | head -n 1)
libdir=${libdir%/pkgconfig}
echo "installed into $prefix"
for f in "$libdir/libstancegraph.a" "$libdir/libstancegraph.so" \
         "$prefix/include/stancegraph/stancegraph.h" "$prefix/include/stancegraph/version.h" \
         "$prefix/include/stancegraph/export.h" "$libdir/pkgconfig/stancegraph.pc" \
         "$libdir/cmake/stancegraph/stancegraphConfig.cmake" \
         "$libdir/cmake/stancegraph/stancegraphConfigVersion.cmake" \
         "$prefix/share/stancegraph/lexicon" "$prefix/bin/stancegraph" \
         "$prefix/share/man/man1/stancegraph.1"; do
  check "installed ${f#"$prefix"/}" test -e "$f"
done
for c in $("$prefix/bin/stancegraph" --help | awk '/^commands:/{on=1;next} on&&/^  [a-z]/{print $1}'); do
  check "man page for '$c'" test -s "$prefix/share/man/man1/stancegraph-$c.1"
done
check "no private header installed" \
  test -z "$(find "$prefix/include" -name '*internal*' -o -name 'cli*.h')"
soname=$(objdump -p "$libdir/libstancegraph.so" | awk '/SONAME/{print $2}')
check "shared library has a SONAME ($soname)" test -n "$soname"

# pkg-config, shared.
export PKG_CONFIG_PATH=$libdir/pkgconfig
flags=$(pkg-config --cflags --libs stancegraph) || { bad "pkg-config stancegraph"; flags=; }
check "pkg-config --modversion is the project version" \
  test "$(pkg-config --modversion stancegraph)" = "$("$prefix/bin/stancegraph" --version | awk '{print $2}')"
cc=${CC:-cc}
extra=${SG_CONSUMER_CFLAGS:-}   # the sanitizer flags, in the sanitizer build
# shellcheck disable=SC2086
if $cc $extra -std=c11 -Wall -Wextra -Wpedantic -Werror -o "$tmp/consumer" "$src/tests/install/consumer.c" \
     $flags -Wl,-rpath,"$(pkg-config --variable=libdir stancegraph)" 2>"$tmp/cc.log"; then
  ok "consumer.c builds with \`pkg-config --cflags --libs stancegraph\`"
else
  cat "$tmp/cc.log"; bad "consumer.c builds with pkg-config"
fi
if (cd "$tmp" && ./consumer >"$tmp/consumer.out" 2>"$tmp/consumer.err"); then
  ok "consumer runs"
else
  cat "$tmp/consumer.err"; bad "consumer runs"
fi
real_prefix=$(cd "$prefix" && pwd -P)
check "consumer uses the installed libstancegraph.so" \
  grep -q "libstancegraph.so.* => $real_prefix\|libstancegraph.so.* => $prefix" <(ldd "$tmp/consumer")
check "consumer finds the installed lexicon, not the source tree" \
  grep -qx "lexicon $real_prefix/share/stancegraph/lexicon" "$tmp/consumer.out"
check "consumer extracted statements" grep -q '^statement Germany -1 ukraine-nato$' "$tmp/consumer.out"
check "consumer built a graph with signed edges" grep -q '^edge subtract France Germany -1$' "$tmp/consumer.out"
# The installed CLI finds the same statements in the same text.
sed -n 's/^ *"\(.*\)"$/\1/p;s/^ *"\(.*\)";$/\1/p' "$src/tests/install/consumer.c" | tr -d '\n' \
  >"$tmp/text.txt"
"$prefix/bin/stancegraph" extract --topic ukraine-nato "$tmp/text.txt" >"$tmp/cli.jsonl"
check "installed CLI extracts the same statements" test \
  "$(grep -c '^statement ' "$tmp/consumer.out")" = "$(wc -l <"$tmp/cli.jsonl")"

# CMake package, shared and static.
mkdir -p "$tmp/cm"
cat >"$tmp/cm/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.18)
project(consumer C)
find_package(stancegraph 0.1 REQUIRED)
add_executable(consumer_shared "$src/tests/install/consumer.c")
target_link_libraries(consumer_shared PRIVATE stancegraph::stancegraph)
add_executable(consumer_static "$src/tests/install/consumer.c")
target_link_libraries(consumer_static PRIVATE stancegraph::stancegraph_static)
CM
if cmake -S "$tmp/cm" -B "$tmp/cm/build" -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >"$tmp/cm.log" 2>&1 &&
   cmake --build "$tmp/cm/build" >>"$tmp/cm.log" 2>&1; then
  ok "find_package(stancegraph): shared and static consumers build"
  "$tmp/cm/build/consumer_shared" >"$tmp/cm_shared.out" 2>&1
  check "CMake shared consumer gives the same output" cmp -s "$tmp/consumer.out" "$tmp/cm_shared.out"
  check "CMake static consumer does not link libstancegraph.so" \
    test -z "$(ldd "$tmp/cm/build/consumer_static" | grep libstancegraph)"
  STANCEGRAPH_DATA=$prefix/share/stancegraph "$tmp/cm/build/consumer_static" \
    >"$tmp/cm_static.out" 2>&1
  check "static consumer with STANCEGRAPH_DATA gives the same statements" \
    cmp -s <(grep -v '^lexicon' "$tmp/consumer.out") <(grep -v '^lexicon' "$tmp/cm_static.out")
else
  cat "$tmp/cm.log"; bad "find_package(stancegraph)"
fi

# Data lookup order.
sgi=$prefix/bin/stancegraph
check "installed binary: installed data dir" \
  grep -qx "$real_prefix/share/stancegraph/lexicon: ok" <("$sgi" lexicon check 2>&1)
check "installed binary: STANCEGRAPH_DATA before the installed data" \
  grep -q "/nonexistent/lexicon" <(STANCEGRAPH_DATA=/nonexistent "$sgi" lexicon check 2>&1)
check "installed binary: --lexicon before STANCEGRAPH_DATA" \
  grep -qx "$src/data/lexicon: ok" <(STANCEGRAPH_DATA=/nonexistent "$sgi" lexicon check --lexicon "$src/data/lexicon" 2>&1)
check "uninstalled build: the source tree" \
  grep -qx "$src/data/lexicon: ok" <("$build/stancegraph" lexicon check 2>&1)
# A moved installation still finds its own data (relative lookup).
mv "$prefix" "$tmp/moved"
check "moved installation finds its own data" \
  grep -qx "$(cd "$tmp/moved" && pwd -P)/share/stancegraph/lexicon: ok" <("$tmp/moved/bin/stancegraph" lexicon check 2>&1)
mv "$tmp/moved" "$prefix"

if [ "$fail" -ne 0 ]; then echo "installed-lib: FAILED"; exit 1; fi
echo "installed-lib: passed"
