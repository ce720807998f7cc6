/* graph_internal.h - the inside of sg_graph, shared by src/graph/ and src/analyze/.
 *
 * Holds: the string pool and hash map the builder aggregates with, the graph struct
 * (nodes with stance aggregates and evidence, edges as an igraph_t plus attribute
 * vectors, windows, moves), the network computation, the JSON element writer/reader
 * used by graph.json and report.json, and the igraph error-handler guard.
 * Internal functions are named sg_graph__<noun>_<verb>. Not thread-safe (igraph).
 */
#ifndef SG_GRAPH_INTERNAL_H
#define SG_GRAPH_INTERNAL_H

#include <igraph.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "stancegraph/graph.h"
#include "common/jsonw.h"

struct cJSON;

/* ---- string pool: interned, NUL-terminated strings that never move ------------- */

typedef struct sg_pool {
    char **strs;       /* strs[i] is string i; pointers stay valid until destroy */
    uint32_t n, cap;
    uint32_t *slots;   /* open addressing: 0 = empty, else index + 1 */
    size_t n_slots;    /* power of two */
    char **chunks;     /* string storage, freed in one go */
    size_t n_chunks, chunks_cap;
    size_t chunk_used, chunk_size;
} sg_pool;

void sg_graph__pool_init(sg_pool *p);
void sg_graph__pool_destroy(sg_pool *p);
/* Ask for transparent huge pages over the 2 MiB pages inside p[0..bytes) when that is
 * big (8 MiB and up) and the system offers them on request (Linux madvise): the big
 * arrays of a million-edge graph are then faulted in 2 MiB at a time instead of 4 KiB.
 * Only a hint; it changes nothing else. */
void sg_graph__huge_hint(void *p, size_t bytes);
/* Intern s (len bytes, need not be NUL-terminated); *idx gets its index. */
SG_NODISCARD sg_status sg_graph__pool_intern(sg_pool *p, const char *s, size_t len,
                                             uint32_t *idx);
/* The same in two steps, for a batch of names: sg_graph__pool_hash + _prefetch for each
 * (the table slots of a big pool are cache misses; prefetched, they overlap), then
 * sg_graph__pool_intern_hashed with the hash. */
uint64_t sg_graph__pool_hash(const char *s, size_t len);
void sg_graph__pool_prefetch(const sg_pool *p, uint64_t hash);
SG_NODISCARD sg_status sg_graph__pool_intern_hashed(sg_pool *p, const char *s, size_t len,
                                                    uint64_t hash, uint32_t *idx);
/* 1 and *idx when s is in the pool, else 0. */
int sg_graph__pool_find(const sg_pool *p, const char *s, uint32_t *idx);

/* ---- hash map from a 128-bit key to a uint32 value ------------------------------ */

typedef struct sg_map {
    uint64_t *k1, *k2;
    uint32_t *val;     /* UINT32_MAX = empty slot */
    size_t cap, n;     /* cap is a power of two (or 0) */
} sg_map;

void sg_graph__map_init(sg_map *m);
void sg_graph__map_destroy(sg_map *m);
/* Find key; when absent insert it with value `fresh`. *val gets the stored value and
 * *found whether it was there before. */
SG_NODISCARD sg_status sg_graph__map_upsert(sg_map *m, uint64_t k1, uint64_t k2,
                                            uint32_t fresh, uint32_t *val, int *found);
int sg_graph__map_get(const sg_map *m, uint64_t k1, uint64_t k2, uint32_t *val);

/* ---- growable arrays ------------------------------------------------------------ */

/* qsort that accepts an empty (possibly NULL) array, and returns at once when the
 * array is already in order (graph.json's edges and nodes arrive sorted): n - 1
 * comparisons instead of a sort. Equal elements then keep their order, as glibc's
 * merge sort keeps them. */
