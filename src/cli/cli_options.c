/* cli_options.c - what every command accepts and says about itself: the tables behind
 * getopt_long, --help and the man pages (cli_options.h). Edit options here, never in
 * a printf: tests/install/check-man checks --help and the man pages agree.
 */
#include "cli/cli_options.h"

#include "stancegraph/render.h"

#define SG_STR_(x) #x
#define SG_STR(x) SG_STR_(x)
#define HELP_OPT {"help", 'h', NULL, 'h', "show this help"}
#define END_OPTS {NULL, 0, NULL, 0, NULL}
/* -q is taken out of argv by main (sg_cli_strip_quiet) before any command parses. */
#define QUIET_OPT {"quiet", 'q', NULL, 'q', "no progress, no summary line on stderr"}

const char sg_cli_exit_codes[] = "exit codes: 0 success, 1 usage, 2 input error, 3 internal error";

const char sg_cli_top_usage[] = "stancegraph <command> [options] [file...]\n"
                                "stancegraph --help | --version";

const sg_cli_opt sg_cli_top_opts[] = {
    {"help", 'h', NULL, 'h', "show the commands"},
    {"version", 0, NULL, 'V', "print the version"},
    {"quiet", 'q', NULL, 'q', "(any command) no progress and no summary line on stderr"},
    END_OPTS,
};

/* Short codes t T L a d f R j; commands adding options avoid them. */
const sg_cli_opt sg_cli_extract_opts[] = {
    {"topic", 't', "ID", 't', "topic to extract (default: every topic of the lexicon)"},
    {"topics", 0, "FILE", 'T', "add topics from a JSON file {\"topics\":[...]}"},
    {"lexicon", 0, "PATH", 'L', "lexicon file or directory (default: $STANCEGRAPH_DATA/lexicon,\n"
                                "else the installed one)"},
    {"actor-level", 0, "L", 'a', "group (countries, organisations; default) or person"},
    {"date", 0, "YYYY-MM-DD", 'd', "date of the documents (offices of people are read on it)"},
    {"format", 0, "F", 'f', "auto (default), text or jsonl"},
    {"no-relations", 0, NULL, 'R', "leave out actor->actor relations (statements with a target)"},
    {"jobs", 'j', "N", 'j', "extract documents on N threads (default: one per CPU);\n"
                            "the output is the same whatever N"},
    END_OPTS,
};

