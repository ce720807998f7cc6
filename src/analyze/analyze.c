/* analyze.c - sg_analyze(): collapse the graph into the signed actor graph, then run
 * the stance classes, camps, balance, brokers and blocking; the sg_report lifecycle
 * and accessors; the shared adjacency, components and PRNG helpers.
 */
#include "analyze/analyze_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const method_names[] = {"auto", "spinglass", "leiden"};

sg_status sg_camp_method_from_name(sg_camp_method *out, const char *name, sg_error *err)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, method_names[i]) == 0) {
            *out = (sg_camp_method)i;
            return SG_OK;
        }
    if (strcmp(name, "multilevel") == 0) {
        *out = SG_CAMPS_LEIDEN;
        return SG_OK;
    }
    return sg_error_set(err, SG_EUSAGE, NULL, 0,
                        "--method must be auto, spinglass or leiden, not '%s'", name);
}

const char *sg_camp_method_name(sg_camp_method m)
{
    return (int)m >= 0 && (int)m < 3 ? method_names[m] : "?";
}

uint64_t sg_analyze__rng_next(sg_rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* ---- adjacency and components ---- */

sg_status sg_analyze__adj_init(sg_adj *adj, size_t n, const sg_apair *pairs, size_t n_pairs)
{
    memset(adj, 0, sizeof(*adj));
    adj->n = n;
    adj->off = calloc(n + 1, sizeof(size_t));
    adj->nbr = malloc((2 * n_pairs + 1) * sizeof(uint32_t));
    adj->w = malloc((2 * n_pairs + 1) * sizeof(double));
    size_t *fill = calloc(n + 1, sizeof(size_t));
    if (adj->off == NULL || adj->nbr == NULL || adj->w == NULL || fill == NULL) {
        free(fill);
        sg_analyze__adj_destroy(adj);
        return SG_ENOMEM;
    }
    sg_graph__huge_hint(adj->nbr, (2 * n_pairs + 1) * sizeof(uint32_t));
    sg_graph__huge_hint(adj->w, (2 * n_pairs + 1) * sizeof(double));
    for (size_t i = 0; i < n_pairs; i++) {
        adj->off[pairs[i].a + 1]++;
        adj->off[pairs[i].b + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        adj->off[v + 1] += adj->off[v];
    for (size_t i = 0; i < n_pairs; i++) { /* pairs are sorted: neighbour lists too */
        uint32_t a = pairs[i].a, b = pairs[i].b;
        size_t pa = adj->off[a] + fill[a]++, pb = adj->off[b] + fill[b]++;
        adj->nbr[pa] = b;
        adj->w[pa] = pairs[i].w;
        adj->nbr[pb] = a;
        adj->w[pb] = pairs[i].w;
    }
    free(fill);
    return SG_OK;
}

void sg_analyze__adj_destroy(sg_adj *adj)
{
    free(adj->off);
    free(adj->nbr);
    free(adj->w);
    memset(adj, 0, sizeof(*adj));
}

sg_status sg_analyze__components(const sg_adj *adj, uint32_t *comp, size_t *n_comp)
{
    uint32_t *queue = malloc((adj->n + 1) * sizeof(uint32_t));
    if (queue == NULL)
        return SG_ENOMEM;
    for (size_t v = 0; v < adj->n; v++)
        comp[v] = UINT32_MAX;
    size_t c = 0;
    for (size_t s = 0; s < adj->n; s++) {
        if (comp[s] != UINT32_MAX)
            continue;
        size_t head = 0, tail = 0;
        queue[tail++] = (uint32_t)s;
        comp[s] = (uint32_t)c;
        while (head < tail) {
            uint32_t v = queue[head++];
            for (size_t k = adj->off[v]; k < adj->off[v + 1]; k++)
                if (comp[adj->nbr[k]] == UINT32_MAX) {
                    comp[adj->nbr[k]] = (uint32_t)c;
                    queue[tail++] = adj->nbr[k];
                }
        }
        c++;
    }
    free(queue);
    *n_comp = c;
    return SG_OK;
}

/* ---- the signed actor graph ---- */

typedef struct edge_ref {
    uint32_t a, b, e;
} edge_ref;

static int cmp_edge_ref(const void *x, const void *y)
{
    const edge_ref *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return (p->e > q->e) - (p->e < q->e);
}

/* One tie per pair: weights summed, evidence concatenated (capped), kind of the
 * heaviest contributing edge. A pair of one edge uses that edge's evidence in place
 * (its first `cap` ids, which is what the copy would hold); only pairs of several
 * edges copy theirs into r->ev_store. */
static sg_status collapse(sg_report *r)
{
    const sg_edgeset *es = &r->g->edges;
    size_t m = sg_graph__edgeset_count(es), cap = r->g->max_edge_evidence, n_ev = 0;
    edge_ref *refs = malloc((m + 1) * sizeof(edge_ref));
    r->pairs = calloc(m + 1, sizeof(sg_apair));
    if (refs == NULL || r->pairs == NULL) {
        free(refs);
        return SG_ENOMEM;
    }
    sg_graph__huge_hint(refs, (m + 1) * sizeof(edge_ref));
    sg_graph__huge_hint(r->pairs, (m + 1) * sizeof(sg_apair));
    size_t n = 0;
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        sg_graph__edgeset_ends(es, e, &s, &t);
        if (s != t)
            refs[n++] = (edge_ref){s < t ? s : t, s < t ? t : s, (uint32_t)e};
    }
    sg_graph__sort(refs, n, sizeof(edge_ref), cmp_edge_ref);
    for (size_t lo = 0, hi; lo < n; lo = hi) { /* a pair keeps at most what its edges carry */
        for (hi = lo + 1; hi < n && refs[hi].a == refs[lo].a && refs[hi].b == refs[lo].b; hi++)
            ;
        for (size_t i = lo; hi - lo > 1 && i < hi; i++)
            n_ev += es->evidence[refs[i].e].n;
    }
    r->ev_store = calloc(n_ev + 1, sizeof(char *));
    if (r->ev_store == NULL) {
        free(refs);
        return SG_ENOMEM;
    }
    size_t used = 0;
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        sg_apair *p = &r->pairs[r->n_pairs];
        int single = lo + 1 == n || refs[lo + 1].a != refs[lo].a || refs[lo + 1].b != refs[lo].b;
        if (single) {
            const sg_idlist *ev = &es->evidence[refs[lo].e];
            size_t e = refs[lo].e;
            double w = VECTOR(es->weight)[e];
            *p = (sg_apair){refs[lo].a, refs[lo].b, w, (int)VECTOR(es->kind)[e],
                            {ev->ids, ev->n < cap ? ev->n : (uint32_t)cap}};
            hi = lo + 1;
            if (sg_graph__round6(p->w) != 0.0)
                r->n_pairs++;
            continue;
        }
        *p = (sg_apair){refs[lo].a, refs[lo].b, 0.0, 0, {r->ev_store + used, 0}};
        double heaviest = -1.0;
        for (hi = lo; hi < n && refs[hi].a == refs[lo].a && refs[hi].b == refs[lo].b; hi++) {
            size_t e = refs[hi].e;
            double w = VECTOR(es->weight)[e];
            p->w += w;
            if (fabs(w) > heaviest) {
                heaviest = fabs(w);
                p->kind = (int)VECTOR(es->kind)[e];
            }
            for (uint32_t k = 0; k < es->evidence[e].n && p->ev.n < cap; k++)
                p->ev.ids[p->ev.n++] = es->evidence[e].ids[k];
        }
        if (sg_graph__round6(p->w) != 0.0) {
            used += p->ev.n;
            r->n_pairs++;
        }
    }
    free(refs);
    return SG_OK;
}

/* ---- stance classes ---- */

static void actor_stances(sg_report *r)
{
    const sg_graph *g = r->g;
    double tail = (1.0 - r->level) / 2.0;
    for (size_t i = 0; i < r->n; i++) {
        const sg_node *nd = &g->nodes[i];
        sg_aactor *a = &r->act[i];
        for (uint32_t k = 0; k < nd->n_stances; k++) {
            const sg_stance *s = &nd->stances[k];
            for (int q = 0; q < 3; q++) {
                a->w[q] += s->w[q];
                a->n[q] += s->n[q];
            }
            if (s->n[SG_Q_SUPPORT] > 0 && s->n[SG_Q_OPPOSE] > 0)
                a->swing = 1;
        }
        double score = sg_graph__round6(a->w[SG_Q_SUPPORT] - a->w[SG_Q_OPPOSE]);
        a->cls = (score > 0) - (score < 0);
        /* weighted pseudo-counts: a weak statement is weak evidence */
        double pa = r->prior + a->w[SG_Q_SUPPORT], pb = r->prior + a->w[SG_Q_OPPOSE];
        a->lo = sg_beta_quantile(tail, pa, pb);
        a->hi = sg_beta_quantile(1.0 - tail, pa, pb);
    }
    for (size_t i = 0; i < g->n_moved; i++)
        r->act[g->moved[i].node].swing = 1;
}

/* ---- lifecycle ---- */

void sg_report_free(sg_report *r)
{
    if (r == NULL)
        return;
    free(r->pairs);
    free(r->ev_store);
    sg_analyze__adj_destroy(&r->adj);
    free(r->act);
    free(r->camp);
    free(r->betweenness);
    free(r->blockers);
    free(r->undecided);
    free(r->opponents);
    free(r);
}

static sg_status check_options(const sg_analyze_options *o, sg_error *err)
{
    if ((int)o->method < 0 || (int)o->method > 2)
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "unknown camp method");
    if (!(o->interval_level > 0 && o->interval_level < 1) || !(o->prior > 0))
        return sg_error_set(err, SG_EUSAGE, NULL, 0,
                            "the interval level must be in (0,1) and the prior > 0");
    return SG_OK;
}