static inline void sg_graph__sort(void *base, size_t n, size_t size,
                                  int (*cmp)(const void *, const void *))
{
    const char *a = base;
    size_t i = 1;
    while (i < n && cmp(a + (i - 1) * size, a + i * size) <= 0)
        i++;
    if (i < n)
        qsort(base, n, size, cmp);
}

/* bsearch that accepts an empty (possibly NULL) array: passing NULL to bsearch is
 * undefined even when n is 0 (a graph with no nodes or no topics). */
static inline void *sg_graph__bsearch(const void *key, const void *base, size_t n, size_t size,
                                      int (*cmp)(const void *, const void *))
{
    return n > 0 && base != NULL ? bsearch(key, base, n, size, cmp) : NULL;
}

/* Make room for at least `need` elements of `size` bytes in *arr (capacity *cap). */
SG_NODISCARD sg_status sg_graph__grow(void **arr, size_t *cap, size_t need, size_t size);

/* ---- the graph ------------------------------------------------------------------- */

enum { SG_Q_OPPOSE = 0, SG_Q_NEUTRAL = 1, SG_Q_SUPPORT = 2 }; /* index = stance + 1 */

enum sg_node_kind { SG_NODE_ACTOR = 0, SG_NODE_TOPIC = 1 };

enum sg_edge_kind {
    SG_EDGE_IGNORE = 0,
    SG_EDGE_CONGRUENCE,
    SG_EDGE_CONFLICT,
    SG_EDGE_SUBTRACT,
    SG_EDGE_DIRECT,
    SG_EDGE_TWOMODE,
    SG_EDGE_TIE        /* an undirected relation of a signed edge list (build --edges) */
};
const char *sg_graph__edge_kind_name(int kind);
int sg_graph__edge_kind_from_name(const char *name); /* -1 when unknown */

/* Statement ids kept as evidence: borrowed pointers into the owning pool. */
typedef struct sg_idlist {
    const char **ids;
    uint32_t n;
} sg_idlist;

/* Aggregate of one actor x topic (or holder x target for direct relations). */
typedef struct sg_stance {
    uint32_t topic;    /* index into sg_graph.topics (or target node for direct) */
    double w[3];       /* summed weights by side: SG_Q_OPPOSE, SG_Q_NEUTRAL, SG_Q_SUPPORT */
    uint32_t n[3];     /* statement counts by side */
    sg_idlist evidence; /* its first statement ids (SG_CELL_EVIDENCE), when the graph
                           keeps them (stance_evidence); ids owned, strings pooled */
} sg_stance;

/* One evidence statement as in graph.json; strings owned (NULL when absent). */
typedef struct sg_evidence {
    char *id, *doc, *date, *source, *topic, *target, *cue, *mention, *text;
    int stance;
    double weight;
} sg_evidence;

typedef struct sg_node {
    const char *id;        /* in sg_graph.pool */
    int kind;              /* sg_node_kind */
    uint32_t statements;   /* statements held (after topic and duplicate filters) */
    sg_stance *stances;    /* sorted by topic name */
    uint32_t n_stances;
    sg_evidence *evidence; /* at most SG_GRAPH_NODE_EVIDENCE, input order */
    uint32_t n_evidence;
} sg_node;

/* One network: igraph_t (directed source -> target, node indexes) plus one attribute
 * vector per field. Invariant: every vector has igraph_ecount(&graph) elements.
 * For aggregated one-mode edges congruence/conflict are the normalised parts; for
 * direct and two-mode edges they are the positive and negative weight. */
typedef struct sg_edgeset {
    igraph_t graph;
    igraph_vector_t weight, congruence, conflict;
    igraph_vector_int_t kind;
    sg_idlist *evidence;   /* one per edge; ids point into ev_store */
    const char **ev_store; /* every edge's evidence pointers, one block */
    int ready;             /* 1 once graph and vectors are initialised */
} sg_edgeset;

/* Stance of one actor x topic inside a window. */
typedef struct sg_wstance {
    uint32_t node, topic;
    double w[3];
    uint32_t n[3];
    sg_idlist evidence;
} sg_wstance;

