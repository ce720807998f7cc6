/* graph.h - statements aggregated into a signed, weighted actor network.
 *
 * The graph module turns statements into (1) actor x topic stance scores with evidence
 * and (2) a network: a one-mode actor x actor network computed the way the Discourse
 * Network Analyzer (DNA) computes it (qualifier aggregations ignore / congruence /
 * conflict / subtract, its normalisations and duplicate rules), or a two-mode
 * actor x topic network, plus "direct" relations from statements that name a target.
 * Optional time windows give one network per window and the actors that moved.
 * docs/networks.md has the formulas; docs/formats.md the graph.json contract.
 *
 * An sg_graph is immutable once built. Nothing here prints; igraph is an internal
 * detail (public headers never include it). Not thread-safe: igraph runs on one thread.
 */
#ifndef SG_GRAPH_H
#define SG_GRAPH_H

#include <stddef.h>
#include <stdio.h>

#include "stancegraph/error.h"
#include "stancegraph/statements.h"

typedef struct sg_graph sg_graph;
typedef struct sg_graph_builder sg_graph_builder;

typedef enum sg_network_type {
    SG_NETWORK_ONEMODE = 0, /* actor x actor ("onemode") */
    SG_NETWORK_TWOMODE      /* actor x topic ("twomode") */
} sg_network_type;

typedef enum sg_qualifier_aggregation {
    SG_QUALIFIER_IGNORE = 0,  /* co-statements on a topic, whatever the side */
    SG_QUALIFIER_CONGRUENCE,  /* same side on a topic (one-mode only) */
    SG_QUALIFIER_CONFLICT,    /* opposite sides (one-mode only) */
    SG_QUALIFIER_SUBTRACT     /* congruence - conflict: signed (default) */
} sg_qualifier_aggregation;

typedef enum sg_normalization {
    SG_NORM_NO = 0,        /* raw weights */
    SG_NORM_AVERAGE,       /* one-mode: w / ((t_i + t_j) / 2), DNA "average activity" */
    SG_NORM_JACCARD,       /* one-mode: DNA's Jaccard */
    SG_NORM_COSINE,        /* one-mode: DNA's "cosine" = w / (t_i * t_j) */
    SG_NORM_COSINE_VECTOR, /* one-mode: textbook cosine of the actors' profiles */
    SG_NORM_ACTIVITY,      /* two-mode: divide by the actor's activity */
    SG_NORM_PROMINENCE     /* two-mode: divide by the topic's prominence */
} sg_normalization;

typedef enum sg_duplicates {
    SG_DUP_INCLUDE = 0, /* count every statement */
    SG_DUP_DOCUMENT,    /* identical statements count once per document */
    SG_DUP_WEEK,        /* ... once per ISO calendar week (Monday to Sunday) */
    SG_DUP_MONTH,       /* ... once per calendar month */
    SG_DUP_YEAR         /* ... once per calendar year */
} sg_duplicates;

/* The body that decides a question and its rule, e.g. NATO / "unanimity".
 * rule: "unanimity", "majority", "two-thirds", "qualified-majority" (55 % of the members
 * representing 65 % of the population: weights) or "security-council" (9 of 15 and no
 * veto: veto). docs/render.md has the rules. Copied into the graph (and graph.json) by
 * sg_graph_build. */
typedef struct sg_decision {
    const char *body;
    const char *rule;
    const char *const *members;
    size_t n_members;
    const double *weights;     /* population per member, or NULL */
    const int *veto;           /* 1 for a member holding a veto, or NULL */
    const char *weight_source; /* where the weights come from, or NULL */
} sg_decision;

typedef struct sg_graph_options {
    int version;                       /* 1 */
    sg_network_type network_type;
    sg_qualifier_aggregation qualifier_aggregation;
    sg_normalization normalization;
    sg_duplicates duplicates;
    const char *const *topics;         /* keep only these topics; NULL = all topics */
    size_t n_topics;
    int window_days;                   /* > 0: time windows of this many days */
    int step_days;                     /* window step in days (default: window_days) */
    const sg_decision *decision;       /* NULL = none; deep-copied */
    size_t max_edge_evidence;          /* statement ids kept per edge (default 10) */
    size_t topic_partners;             /* co-stance partners per actor per topic: on a
                                          topic with more actors than this + 1, each actor
                                          is paired with 2 ceil(this / 2) others only, on
                                          a ring in activity order (docs/networks.md;
                                          default SG_GRAPH_TOPIC_PARTNERS; 0 = every
                                          pair, exact) */
    int window_networks;               /* 1: each time window gets its own network too
                                          (default 0: windows carry stances and moves) */
    const char *const *label_ids;      /* topic labels for titles ("topic_labels" in */
    const char *const *label_texts;    /* graph.json and report.json); deep-copied */
    size_t n_labels;
    int stance_evidence;               /* 1: graph.json also lists each stance's first
                                          statement ids, so that sg_graph_merge of such
                                          parts gives every edge the evidence one build
                                          would (`build --for-merge`); default 0 */
} sg_graph_options;

