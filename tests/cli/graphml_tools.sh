#!/usr/bin/env bash
# tests/cli/graphml_tools.sh BIN - every kind of GraphML the tool writes loads in the
# tools analysts use, with the right directedness: networkx and python-igraph (Debian's
# python3-networkx, python3-igraph; scripts/setup installs them), and R's igraph when
# Rscript has it. An undirected network must load undirected; one with a directed
# relation directed, its undirected ties as two reciprocal arcs. A tool that is missing
# is reported as SKIPPED and the test exits 77 (ctest: skipped), never as passed.
set -u
bin=$1
fail=0
skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
article=examples/T1_seed_bloomberg_2024-11-23.txt
dna=tests/data/shared/dna-sample/statements.jsonl
tribes=tests/data/shared/signed/tribes_named.csv

run() { "$@" >"$tmp/out" 2>"$tmp/err" || { echo "FAIL: $*: $(cat "$tmp/err")"; fail=1; }; }

# 1. the demo's network (co-stance ties: undirected)
run "$bin" report -q -t ukraine-nato "$article" -o "$tmp/demo"
cp "$tmp/demo/camps.graphml" "$tmp/undirected.graphml"
# 2. an undirected signed edge list (tribes): undirected
run "$bin" build -q --edges "$tribes" -o "$tmp/tribes.json"
run "$bin" analyze -q "$tmp/tribes.json" -o "$tmp/tribes-report.json"
run "$bin" render "$tmp/tribes-report.json" -o "$tmp/tribes.graphml"
# 3. a network with directed relations (from -> to) and undirected co-stance ties
printf 'from,to,sign\nFrance,Observer,1\n' >"$tmp/rel.csv" # a relation of its own
run "$bin" extract -q -t ukraine-nato "$article" -o "$tmp/st.jsonl"
run "$bin" build -q "$tmp/st.jsonl" --edges "$tmp/rel.csv" --directed-edges -o "$tmp/mixed.json"
run "$bin" analyze -q "$tmp/mixed.json" -o "$tmp/mixed-report.json"
run "$bin" render "$tmp/mixed-report.json" -o "$tmp/mixed.graphml"
# 4. a two-mode network (actors and topics)
run "$bin" build -q "$dna" --network-type twomode -o "$tmp/tm.json"
run "$bin" analyze -q "$tmp/tm.json" -o "$tmp/tm-report.json"
run "$bin" render "$tmp/tm-report.json" -o "$tmp/twomode.graphml"

# expectations: file directed nodes edges (edges as the tool counts them)
n_demo=$(python3 -c "import json; print(len(json.load(open('$tmp/demo/report.json'))['edges']))")
n_mixed=$(python3 -c "
import json; e = json.load(open('$tmp/mixed-report.json'))['edges']
print(sum(1 if x.get('kind') == 'direct' else 2 for x in e))")
cat >"$tmp/expect.txt" <<EOF
undirected.graphml 0 6 $n_demo
tribes.graphml 0 16 58
mixed.graphml 1 7 $n_mixed
twomode.graphml 0 13 21
EOF

# the Python interpreter that has a module: python3 on PATH, else Debian's
py_with() {
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null && "$py" -c "import $1" 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  return 1
}

cat >"$tmp/check_nx.py" <<'PY'
import sys, networkx as nx
d = sys.argv[1]
for line in open(d + "/expect.txt"):
    name, directed, nodes, edges = line.split()
    g = nx.read_graphml(d + "/" + name)
    got = (int(g.is_directed()), g.number_of_nodes(), g.number_of_edges())
    want = (int(directed), int(nodes), int(edges))
    assert got == want, f"networkx {name}: {got} != {want}"
    if name == "mixed.graphml":  # the direct relation one way, ties both ways
        ids = {g.nodes[n]["label"]: n for n in g}
        assert g.has_edge(ids["France"], ids["Observer"])
        assert not g.has_edge(ids["Observer"], ids["France"])
        assert g.has_edge(ids["France"], ids["Germany"]) and g.has_edge(ids["Germany"], ids["France"])
print("networkx", nx.__version__, "ok")
PY
cat >"$tmp/check_ig.py" <<'PY'
import sys, igraph as ig
d = sys.argv[1]
for line in open(d + "/expect.txt"):
    name, directed, nodes, edges = line.split()
    g = ig.Graph.Read_GraphML(d + "/" + name)
    got = (int(g.is_directed()), g.vcount(), g.ecount())
    want = (int(directed), int(nodes), int(edges))
    assert got == want, f"igraph {name}: {got} != {want}"
    assert "weight" in g.es.attributes() and "sign" in g.es.attributes()
print("python-igraph", ig.__version__, "ok")
PY

if py=$(py_with networkx); then
  "$py" "$tmp/check_nx.py" "$tmp" || fail=1
else
  echo "SKIPPED: networkx is not installed (scripts/setup installs python3-networkx)"
  skipped=1
fi
if py=$(py_with igraph); then
  "$py" "$tmp/check_ig.py" "$tmp" || fail=1
else
  echo "SKIPPED: python-igraph is not installed (scripts/setup installs python3-igraph)"
  skipped=1
fi
if command -v Rscript >/dev/null && Rscript -e 'library(igraph)' >/dev/null 2>&1; then
  while read -r name directed nodes edges; do
    Rscript -e "library(igraph); g <- read_graph('$tmp/$name', format = 'graphml');
      stopifnot(as.integer(is_directed(g)) == $directed, vcount(g) == $nodes, ecount(g) == $edges)" \
      >/dev/null 2>&1 || { echo "FAIL: R igraph $name"; fail=1; }
  done <"$tmp/expect.txt"
  echo "R igraph ok"
else
  echo "SKIPPED: R igraph (Rscript with the igraph package) is not installed; not checked"
fi

[ "$fail" != 0 ] && exit 1
[ "$skipped" != 0 ] && exit 77
echo "graphml_tools: all passed"