sg_status sg_analyze(sg_report **out, const sg_graph *g, const sg_analyze_options *opts,
                     sg_error *err)
{
    static const sg_analyze_options defaults = SG_ANALYZE_OPTIONS_INIT;
    *out = NULL;
    if (opts == NULL)
        opts = &defaults;
    sg_status rc = check_options(opts, err);
    if (rc != SG_OK)
        return rc;
    sg_report *r = calloc(1, sizeof(*r));
    if (r == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    r->g = g;
    r->seed = opts->seed;
    r->level = opts->interval_level;
    r->prior = opts->prior;
    r->n = g->n_nodes;
    r->act = calloc(r->n + 1, sizeof(sg_aactor));
    r->camp = calloc(r->n + 1, sizeof(int));
    r->betweenness = calloc(r->n + 1, sizeof(double));
    if (r->act == NULL || r->camp == NULL || r->betweenness == NULL || collapse(r) != SG_OK ||
        sg_analyze__adj_init(&r->adj, r->n, r->pairs, r->n_pairs) != SG_OK) {
        sg_report_free(r);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    actor_stances(r);
    rc = sg_analyze__camps(r, opts, err);
    if (rc == SG_OK)
        rc = sg_analyze__balance(r, opts, err);
    if (rc == SG_OK)
        rc = sg_analyze__brokers(r, err);
    if (rc == SG_OK)
        rc = sg_analyze__blocking(r, err);
    if (rc != SG_OK) {
        sg_report_free(r);
        return rc;
    }
    *out = r;
    return SG_OK;
}

sg_camp_method sg_report_method(const sg_report *r)
{
    return r->method;
}

size_t sg_report_camp_count(const sg_report *r)
{
    return r->n_camps;
}

int sg_report_camp_of(const sg_report *r, const char *id)
{
    size_t node;
    if (sg_graph_find_node(r->g, id, &node) != 0)
        return 0;
    return r->camp[node];
}

void sg_report_balance(const sg_report *r, sg_balance *out)
{
    *out = r->balance;
}