typedef struct sg_window {
    int32_t start, end;    /* days since 1970-01-01, inclusive */
    uint32_t statements;
    sg_wstance *stances;   /* sorted by (node, topic) */
    size_t n_stances;
    sg_edgeset edges;      /* the window's network, direct relations included */
} sg_window;

typedef struct sg_move {
    uint32_t node, topic;
    uint32_t from_window, to_window;
    int from, to;          /* -1 oppose, 0 neutral, +1 support */
    sg_idlist evidence;
} sg_move;

struct sg_graph {
    sg_network_type network_type;
    sg_qualifier_aggregation qualifier_aggregation;
    sg_normalization normalization;
    sg_duplicates duplicates;
    int window_days, step_days;
    int32_t window_first;           /* start day of window 0 (streamed windows) */
    int stance_evidence;   /* node stances carry their statement ids (graph.json too) */
    size_t max_edge_evidence;
    size_t topic_partners;          /* 0 = every co-stance pair (see graph.h) */
    int window_networks;            /* windows have their own networks */
    uint64_t n_statements;          /* statements aggregated */
    sg_pool pool;                   /* ids, topics, evidence ids */
    const char **topics;            /* sorted, in pool */
    size_t n_topics;
    int have_dates;
    int32_t date_min, date_max;     /* days since epoch */
    int has_decision;
    char *body, *rule;
    char **members;
    size_t n_members;
    double *weights;                /* per member, NULL when unweighted */
    int *veto;                      /* per member, NULL when no member holds a veto */
    char *weight_source;            /* NULL when none */
    char **label_ids, **label_texts; /* topic labels (any order, ids unique) */
    size_t n_labels;
    sg_node *nodes;                 /* sorted by id (byte order) */
    size_t n_nodes;
    sg_edgeset edges;
    sg_window *windows;
    size_t n_windows;
    sg_move *moved;
    size_t n_moved;
};

/* A new empty graph with its pool and an empty edge set. */
SG_NODISCARD sg_status sg_graph__new(sg_graph **out, sg_error *err);
void sg_graph__evidence_destroy(sg_evidence *ev);
SG_NODISCARD sg_status sg_graph__evidence_copy(sg_evidence *dst, const sg_evidence *src);
/* Copy a decision (body, rule, members, weights, vetoes) into g. */
SG_NODISCARD sg_status sg_graph__set_decision(sg_graph *g, const sg_decision *d);
/* Add (or replace) the label of topic id. */
SG_NODISCARD sg_status sg_graph__set_label(sg_graph *g, const char *id, const char *text);
/* Move the decision and labels of src into dst (dst has none); src keeps none. */
void sg_graph__move_meta(sg_graph *dst, sg_graph *src);
/* The decision of g as a borrowed view (valid while g lives). */
void sg_graph__decision_view(const sg_graph *g, sg_decision *out);

/* A one-mode or two-mode network's input: stance cells and direct relations. */
typedef struct sg_cell {
    uint32_t node, topic;  /* node index, topic index */
    double w[3];
    sg_idlist evidence;    /* may be empty (merged graphs) */
} sg_cell;

typedef struct sg_direct {
    uint32_t source, target; /* node indexes */
    double pos, neg;         /* summed positive / negative weight (both >= 0) */
    sg_idlist evidence;
    int tie;                 /* 1: undirected (SG_EDGE_TIE), 0: source -> target */
} sg_direct;

/* Compute the edge set of g's settings from cells and direct relations into *out
 * (initialised here). topic_node maps a topic index to its node (two-mode only).
 * Evidence ids are taken from the cells (pointers are kept, not copied). */
SG_NODISCARD sg_status sg_graph__network(sg_edgeset *out, const sg_graph *g,
                                         const sg_cell *cells, size_t n_cells,
                                         const sg_direct *direct, size_t n_direct,
                                         const uint32_t *topic_node, sg_error *err);