/* Default of topic_partners: a topic with more actors than this + 1 gets the pruned
 * network (edges grow with actors x this, not with actors squared, and no actor has
 * more than this + 1 partners on a topic; docs/networks.md). */
#define SG_GRAPH_TOPIC_PARTNERS 100

#define SG_GRAPH_OPTIONS_INIT                                                           \
    {1, SG_NETWORK_ONEMODE, SG_QUALIFIER_SUBTRACT, SG_NORM_NO, SG_DUP_INCLUDE, NULL, 0, \
     0, 0, NULL, 10, SG_GRAPH_TOPIC_PARTNERS, 0, NULL, NULL, 0, 0}

/* At most this many statements are kept as evidence per node (in input order). */
#define SG_GRAPH_NODE_EVIDENCE 20

/* Set one option from its CLI/DNA name: option is "network-type",
 * "qualifier-aggregation", "normalization" or "duplicates"; value is the DNA name
 * ("onemode", "subtract", "average", "cosine-vector", "document" ...).
 * Returns SG_EUSAGE (with a message listing the choices) for an unknown name. */
SG_API SG_NODISCARD sg_status sg_graph_option_set(sg_graph_options *opts, const char *option,
                                                  const char *value, sg_error *err);

/* The DNA names of the enum values ("onemode", "subtract", "no", "include" ...). */
SG_API const char *sg_network_type_name(sg_network_type v);
SG_API const char *sg_qualifier_aggregation_name(sg_qualifier_aggregation v);
SG_API const char *sg_normalization_name(sg_normalization v);
SG_API const char *sg_duplicates_name(sg_duplicates v);

/* Build a graph from a list of statements (all kept in memory by the caller).
 * opts NULL means SG_GRAPH_OPTIONS_INIT. Returns SG_EUSAGE for option combinations
 * that do not exist (congruence in a two-mode network, "activity" in one-mode ...),
 * SG_EINPUT for bad statements (stance outside -1..1, non-positive weight, bad date).
 * On success *out is a new graph the caller frees with sg_graph_free(). */
SG_API SG_NODISCARD sg_status sg_graph_build(sg_graph **out, const sg_statement_list *stmts,
                                             const sg_graph_options *opts, sg_error *err);

/* Streaming construction: only aggregates are kept, never the statements, so memory
 * grows with actors x topics (and actors x topics x days with windows), not with the
 * number of statements. Add statements in input order (evidence keeps the first ones),
 * then finish once. The builder copies opts (including topics and decision). */
SG_API SG_NODISCARD sg_status sg_graph_builder_new(sg_graph_builder **out,
                                                   const sg_graph_options *opts, sg_error *err);
/* Add one statement (copied as needed; s stays the caller's). */
SG_API SG_NODISCARD sg_status sg_graph_builder_add(sg_graph_builder *b, const sg_statement *s,
                                                   sg_error *err);
/* Add one relation of a plain signed edge list: from -> to with a signed weight
 * (kind "direct"). A zero weight adds the two nodes only. */
SG_API SG_NODISCARD sg_status sg_graph_builder_add_edge(sg_graph_builder *b, const char *from,
                                                        const char *to, double weight,
                                                        sg_error *err);
/* The same for either kind of relation: directed (kind "direct", from -> to) or not
 * (kind "tie": A - B and B - A are one relation, drawn without arrows). */
SG_API SG_NODISCARD sg_status sg_graph_builder_add_relation(sg_graph_builder *b, const char *from,
                                                            const char *to, double weight,
                                                            int directed, sg_error *err);