static const sg_cli_opt extract_opts[] = {
    {"output", 'o', "FILE", 'o', "write here (atomically) instead of stdout"},
    {"strict", 0, NULL, SG_OPT_STRICT, "read and check every document first: a malformed\n"
                                       "line anywhere writes nothing (stdin is copied to\n"
                                       "a temporary file)"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_extract = {
    "extract",
    "find who supports, opposes or defers in articles -> statements JSONL",
    "stancegraph extract --topic ID [options] FILE...",
    "Find who supports, opposes or defers on a topic in articles; print one statement per\n"
    "line (JSON). FILE is a text article (one document; date taken from a YYYY-MM-DD in its\n"
    "name) or a .jsonl file of {\"id\",\"date\",\"source\",\"text\"} documents; '-' is stdin.",
    {sg_cli_extract_opts, extract_opts, NULL},
    "Finding no statement at all writes an empty output and a warning on stderr (a shard of\n"
    "a corpus may hold none; build and report refuse an empty input). A JSONL document file\n"
    "is recognised by its first line (also on stdin); --format text reads it as one article.\n"
    "Statements are written as documents are read: on stdout, those before a malformed line\n"
    "stay written when the run fails at it (with -o FILE nothing is written); --strict\n"
    "checks the whole input first and writes nothing then.",
};

static const sg_cli_opt build_opts[] = {
    {"output", 'o', "FILE", 'o', "graph.json ('-' = stdout, the default)"},
    {"edges", 0, "FILE.csv", 'E', "also read a signed edge list: header naming\n"
                                  "from,to and sign or weight (repeatable); RFC 4180,\n"
                                  "quoted fields may hold line breaks"},
    {"delimiter", 0, "C", 'D', "',' (default), ';' or 'tab' in --edges files"},
    {"directed-edges", 0, NULL, 'G', "--edges rows are relations from -> to (default:\n"
                                     "undirected ties, drawn without arrows)"},
    {"network-type", 0, "T", 'n', "onemode (actor x actor, default) | twomode"},
    {"qualifier-aggregation", 0, "A", 'Q', "ignore | congruence | conflict | subtract (default)"},
    {"normalization", 0, "N", 'N', "no (default) | average | jaccard | cosine |\n"
                                   "cosine-vector (one-mode); activity | prominence\n"
                                   "(two-mode)"},
    {"normalisation", 0, "N", 'N', "the same as --normalization"},
    {"duplicates", 0, "D", 'd', "include (default) | document | week | month | year"},
    {"topic", 't', "ID", 't', "keep only this topic (repeatable; default: all)"},
    {"window", 0, "LEN", 'w', "one network per time window of LEN days (30d)\n"
                              "or weeks (4w)"},
    {"step", 0, "LEN", 's', "start a window every LEN (default: the window)"},
    {"max-edge-evidence", 0, "N", 'x', "statement ids kept per edge (default 10)"},
    {"topic-partners", 0, "N", SG_OPT_TOPIC_PARTNERS,
     "on a topic with more than N+1 actors, pair each\n"
     "actor with N others only: its neighbours in activity\n"
     "and far ones on a ring (default 100; edges grow\n"
     "linearly, not squared; docs/networks.md)"},
    {"all-pairs", 0, NULL, SG_OPT_ALL_PAIRS, "every co-stance pair, however many (exact)"},
    {"window-networks", 0, NULL, SG_OPT_WINDOW_NETWORKS,
     "give each time window its own network too\n"
     "(default: window stances and moves only)"},
    {"for-merge", 0, NULL, 'K', "also write each stance's first statement ids, so that\n"
                                "'merge' gives every edge the evidence one build would"},
    {"no-relations", 0, NULL, 'r', "leave out actor->actor relations (statements with a\n"
                                   "target), as 'report' does without --with-relations"},
    {"body", 0, "NAME", 'B', "the deciding body, for 'analyze' to report blockers"},
    {"rule", 0, "RULE", 'R', "its rule: unanimity, majority, two-thirds,\n"
                             "qualified-majority or security-council"},
    {"member", 0, "NAME", 'M', "a member of the body (repeatable)"},
    {"topics", 0, "FILE", 'T', "topics file (as for extract): the first --topic's\n"
                               "decision and members (on the latest statement's\n"
                               "date) and labels come from the lexicon; the\n"
                               "lexicon is also read when --topic names one of\n"
                               "its topics. --body overrides it"},
    {"lexicon", 0, "PATH", 'L', "the lexicon for --topics (default: the installed one)"},
    {"actor", 0, "ID", 'A', "filter: keep statements of these actors (repeatable)"},
    {"person", 0, "NAME", 'P', "filter: keep statements of these speakers (repeatable)"},
    {"source", 0, "NAME", 'S', "filter: keep statements reported by these outlets\n"
                               "(repeatable)"},
    {"from", 0, "YYYY-MM-DD", 'F', "filter: keep statements dated on or after it\n"
                                   "(undated statements are dropped)"},
    {"to", 0, "YYYY-MM-DD", 'U', "filter: keep statements dated on or before it"},
    {"variable1", 0, "V", 'V', "first mode of the network: actor (default; DNA's\n"
                               "organization) or person (the speaker; statements\n"
                               "without one are dropped). The second mode is\n"
                               "always the topic (DNA's concept)"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_build = {
    "build",
    "aggregate statements into an actor network -> graph.json",
    "stancegraph build [options] [STATEMENTS.jsonl...] [--edges FILE.csv]",
    "Aggregate statements into stance scores and an actor network -> graph.json.\n"
    "Formulas and options follow the Discourse Network Analyzer (docs/networks.md).\n"
    "No STATEMENTS (and no --edges) or '-' reads stdin.",
    {build_opts, NULL},
    "The filters are DNA's statement filters; repeat one to allow several values. No\n"
    "statements (after the filters) is an error: an empty graph is not written.",
};

static const sg_cli_opt analyze_opts[] = {
    {"output", 'o', "FILE", 'o', "report.json ('-' = stdout, the default)"},
    {"method", 'm', "M", 'm', "auto (default): spinglass up to 300 nodes and 5000 ties,\n"
                              "else leiden; spinglass (igraph, negative weights);\n"
                              "leiden (correlation clustering of the signed ties)"},
    {"seed", 's', "N", 's', "random seed (default 42): same input and seed, same camps"},
    {"level", 0, "P", 'l', "credible interval mass (default 0.90)"},
    {"prior", 0, "A", 'p', "Beta(A, A) prior of the support share (default 0.5)"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_analyze = {
    "analyze",
    "camps, stance classes, balance, blockers -> report.json",
    "stancegraph analyze [options] [GRAPH.json]",
    "Find the camps, stance classes, balance, brokers and blockers of a graph\n"
    "written by 'stancegraph build' (or 'merge'). GRAPH.json '-' or none reads stdin.",
    {analyze_opts, NULL},
    NULL,
};

static const sg_cli_opt render_opts[] = {
    {"output", 'o', "FILE", 'o', "where to write ('-' = stdout, the default); the format\n"
                                 "follows the extension: .dot .svg .png .pdf .graphml\n"
                                 ".csv (actors) *edges.csv (relations) .html .json\n"
                                 "*matrix.csv (DNA matrix) .dl (UCINET); with --twomode\n"
                                 "the matrices are actors x topics"},
    {"format", 'f', "F", 'f', "dot svg png pdf graphml csv csv-nodes csv-edges html json\n"
                              "matrix dl\n"
                              "(overrides the extension; default svg on stdout)"},
    {"engine", 'e', "E", 'e', "Graphviz layout: dot neato fdp sfdp circo twopi ...\n"
                              "(default: dot, which draws the camps; sfdp above "
                              SG_STR(SG_RENDER_LARGE_GRAPH) "\n"
                              "actors; fdp is not reproducible in Graphviz 2.42),\n"
                              "or grid: no layout engine, actors in camp order on\n"
                              "a grid (used, with a warning, when Graphviz crashes)"},
    {"title", 't', "T", 't', "title of the diagram and page (default: the topics)"},
    {"twomode", 0, NULL, 'M', "draw actors and topics (two-mode) instead of camps"},
    {"timeline", 0, NULL, 'T', "draw each actor's stance over the report's time windows"},
    {"backbone", 0, "K", 'b', "lines drawn: each actor's K strongest ties (default 3);\n"
                              "'all' draws every tie (exports always hold every tie)"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_render = {
    "render",
    "draw a graph or report as DOT, SVG, PNG, PDF, GraphML, CSV or HTML",
    "stancegraph render [options] [REPORT.json]",
    "Draw or export a report written by 'stancegraph analyze' (or 'report').\n"
    "REPORT.json '-' or none reads stdin.",
    {render_opts, NULL},
    "Colours (colour-blind safe): supporters blue, opponents vermillion, undecided\n"
    "yellow; camps are shaded boxes; blockers are bold octagons; alignment lines\n"
    "solid green, conflict lines dashed purple, width by weight.",
};

static const sg_cli_opt report_opts[] = {
    {"with-relations", 0, NULL, 'W', "also draw actor->actor relations (\"X backs Kyiv\") in the\n"
                                     "network; by default they stay in statements.jsonl only"},
    {"method", 0, "M", 'm', "camps: auto (default), spinglass or a scalable method"},
    {"seed", 0, "N", 's', "seed of the camp detection (default 42)"},
    {"engine", 0, "E", 'e', "Graphviz layout engine (default: by size), or grid"},
    {"output", 'o', "DIR", 'o', "output directory (created when missing)"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_report = {
    "report",
    "the whole pipeline: articles -> statements, graph, report, diagram",
    "stancegraph report [options] FILE... -o DIR",
    "Run the whole pipeline on articles (text or .jsonl documents, '-' for stdin) and\n"
    "write into DIR: statements.jsonl, graph.json, report.json, camps.dot, camps.svg,\n"
    "camps.png, report.html, camps.graphml, nodes.csv and edges.csv.",
    {sg_cli_extract_opts, report_opts, NULL},
    NULL,
};

static const sg_cli_opt eval_opts[] = {
    {"corpus", 0, "DIR", 'c', "run the extractor on DIR/<file> for every gold document,\n"
                              "with the extraction options above"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_eval = {
    "eval",
    "score extracted statements against a hand-coded gold file",
    "stancegraph eval GOLD.jsonl --corpus DIR [options]\n"
    "stancegraph eval GOLD.jsonl STATEMENTS.jsonl...",
    "Score statements against hand-coded gold stances (one JSON object per document:\n"
    "{\"file\",\"topic\",\"stances\":[{\"actor\",\"stance\"}]}; stance is support, oppose or\n"
    "neutral). Per document and actor the statements are summed (stance x weight).\n"
    "Prints the misses, precision, recall and F1, and a per-actor table.",
    {sg_cli_extract_opts, eval_opts, NULL},
    "Statements files are matched to gold documents by their \"doc\" (the file name\n"
    "without extension).",
};

static const sg_cli_opt explain_opts[] = {
    {"statements", 0, "FILE", 's', "explain an existing statements file instead"},
    {"why-not", 0, "ACTOR", SG_OPT_WHY_NOT, "for every sentence naming ACTOR (id or alias): what\n"
                                           "each stance cue got, or why it gave nothing"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_explain = {
    "explain",
    "show each statement with its sentence, cue, mention and rule",
    "stancegraph explain --topic ID [options] FILE...\n"
    "stancegraph explain --topic ID --why-not ACTOR FILE...\n"
    "stancegraph explain --statements STATEMENTS.jsonl",
    "Show every statement with the sentence, the stance cue, the actor's mention, the\n"
    "rule that found the holder and the flags (negated, hedged, deferral ...). With\n"
    "--why-not, say for each sentence that names the actor whether its mention can hold\n"
    "a cue and what happened to every cue of the sentence.",
    {sg_cli_extract_opts, explain_opts, NULL},
    NULL,
};

static const sg_cli_opt lexicon_opts[] = {
    {"lexicon", 0, "PATH", 'L', "the lexicon file or directory to check (or give PATH\n"
                                "after 'check'; default: the one extract would use)"},
    {"topics", 0, "FILE", 'T', "also load topics from a JSON file {\"topics\":[...]}"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_lexicon = {
    "lexicon",
    "check a lexicon or topic file",
    "stancegraph lexicon check [--lexicon PATH] [--topics FILE] [PATH]",
    "Load a lexicon (a JSON file or a directory of them; default: the installed one) and\n"
    "optional topics, check every entry and cross-reference (people -> actors, group and\n"
    "organisation members, topic bodies), and print what it holds. Exit 2 with\n"
    "'FILE:LINE: problem' when something is wrong.",
    {lexicon_opts, NULL},
    NULL,
};

static const sg_cli_opt merge_opts[] = {
    {"output", 'o', "FILE", 'o', "graph.json ('-' = stdout, the default)"},
    QUIET_OPT,
    HELP_OPT,
    END_OPTS,
};

const sg_cli_doc sg_cli_doc_merge = {
    "merge",
    "combine partial statement/graph files",
    "stancegraph merge [options] PART.json...",
    "Combine partial graphs written by 'stancegraph build' over disjoint sets of\n"
    "documents into one graph, exactly as one 'build' over all of them would give\n"
    "(all parts must use the same network settings and windows). '-' reads stdin.",
    {merge_opts, NULL},
    NULL,
};

const sg_cli_doc *const sg_cli_docs[] = {
    &sg_cli_doc_extract, &sg_cli_doc_build, &sg_cli_doc_analyze,
    &sg_cli_doc_render,  &sg_cli_doc_report, &sg_cli_doc_eval,
    &sg_cli_doc_explain, &sg_cli_doc_lexicon, &sg_cli_doc_merge,
    NULL,
};
