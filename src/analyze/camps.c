/* camps.c - camps: signed community detection on the signed actor graph.
 *
 * spinglass: igraph_community_spinglass, implementation IGRAPH_SPINCOMM_IMP_NEG
 *   (Traag & Bruggeman 2009: positive ties inside, negative ties between camps; gamma
 *   = gamma_minus = 1, 25 spins, config-model update), run per connected component
 *   because spinglass needs a connected graph.
 * leiden: igraph_community_leiden with the Constant Potts Model at resolution 0 on the
 *   signed weights, which maximises the signed weight inside camps, i.e. minimises
 *   negative ties inside plus positive ties between (correlation clustering, the
 *   Doreian-Mrvar criterion with alpha = 1/2). Scales to millions of ties. Started from
 *   a small ladder of resolutions and refined at 0 (leiden_signed). With no negative
 *   tie that objective is one camp per component, so it then optimises modularity
 *   instead (node weights = strengths, resolution 1/2m).
 * Both are seeded with igraph_rng_seed(igraph_rng_default(), seed): same input, same
 * camps. Actors without ties join the camp whose summed stance profile (topic by
 * topic) has the largest positive dot product with their own; the others form a
 * single group shared by all such actors (marked "unaligned" in report.json: the
 * undecided and the isolated, not a camp of their own each). Camps hold actors only (two-mode topic nodes take part in the
 * detection but belong to no camp); ids 1..k by smallest member.
 */