/* Build an edge set from parallel arrays (already sorted); takes no ownership. */
SG_NODISCARD sg_status sg_graph__edgeset_init(sg_edgeset *es, size_t n_nodes, size_t n_edges,
                                              const uint32_t *src, const uint32_t *dst,
                                              const double *weight, const double *cong,
                                              const double *conf, const int *kind,
                                              sg_idlist *evidence, sg_error *err);
/* The same, but evidence[i].ids already point into `store` (one malloc'd block, or
 * NULL when there is none), which the edge set takes over instead of copying it: freed
 * here on failure too. `evidence` itself is copied. */
SG_NODISCARD sg_status sg_graph__edgeset_init_store(sg_edgeset *es, size_t n_nodes,
                                                    size_t n_edges, const uint32_t *src,
                                                    const uint32_t *dst, const double *weight,
                                                    const double *cong, const double *conf,
                                                    const int *kind, const sg_idlist *evidence,
                                                    const char **store, sg_error *err);
void sg_graph__edgeset_destroy(sg_edgeset *es);
size_t sg_graph__edgeset_count(const sg_edgeset *es);
void sg_graph__edgeset_ends(const sg_edgeset *es, size_t e, uint32_t *src, uint32_t *dst);

/* Set w's stances (takes the array and every evidence list) and compute its edges. */
SG_NODISCARD sg_status sg_graph__window_set(sg_graph *g, sg_window *w, sg_wstance *stances,
                                            size_t n, const sg_direct *direct, size_t n_direct,
                                            const uint32_t *topic_node, sg_error *err);
/* Windows: the moves between consecutive windows, from their stances. */
SG_NODISCARD sg_status sg_graph__compute_moves(sg_graph *g, sg_error *err);
/* Append to *moved (n, cap) the moves between window k (x) and window k + 1 (y). */
SG_NODISCARD sg_status sg_graph__moves_between(sg_move **moved, size_t *n, size_t *cap,
                                               uint32_t k, const sg_window *x,
                                               const sg_window *y);
/* Free a window's stances and edges (not the struct). */
void sg_graph__window_destroy(sg_window *w);
/* Start day of window k: its own, or on the grid when the windows are streamed. */
int32_t sg_graph__window_start(const sg_graph *g, size_t k);

/* Windows made one at a time while graph.json is written (`build`): fills *out with
 * window k (the caller destroys it); ctx is the producer's. */
typedef sg_status (*sg_window_fn)(void *ctx, size_t k, sg_window *out, sg_error *err);
/* Write graph.json to fp with windows from fn (g has none of its own) and the moves
 * between them, keeping two windows in memory at a time. */
SG_NODISCARD sg_status sg_graph__write_streamed(const sg_graph *g, FILE *fp, sg_window_fn fn,
                                                void *ctx, sg_error *err);

/* Dates: "YYYY-MM-DD" (optionally followed by "T...") <-> days since 1970-01-01. */
int sg_graph__date_parse(const char *s, int32_t *days);
void sg_graph__date_format(int32_t days, char buf[11]);
/* First day of the window containing `day` with the fixed origin 1970-01-05 (Monday). */
int32_t sg_graph__window_floor(int32_t day, int step);

/* Round to 6 decimals (and -0 to 0) before printing, for stable output. */
double sg_graph__round6(double v);

/* ---- streaming JSON: written by common/jsonw, read by cJSON element by element --- */

typedef struct sg_jout {
    sg_jsonw w;           /* into fp, or into its own buffer */
    int failed_elsewhere; /* status came from a producer that filled the sg_error */
} sg_jout;

void sg_graph__jout_init(sg_jout *o, FILE *fp);
/* Finish a document written by o: map its status to an error naming `what`; in buffer
 * mode hand the text to *out (out may be NULL in file mode). */
sg_status sg_graph__jout_done(sg_jout *o, char **out, const char *what, sg_error *err);
/* One "moved" entry (actor, topic, windows, classes, evidence) of graph and report JSON. */
void sg_graph__move_write(sg_jsonw *w, const sg_graph *g, const sg_move *m);

