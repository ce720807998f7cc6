/* analyze.h - camps, stance classes, balance, brokers and blockers of an sg_graph.
 *
 * sg_analyze() reads a built graph and computes: camps (signed community detection:
 * igraph spinglass with negative weights for small graphs, correlation clustering by
 * igraph's Leiden for large ones; seeded and deterministic), per-actor stance classes
 * with a Beta-posterior credible interval, structural balance (signed triangles and
 * the frustration index, exact up to a few dozen actors per component), polarisation,
 * brokers (betweenness on the positive ties), swing actors, and, when the graph names
 * a deciding body, whether the decision passes and who blocks it. docs/networks.md
 * has the definitions; docs/formats.md the report.json contract.
 *
 * Nothing here prints or writes files. Not thread-safe: igraph runs on one thread and
 * its random generator is process-global (it is re-seeded on every call).
 */
#ifndef SG_ANALYZE_H
#define SG_ANALYZE_H

#include <stddef.h>
#include <stdio.h>

#include "stancegraph/error.h"
#include "stancegraph/graph.h"

typedef struct sg_report sg_report;

typedef enum sg_camp_method {
    SG_CAMPS_AUTO = 0,   /* spinglass up to auto_threshold nodes and auto_max_ties
                            ties, else leiden */
    SG_CAMPS_SPINGLASS,  /* igraph spinglass, implementation "neg" (Traag & Bruggeman) */
    SG_CAMPS_LEIDEN      /* igraph Leiden: correlation clustering (CPM, resolution 0) on
                            signed weights; modularity when no weight is negative */
} sg_camp_method;

typedef struct sg_analyze_options {
    int version;                  /* 1 */
    sg_camp_method method;
    unsigned long seed;           /* igraph RNG seed and local-search seed (default 42) */
    size_t auto_threshold;        /* auto: spinglass up to this many nodes (300) */
    double interval_level;        /* credible interval mass (0.90) */
    double prior;                 /* Beta(prior, prior) prior; 0.5 = Jeffreys */
    size_t exact_frustration_max; /* exact frustration for components up to this size (40) */
    int local_search_runs;        /* restarts of the frustration upper bound (16) */
    size_t auto_max_ties;         /* auto: spinglass up to this many ties (5000; its run
                                     time grows with ties: ~3 s at 5000) */
} sg_analyze_options;

#define SG_ANALYZE_OPTIONS_INIT {1, SG_CAMPS_AUTO, 42, 300, 0.90, 0.5, 40, 16, 5000}

/* Structural balance of the signed actor graph (see docs/networks.md). */
typedef struct sg_balance {
    unsigned long long triangles;          /* triangles with all three ties non-zero */
    unsigned long long triangles_balanced; /* of which with a positive sign product */
    size_t frustration;      /* fewest ties whose removal leaves a 2-way balanced graph */
    int frustration_exact;   /* 1: proven minimum; 0: best found (an upper bound) */
    double polarisation;     /* share of |weight| consistent with the camp split */
} sg_balance;

/* "auto", "spinglass" or "leiden" (also "multilevel" as a synonym of leiden).
 * Returns SG_EUSAGE naming the choices for anything else. */
SG_API SG_NODISCARD sg_status sg_camp_method_from_name(sg_camp_method *out, const char *name,
                                                       sg_error *err);
SG_API const char *sg_camp_method_name(sg_camp_method m);

/* Analyse g. opts NULL means SG_ANALYZE_OPTIONS_INIT. The report keeps a pointer to g
 * (evidence, ids): g must outlive it and stay unchanged. Returns SG_EINPUT for a
 * decision rule it does not know, SG_EINTERNAL (igraph's message) when igraph fails,
 * SG_ENOMEM. Complexity: O(m^1.5) triangles; camps O(m) per Leiden pass; betweenness
 * exact up to 5,000 nodes, estimated from 256 seeded sources above. */
SG_API SG_NODISCARD sg_status sg_analyze(sg_report **out, const sg_graph *g,
                                         const sg_analyze_options *opts, sg_error *err);

/* report.json text (docs/formats.md), malloc'd; free() it. */
SG_API SG_NODISCARD sg_status sg_report_to_json(const sg_report *r, char **out, sg_error *err);
/* Write report.json to fp element by element. */
SG_API SG_NODISCARD sg_status sg_report_write(const sg_report *r, FILE *fp, sg_error *err);
SG_API void sg_report_free(sg_report *r);

/* Read-only views for callers and tests. */
SG_API sg_camp_method sg_report_method(const sg_report *r);   /* the method actually used */
SG_API size_t sg_report_camp_count(const sg_report *r);
/* Camp id (1..k) of actor `id`; 0 when the id is not an actor of the graph. */
SG_API int sg_report_camp_of(const sg_report *r, const char *id);
SG_API void sg_report_balance(const sg_report *r, sg_balance *out);

/* The regularized incomplete beta function I_x(a, b) (the Beta(a, b) CDF at x), by
 * Lentz's continued fraction; a, b > 0. Accurate to ~1e-14. */
SG_API double sg_beta_cdf(double x, double a, double b);
/* The p-quantile of Beta(a, b) by bisection on sg_beta_cdf (to 1e-12). */
SG_API double sg_beta_quantile(double p, double a, double b);

#endif