#include "analyze/analyze_internal.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Run spinglass on one component (nodes `members`, local ids via `local`). */
static igraph_error_t spinglass_component(const sg_adj *adj, const uint32_t *members,
                                          size_t size, const uint32_t *local,
                                          igraph_vector_int_t *membership)
{
    igraph_vector_int_t ends;
    igraph_vector_t w;
    igraph_t graph;
    igraph_real_t modularity, temperature;
    IGRAPH_CHECK(igraph_vector_int_init(&ends, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
    IGRAPH_CHECK(igraph_vector_init(&w, 0));
    IGRAPH_FINALLY(igraph_vector_destroy, &w);
    for (size_t i = 0; i < size; i++) {
        uint32_t v = members[i];
        for (size_t k = adj->off[v]; k < adj->off[v + 1]; k++) {
            if (adj->nbr[k] <= v)
                continue;
            IGRAPH_CHECK(igraph_vector_int_push_back(&ends, local[v]));
            IGRAPH_CHECK(igraph_vector_int_push_back(&ends, local[adj->nbr[k]]));
            IGRAPH_CHECK(igraph_vector_push_back(&w, adj->w[k]));
        }
    }
    IGRAPH_CHECK(igraph_create(&graph, &ends, (igraph_integer_t)size, IGRAPH_UNDIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &graph);
    igraph_integer_t spins = size < 25 ? (igraph_integer_t)size : 25;
    IGRAPH_CHECK(igraph_community_spinglass(&graph, &w, &modularity, &temperature, membership,
                                            NULL, spins < 2 ? 2 : spins, 0, 1.0, 0.01, 0.99,
                                            IGRAPH_SPINCOMM_UPDATE_CONFIG, 1.0,
                                            IGRAPH_SPINCOMM_IMP_NEG, 1.0));
    igraph_destroy(&graph);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

/* Labels per node for every component of 2+ nodes; isolates keep UINT32_MAX. */
static igraph_error_t run_spinglass(const sg_adj *adj, uint32_t *label)
{
    size_t n = adj->n, n_comp = 0;
    uint32_t *comp = malloc((n + 1) * sizeof(uint32_t));
    uint32_t *order = malloc((n + 1) * sizeof(uint32_t));
    uint32_t *local = malloc((n + 1) * sizeof(uint32_t));
    size_t *start = calloc(n + 2, sizeof(size_t));
    igraph_vector_int_t membership;
    igraph_error_t ie = IGRAPH_ENOMEM;
    int have_membership = 0;
    if (!comp || !order || !local || !start || sg_analyze__components(adj, comp, &n_comp))
        goto done;
    for (size_t v = 0; v < n; v++) /* counting sort of nodes by component */
        start[comp[v] + 1]++;
    for (size_t c = 0; c < n_comp; c++)
        start[c + 1] += start[c];
    for (size_t v = 0; v < n; v++) {
        local[v] = (uint32_t)(start[comp[v]]++);
        order[local[v]] = (uint32_t)v;
    }
    for (size_t c = n_comp; c > 0; c--) /* restore the starts */
        start[c] = start[c - 1];
    start[0] = 0;
    if ((ie = igraph_vector_int_init(&membership, 0)) != IGRAPH_SUCCESS)
        goto done;
    have_membership = 1;
    uint32_t base = 0;
    for (size_t c = 0; c < n_comp && ie == IGRAPH_SUCCESS; c++) {
        size_t size = start[c + 1] - start[c];
        const uint32_t *members = order + start[c];
        if (size < 2)
            continue;
        for (size_t i = 0; i < size; i++)
            local[members[i]] = (uint32_t)i;
        ie = spinglass_component(adj, members, size, local, &membership);
        uint32_t top = 0;
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < size; i++) {
            uint32_t m = (uint32_t)VECTOR(membership)[i];
            label[members[i]] = base + m;
            if (m + 1 > top)
                top = m + 1;
        }
        base += top;
    }
done:
    if (have_membership)
        igraph_vector_int_destroy(&membership);
    free(comp);
    free(order);
    free(local);
    free(start);
    return ie;
}

/* Signed weight inside camps: the correlation-clustering objective (higher is better). */
static double inside_weight(const sg_adj *adj, const igraph_vector_int_t *m)
{
    double sum = 0.0;
    for (size_t v = 0; v < adj->n; v++)
        for (size_t k = adj->off[v]; k < adj->off[v + 1]; k++)
            if (adj->nbr[k] > v && VECTOR(*m)[v] == VECTOR(*m)[adj->nbr[k]])
                sum += adj->w[k];
    return sum;
}

/* Correlation clustering by Leiden: CPM at resolution 0 maximises the signed weight
 * inside camps, but greedy merging from singletons can lock two camps together early.
 * So Leiden starts at each resolution of a ladder (0, 0.1, 1, 10 times the mean
 * signed weight per node pair, which makes early merges pickier), every result is
 * refined at resolution 0, and the partition with the most weight inside wins. */
static igraph_error_t leiden_signed(const igraph_t *graph, const igraph_vector_t *w,
                                    const sg_adj *adj, double abs_total,
                                    igraph_vector_int_t *best)
{
    static const double ladder[4] = {0.0, 0.1, 1.0, 10.0};
    double pairs = (double)adj->n * ((double)adj->n - 1.0) / 2.0;
    double rho = pairs > 0 ? abs_total / pairs : 0.0, best_q = 0.0;
    igraph_vector_int_t m;
    igraph_integer_t n_clusters;
    IGRAPH_CHECK(igraph_vector_int_init(&m, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &m);
    for (int i = 0; i < 4; i++) { /* quality NULL: igraph skips a pass over the ties */
        IGRAPH_CHECK(igraph_community_leiden(graph, w, NULL, ladder[i] * rho, 0.01, 0, 2, &m,
                                             &n_clusters, NULL));
        IGRAPH_CHECK(igraph_community_leiden(graph, w, NULL, 0.0, 0.01, 1, 2, &m, &n_clusters,
                                             NULL));
        double q = inside_weight(adj, &m);
        if (i == 0 || q > best_q) {
            best_q = q;
            IGRAPH_CHECK(igraph_vector_int_update(best, &m));
        }
    }
    igraph_vector_int_destroy(&m);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t run_leiden(const sg_adj *adj, uint32_t *label)
{
    igraph_vector_int_t ends, membership;
    igraph_vector_t w, strength;
    igraph_t graph;
    igraph_integer_t n_clusters;
    igraph_real_t total = 0.0, abs_total = 0.0;
    int negative = 0;
    size_t m = adj->off[adj->n] / 2, e = 0;
    IGRAPH_CHECK(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * m)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
    IGRAPH_CHECK(igraph_vector_init(&w, (igraph_integer_t)m));
    IGRAPH_FINALLY(igraph_vector_destroy, &w);
    IGRAPH_CHECK(igraph_vector_init(&strength, (igraph_integer_t)adj->n));
    IGRAPH_FINALLY(igraph_vector_destroy, &strength);
    for (size_t v = 0; v < adj->n; v++)
        for (size_t k = adj->off[v]; k < adj->off[v + 1]; k++) {
            VECTOR(strength)[v] += adj->w[k];
            if (adj->nbr[k] <= v)
                continue;
            VECTOR(ends)[2 * e] = (igraph_integer_t)v;
            VECTOR(ends)[2 * e + 1] = adj->nbr[k];
            VECTOR(w)[e++] = adj->w[k];
            negative |= adj->w[k] < 0;
            total += adj->w[k];
            abs_total += fabs(adj->w[k]);
        }
    assert(e == m);
    IGRAPH_CHECK(igraph_create(&graph, &ends, (igraph_integer_t)adj->n, IGRAPH_UNDIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &graph);
    IGRAPH_CHECK(igraph_vector_int_init(&membership, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &membership);
    if (negative || total <= 0)
        IGRAPH_CHECK(leiden_signed(&graph, &w, adj, abs_total, &membership));
    else /* no negative tie: modularity (node weights = strengths, resolution 1/2m) */
        IGRAPH_CHECK(igraph_community_leiden(&graph, &w, &strength, 1.0 / (2.0 * total), 0.01,
                                             0, 2, &membership, &n_clusters, NULL));
    for (size_t v = 0; v < adj->n; v++)
        label[v] = adj->off[v + 1] > adj->off[v] ? (uint32_t)VECTOR(membership)[v] : UINT32_MAX;
    igraph_vector_int_destroy(&membership);
    igraph_destroy(&graph);
    igraph_vector_destroy(&strength);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(5);
    return IGRAPH_SUCCESS;
}

typedef struct profile_entry {
    uint32_t topic, label;
    double score;
} profile_entry;

static int cmp_profile(const void *x, const void *y)
{
    const profile_entry *a = x, *b = y;
    if (a->topic != b->topic)
        return a->topic < b->topic ? -1 : 1;
    return (a->label > b->label) - (a->label < b->label);
}

static double stance_score(const sg_stance *s)
{
    return s->w[SG_Q_SUPPORT] - s->w[SG_Q_OPPOSE];
}

/* Give every isolate (label UINT32_MAX) the label whose stance profile agrees most,
 * else the shared label n_labels (the "unaligned" group). */
static sg_status place_isolates(const sg_graph *g, uint32_t *label, uint32_t n_labels)
{
    size_t n_entries = 0;
    for (size_t v = 0; v < g->n_nodes; v++)
        if (label[v] != UINT32_MAX)
            n_entries += g->nodes[v].n_stances;
    profile_entry *e = malloc((n_entries + 1) * sizeof(profile_entry));
    double *dot = calloc(n_labels + 1, sizeof(double));
    if (e == NULL || dot == NULL) {
        free(e);
        free(dot);
        return SG_ENOMEM;
    }
    size_t n = 0;
    for (size_t v = 0; v < g->n_nodes; v++)
        for (uint32_t k = 0; label[v] != UINT32_MAX && k < g->nodes[v].n_stances; k++)
            e[n++] = (profile_entry){g->nodes[v].stances[k].topic, label[v],
                                     stance_score(&g->nodes[v].stances[k])};
    sg_graph__sort(e, n, sizeof(profile_entry), cmp_profile);
    for (size_t v = 0; v < g->n_nodes; v++) {
        if (label[v] != UINT32_MAX)
            continue;
        const sg_node *nd = &g->nodes[v];
        uint32_t best = UINT32_MAX;
        for (uint32_t k = 0; k < nd->n_stances; k++) {
            double s = stance_score(&nd->stances[k]);
            profile_entry key = {nd->stances[k].topic, 0, 0};
            size_t lo = 0, hi = n;
            while (lo < hi) { /* first entry of this topic */
                size_t mid = lo + (hi - lo) / 2;
                if (cmp_profile(&e[mid], &key) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t i = lo; i < n && e[i].topic == key.topic; i++)
                dot[e[i].label] += s * e[i].score;
        }
        for (uint32_t l = 0; l < n_labels; l++) {
            if (sg_graph__round6(dot[l]) > 0 && (best == UINT32_MAX || dot[l] > dot[best]))
                best = l;
        }
        memset(dot, 0, (n_labels + 1) * sizeof(double));
        label[v] = best != UINT32_MAX ? best : n_labels;
    }
    free(e);
    free(dot);
    return SG_OK;
}

/* Camp ids 1..k over actor nodes, numbered by each camp's smallest member. */
static sg_status number_camps(sg_report *r, const uint32_t *label, uint32_t n_labels,
                              uint32_t unaligned)
{
    r->unaligned_camp = 0;
    int *id_of = calloc(n_labels + 1, sizeof(int));
    if (id_of == NULL)
        return SG_ENOMEM; /* never "every actor in camp 0" */
    int next = 0;
    for (size_t v = 0; v < r->n; v++) {
        r->camp[v] = 0;
        if (r->g->nodes[v].kind != SG_NODE_ACTOR)
            continue;
        if (id_of[label[v]] == 0)
            id_of[label[v]] = ++next;
        r->camp[v] = id_of[label[v]];
        if (label[v] == unaligned)
            r->unaligned_camp = id_of[label[v]];
    }
    r->n_camps = (size_t)next;
    free(id_of);
    return SG_OK;
}

sg_status sg_analyze__camps(sg_report *r, const sg_analyze_options *opts, sg_error *err)
{
    sg_camp_method m = opts->method;
    if (m == SG_CAMPS_AUTO)
        m = r->n <= opts->auto_threshold && r->n_pairs <= opts->auto_max_ties
                ? SG_CAMPS_SPINGLASS : SG_CAMPS_LEIDEN;
    r->method = m;
    uint32_t *label = malloc((r->n + 1) * sizeof(uint32_t));
    if (label == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t v = 0; v < r->n; v++)
        label[v] = UINT32_MAX;
    sg_igraph_guard guard;
    sg_graph__igraph_enter(&guard);
    igraph_error_t ie = igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opts->seed);
    if (ie == IGRAPH_SUCCESS)
        ie = m == SG_CAMPS_SPINGLASS ? run_spinglass(&r->adj, label)
                                     : run_leiden(&r->adj, label);
    sg_graph__igraph_leave(&guard);
    sg_status rc = SG_OK;
    if (ie != IGRAPH_SUCCESS) {
        rc = sg_graph__igraph_fail(ie, m == SG_CAMPS_SPINGLASS ? "spinglass" : "leiden", err);
    } else {
        uint32_t n_labels = 0;
        for (size_t v = 0; v < r->n; v++)
            if (label[v] != UINT32_MAX && label[v] + 1 > n_labels)
                n_labels = label[v] + 1;
        if (place_isolates(r->g, label, n_labels) != SG_OK ||
            number_camps(r, label, n_labels + 1, n_labels) != SG_OK)
            rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    free(label);
    return rc;
}