/* Read a CSV edge list (header line naming from,to and sign or weight; RFC 4180:
 * delimiter-separated, double-quoted fields may hold the delimiter, quotes ("") and line
 * breaks) into b. delimiter is ',' or ';' (0 = ','). Rows are undirected ties unless
 * directed. name is used in "FILE:LINE: problem" errors. */
SG_API SG_NODISCARD sg_status sg_graph_builder_read_edge_list(sg_graph_builder *b, FILE *fp,
                                                              const char *name, char delimiter,
                                                              int directed, sg_error *err);
/* sg_graph_builder_read_edge_list(b, fp, name, ',', 1, err): directed relations. */
SG_API SG_NODISCARD sg_status sg_graph_builder_read_edges(sg_graph_builder *b, FILE *fp,
                                                          const char *name, sg_error *err);
/* Set (or replace) the decision after statements were added, e.g. once the date of the
 * latest statement is known. */
SG_API SG_NODISCARD sg_status sg_graph_builder_set_decision(sg_graph_builder *b,
                                                            const sg_decision *d, sg_error *err);
/* The latest statement date seen so far as YYYY-MM-DD; 0, or -1 when none had a date. */
SG_API int sg_graph_builder_last_date(const sg_graph_builder *b, char out[11]);
/* Compute the network. May be called once; the builder must still be freed. */
SG_API SG_NODISCARD sg_status sg_graph_builder_finish(sg_graph_builder *b, sg_graph **out,
                                                      sg_error *err);
/* Finish and write graph.json to fp (as sg_graph_write would write the finished graph),
 * making the time windows one at a time as they are written: memory holds two windows,
 * not all of them. Instead of sg_graph_builder_finish, once; the builder must still be
 * freed. *nodes (when not NULL) gets the graph's node count. */
SG_API SG_NODISCARD sg_status sg_graph_builder_write(sg_graph_builder *b, FILE *fp,
                                                     size_t *nodes, sg_error *err);
SG_API void sg_graph_builder_free(sg_graph_builder *b);

/* graph.json text (docs/formats.md), malloc'd, NUL-terminated; free() it. */
SG_API SG_NODISCARD sg_status sg_graph_to_json(const sg_graph *g, char **out, sg_error *err);
/* Write graph.json to fp element by element (no whole-document tree in memory). */
SG_API SG_NODISCARD sg_status sg_graph_write(const sg_graph *g, FILE *fp, sg_error *err);
/* Parse graph.json text of len bytes; name is used in errors ("FILE:LINE: problem").
 * Arrays are parsed one element at a time, so a large file never becomes one tree. */
SG_API SG_NODISCARD sg_status sg_graph_from_json(sg_graph **out, const char *json, size_t len,
                                                 const char *name, sg_error *err);

/* Merge partial graphs exactly: stance aggregates (weights and counts per actor x
 * topic, per window) are summed and every network is recomputed from the sums, so
 * merging the graphs of disjoint sets of documents equals building from all of them
 * (duplicates "week"/"month"/"year" are exact only when no period spans two parts).
 * All parts must share network type, aggregation, normalisation, duplicates and
 * window/step. Direct edges are summed. Evidence is concatenated in part order and
 * capped. Returns SG_EINPUT (naming the part) when the settings differ. */
SG_API SG_NODISCARD sg_status sg_graph_merge(sg_graph **out, const sg_graph *const *parts,
                                             size_t n_parts, const char *const *names,
                                             sg_error *err);

/* Read-only accessors (borrowed strings, valid until sg_graph_free). */
SG_API size_t sg_graph_node_count(const sg_graph *g);
SG_API size_t sg_graph_edge_count(const sg_graph *g);
SG_API const char *sg_graph_node_id(const sg_graph *g, size_t node);
/* Endpoints (node indexes) and weight of edge e; kind is its graph.json name. */
SG_API void sg_graph_edge(const sg_graph *g, size_t e, size_t *source, size_t *target,
                          double *weight, const char **kind);
/* Look a node up by id; returns 0 and sets *node, or -1 when absent. */
SG_API int sg_graph_find_node(const sg_graph *g, const char *id, size_t *node);
SG_API size_t sg_graph_window_count(const sg_graph *g);

/* Check the invariants (sorted nodes, edge endpoints in range, vector lengths);
 * returns SG_EINTERNAL with a message when one is broken. For the tests. */
SG_API SG_NODISCARD sg_status sg_graph_check(const sg_graph *g, sg_error *err);

SG_API void sg_graph_free(sg_graph *g);

#endif
