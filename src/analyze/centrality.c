/* centrality.c - brokers: betweenness centrality on the positive ties.
 *
 * Shortest paths run over ties with a positive weight only (alliances carry brokerage;
 * a path through an enemy is not a channel), unweighted (a strong tie is not a
 * "longer" or "shorter" one in any sense we could defend), undirected, counting each
 * unordered pair of endpoints once (igraph_betweenness). Exact up to EXACT_MAX nodes
 * and EXACT_WORK nodes x ties (its cost: one search per node); above, the Brandes-Pich
 * estimate from SAMPLE seeded source nodes (igraph_betweenness_subset with those
 * sources, scaled by n / SAMPLE), whose cost grows linearly with the ties.
 */
#include "analyze/analyze_internal.h"

#include <stdlib.h>

#define EXACT_MAX 5000
#define EXACT_WORK 1e7
#define SAMPLE 256

static igraph_error_t positive_graph(const sg_report *r, igraph_t *graph)
{
    igraph_vector_int_t ends;
    size_t m = 0;
    for (size_t i = 0; i < r->n_pairs; i++)
        m += r->pairs[i].w > 0;
    IGRAPH_CHECK(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * m)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
    for (size_t i = 0, e = 0; i < r->n_pairs; i++) {
        if (r->pairs[i].w <= 0)
            continue;
        VECTOR(ends)[e++] = r->pairs[i].a;
        VECTOR(ends)[e++] = r->pairs[i].b;
    }
    IGRAPH_CHECK(igraph_create(graph, &ends, (igraph_integer_t)r->n, IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* SAMPLE distinct nodes by a partial Fisher-Yates shuffle with our seeded PRNG. */
static igraph_error_t sample_sources(const sg_report *r, igraph_vector_int_t *src)
{
    IGRAPH_CHECK(igraph_vector_int_init_range(src, 0, (igraph_integer_t)r->n));
    IGRAPH_FINALLY(igraph_vector_int_destroy, src);
    sg_rng rng = {(uint64_t)r->seed ^ 0x5bd1e995u};
    for (size_t i = 0; i < SAMPLE; i++) {
        size_t j = i + (size_t)(sg_analyze__rng_next(&rng) % (r->n - i));
        igraph_integer_t t = VECTOR(*src)[i];
        VECTOR(*src)[i] = VECTOR(*src)[j];
        VECTOR(*src)[j] = t;
    }
    IGRAPH_CHECK(igraph_vector_int_resize(src, SAMPLE));
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t betweenness(sg_report *r)
{
    igraph_t graph;
    igraph_vector_t res;
    igraph_vector_int_t src;
    IGRAPH_CHECK(positive_graph(r, &graph));
    IGRAPH_FINALLY(igraph_destroy, &graph);
    IGRAPH_CHECK(igraph_vector_init(&res, 0));
    IGRAPH_FINALLY(igraph_vector_destroy, &res);
    double scale = 1.0;
    double work = (double)r->n * (double)igraph_ecount(&graph);
    if (r->n <= EXACT_MAX && (r->n <= SAMPLE || work <= EXACT_WORK)) {
        IGRAPH_CHECK(igraph_betweenness(&graph, &res, igraph_vss_all(), 0, NULL));
        r->betweenness_exact = 1;
    } else {
        IGRAPH_CHECK(sample_sources(r, &src));
        IGRAPH_FINALLY(igraph_vector_int_destroy, &src);
        IGRAPH_CHECK(igraph_betweenness_subset(&graph, &res, igraph_vss_all(), 0,
                                               igraph_vss_vector(&src), igraph_vss_all(),
                                               NULL));
        igraph_vector_int_destroy(&src);
        IGRAPH_FINALLY_CLEAN(1);
        scale = (double)r->n / SAMPLE;
        r->betweenness_exact = 0;
    }
    for (size_t v = 0; v < r->n; v++)
        r->betweenness[v] = VECTOR(res)[v] * scale;
    igraph_vector_destroy(&res);
    igraph_destroy(&graph);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

sg_status sg_analyze__brokers(sg_report *r, sg_error *err)
{
    if (r->n == 0)
        return SG_OK;
    sg_igraph_guard guard;
    sg_graph__igraph_enter(&guard);
    igraph_error_t ie = betweenness(r);
    sg_graph__igraph_leave(&guard);
    return ie == IGRAPH_SUCCESS ? SG_OK : sg_graph__igraph_fail(ie, "betweenness", err);
}
