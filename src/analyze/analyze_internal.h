/* analyze_internal.h - the inside of sg_report, shared by the files of src/analyze/.
 *
 * The analysis works on the "signed actor graph": the graph's edges collapsed to one
 * undirected tie per node pair (weights of all kinds summed, self-loops and ties that
 * sum to zero dropped), held as a pair list plus a CSR adjacency. Functions are
 * sg_analyze__<noun>_<verb>. Not thread-safe (igraph).
 */
#ifndef SG_ANALYZE_INTERNAL_H
#define SG_ANALYZE_INTERNAL_H

#include "graph/graph_internal.h"
#include "stancegraph/analyze.h"

/* One undirected tie a < b. */
typedef struct sg_apair {
    uint32_t a, b;
    double w;          /* summed signed weight, non-zero */
    int kind;          /* sg_edge_kind of the heaviest contributing edge */
    sg_idlist ev;      /* into sg_report.ev_store, or the edge set's own (one edge) */
} sg_apair;

/* CSR adjacency of the pairs: neighbours of v are nbr[off[v] .. off[v+1]). */
typedef struct sg_adj {
    size_t n;
    size_t *off;
    uint32_t *nbr;
    double *w;         /* signed weight of the tie */
} sg_adj;

/* Per node: the stance summed over topics, its class and interval. */
typedef struct sg_aactor {
    double w[3];       /* summed weights by side (SG_Q_*) */
    uint32_t n[3];     /* summed counts by side */
    double lo, hi;     /* credible interval of the share of support */
    int cls;           /* -1 oppose, 0 neutral, +1 support */
    int swing;
} sg_aactor;

struct sg_report {
    const sg_graph *g;           /* borrowed; must outlive the report */
    sg_camp_method method;       /* the method used */
    unsigned long seed;
    double level, prior;
    size_t n;                    /* nodes of g */
    sg_apair *pairs;
    size_t n_pairs;
    const char **ev_store;
    sg_adj adj;
    sg_aactor *act;              /* n entries */
    int *camp;                   /* n entries: camp id 1..k of actors, 0 for topic nodes */
    size_t n_camps;
    int unaligned_camp;          /* id of the group of actors tied to no camp, 0 = none */
    double *betweenness;         /* n entries */
    int betweenness_exact;
    sg_balance balance;
    int has_blocking;
    const char *outcome;         /* "passes", "blocked" or "undecided" */
    size_t need;                 /* supporters needed to pass */
    size_t n_support;
    size_t *blockers, n_blockers;   /* indexes into g->members: each can stop it alone */
    size_t *opponents, n_opponents; /* every opposing member */
    size_t *undecided, n_undecided;
    int minority;                   /* the opponents block together, none alone */
    double pop_support, pop_oppose, pop_total; /* summed weights (qualified majority) */
};

/* Small deterministic PRNG (splitmix64): no global state. */
typedef struct sg_rng {
    uint64_t s;
} sg_rng;
uint64_t sg_analyze__rng_next(sg_rng *r);

SG_NODISCARD sg_status sg_analyze__adj_init(sg_adj *adj, size_t n, const sg_apair *pairs,
                                            size_t n_pairs);
void sg_analyze__adj_destroy(sg_adj *adj);
/* Connected components of adj: comp[v] in 0..*n_comp-1, numbered by smallest node. */
SG_NODISCARD sg_status sg_analyze__components(const sg_adj *adj, uint32_t *comp,
                                              size_t *n_comp);

/* Camps into r->camp / r->n_camps (camps.c). */
SG_NODISCARD sg_status sg_analyze__camps(sg_report *r, const sg_analyze_options *opts,
                                         sg_error *err);
/* Triangles, frustration and polarisation into r->balance (balance.c). */
SG_NODISCARD sg_status sg_analyze__balance(sg_report *r, const sg_analyze_options *opts,
                                           sg_error *err);
/* Minimum frustration of the signed graph adj (exact when every component has at most
 * exact_max nodes and the search finishes), with `runs` local-search restarts. */
SG_NODISCARD sg_status sg_analyze__frustration(const sg_adj *adj, const int *camp,
                                               size_t exact_max, int runs, uint64_t seed,
                                               size_t *out, int *exact);
/* Betweenness on the positive ties into r->betweenness (centrality.c). */
SG_NODISCARD sg_status sg_analyze__brokers(sg_report *r, sg_error *err);
/* Passes / blockers / undecided for g's decision (blocking.c). */
SG_NODISCARD sg_status sg_analyze__blocking(sg_report *r, sg_error *err);

#endif