/* Called for every top-level member that is not streamed, and for every element of a
 * streamed array member. offset is the byte offset of the value (for line numbers). */
typedef sg_status (*sg_jin_fn)(void *ctx, const char *key, const struct cJSON *value,
                               size_t offset, sg_error *err);
/* A flat JSON object read without cJSON: every member value is a string without
 * escapes or control characters, a number (JSON grammar, at most 63 characters, read
 * by strtod as cJSON reads it), or an array of such strings. That is the shape of a
 * graph.json edge; any other object is left to cJSON. Spans point into the text. */
enum { SG_FLAT_STR = 1, SG_FLAT_NUM, SG_FLAT_STRS };
#define SG_FLAT_MAX 16
typedef struct sg_flat_member {
    const char *key, *s; /* s: the string's bytes, or the array's text inside [ ] */
    size_t key_len, len;
    int type;
    double num;
} sg_flat_member;
typedef struct sg_flat {
    sg_flat_member m[SG_FLAT_MAX];
    size_t n;
} sg_flat;
/* Scan the object at json[at..len) into *f; 1 and *end (past the '}') when it is flat,
 * else 0 (nothing consumed). */
int sg_graph__flat_scan(const char *json, size_t len, size_t at, sg_flat *f, size_t *end);
/* The first member named key (as cJSON_GetObjectItemCaseSensitive finds it), or NULL. */
const sg_flat_member *sg_graph__flat_get(const sg_flat *f, const char *key);
/* The next string of an SG_FLAT_STRS array: 1 with *s, *n set, advancing *pos, or 0 at
 * its end (start with *pos = 0). */
int sg_graph__flat_next(const sg_flat_member *m, size_t *pos, const char **s, size_t *n);
/* Called for an element of a streamed array named in `flat` that sg_graph__flat_scan
 * accepts, instead of on_element with its cJSON tree. */
typedef sg_status (*sg_jin_flat_fn)(void *ctx, const char *key, const sg_flat *f,
                                    size_t offset, sg_error *err);
/* Walk a top-level JSON object in json[0..len): members named in `streamed` (NULL
 * terminated) that hold arrays are delivered element by element to on_element (or, for
 * members also named in `flat` and flat elements, to on_flat); others whole to
 * on_member. Errors name `name` and the line of the problem. */
SG_NODISCARD sg_status sg_graph__jin_object(const char *json, size_t len, const char *name,
                                            const char *const *streamed, sg_jin_fn on_member,
                                            sg_jin_fn on_element, const char *const *flat,
                                            sg_jin_flat_fn on_flat, void *ctx, sg_error *err);
/* 1-based line of byte offset in json. */
long sg_graph__line_of(const char *json, size_t len, size_t offset);

/* Elements graph.json and report.json share, written as one value each. */
void sg_graph__evidence_write(sg_jsonw *w, const sg_evidence *ev);
void sg_graph__idlist_write(sg_jsonw *w, const sg_idlist *ids);
void sg_graph__edge_write(sg_jsonw *w, const sg_graph *g, const sg_edgeset *es, size_t e);
/* Parse an evidence object; errors name `name` and `line`. */
SG_NODISCARD sg_status sg_graph__evidence_parse(sg_evidence *ev, const struct cJSON *obj,
                                                const char *name, long line, sg_error *err);

/* ---- igraph boundary --------------------------------------------------------------- */

/* Saved igraph handlers: enter installs the ignoring handlers, leave restores. */
typedef struct sg_igraph_guard {
    igraph_error_handler_t *error_handler;
    igraph_warning_handler_t *warning_handler;
} sg_igraph_guard;

void sg_graph__igraph_enter(sg_igraph_guard *guard);
void sg_graph__igraph_leave(const sg_igraph_guard *guard);
/* Map an igraph error code to an sg_status with igraph_strerror() in the message. */
sg_status sg_graph__igraph_fail(igraph_error_t code, const char *what, sg_error *err);

#endif
