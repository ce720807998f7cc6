/* network.c - edges from stance cells, as the Discourse Network Analyzer defines them.
 *
 * x(i,c,k) is the summed weight of actor i's statements on topic c with side k
 * (oppose, neutral, support; with weights 1 these are DNA's counts), t(i) = sum over
 * c,k of x(i,c,k). One-mode, for each pair i < j that shares a topic:
 *   ignore      sum_c (sum_k x(i,c,k)) (sum_k x(j,c,k))
 *   congruence  sum_c [x(i,c,+) x(j,c,+) + x(i,c,-) x(j,c,-)]
 *   conflict    sum_c [x(i,c,+) x(j,c,-) + x(i,c,-) x(j,c,+)]
 *   subtract    congruence/norm - conflict/norm
 * with norm: no 1; average (t_i + t_j)/2; cosine (DNA) t_i t_j; jaccard
 * (t_i - s_ij) + (t_j - s_ji) + m11 where over cells (c,k) used by both, s_ij sums
 * x(i,.), s_ji sums x(j,.) and m11 sums x(i,.) x(j,.); cosine-vector the product of
 * the Euclidean norms of the actors' (c,k) profiles (of their per-topic totals for
 * ignore). Pairs are accumulated topic by topic, so the cost is sum_c n_c^2, not n^2.
 * Pruning: on a topic with more than k + 1 actors (k = topic_partners), each actor is
 * paired with 2 ceil(k / 2) others on a ring in activity order (its neighbours in
 * activity and far ones; topic_pairs): no actor has more than k + 1 partners on a topic,
 * and the cost and the edges grow with n_c * k; k = 0 is exact.
 * Two-mode: actor -> topic edges, ignore = sum_k x, subtract = x(+) - x(-); activity
 * divides by t_i, prominence by the topic's total. Direct relations: pos - neg.
 * Only edges whose weight is non-zero after rounding to 6 decimals are kept.
 */
#include "graph/graph_internal.h"
#include "common/assert.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Accumulated co-statements of one actor pair. */
typedef struct pair_acc {
    uint32_t a, b;        /* node indexes, a < b */
    double ign, cong, conf, m11, s_ab, s_ba;
    uint32_t ev_cell[4];  /* cells of the first two shared topics: a, b, a, b */
    uint32_t n_ev_cells;
} pair_acc;

/* One output edge before it becomes part of the edge set. */
typedef struct out_edge {
    uint32_t src, dst;
    int kind;
    double weight, cong, conf;
    uint32_t first_ev, n_ev; /* range in the evidence pointer list */
} out_edge;

typedef struct edge_list {
    out_edge *e;
    size_t n, cap;
    const char **ev;
    size_t n_ev, ev_cap;
    size_t max_ev;
} edge_list;

typedef struct topic_cell {
    uint32_t topic, node, cell;
} topic_cell;

static int cmp_topic_cell(const void *x, const void *y)
{
    const topic_cell *a = x, *b = y;
    if (a->topic != b->topic)
        return a->topic < b->topic ? -1 : 1;
    if (a->node != b->node)
        return a->node < b->node ? -1 : 1;
    return 0;
}

static int cmp_out_edge(const void *x, const void *y)
{
    const out_edge *a = x, *b = y;
    if (a->src != b->src)
        return a->src < b->src ? -1 : 1;
    if (a->dst != b->dst)
        return a->dst < b->dst ? -1 : 1;
    return (a->kind > b->kind) - (a->kind < b->kind);
}

static sg_status add_ev(edge_list *l, const sg_idlist *ids, uint32_t *n)
{
    for (uint32_t k = 0; k < ids->n && *n < l->max_ev; k++) {
        if (sg_graph__grow((void **)&l->ev, &l->ev_cap, l->n_ev + 1, sizeof(char *)))
            return SG_ENOMEM;
        l->ev[l->n_ev++] = ids->ids[k];
        (*n)++;
    }
    return SG_OK;
}

/* Append an edge whose weight survives rounding; evidence from up to 4 id lists. */
static sg_status push_edge(edge_list *l, uint32_t src, uint32_t dst, int kind, double w,
                           double cong, double conf, const sg_idlist *const *ev, int n_ev)
{
    if (sg_graph__round6(w) == 0.0)
        return SG_OK;
    if (sg_graph__grow((void **)&l->e, &l->cap, l->n + 1, sizeof(out_edge)) != SG_OK)
        return SG_ENOMEM;
    out_edge *e = &l->e[l->n++];
    *e = (out_edge){src, dst, kind, w, cong, conf, (uint32_t)l->n_ev, 0};
    for (int i = 0; i < n_ev; i++)
        if (ev[i] && add_ev(l, ev[i], &e->n_ev) != SG_OK)
            return SG_ENOMEM;
    return SG_OK;
}

/* The pairs met so far, by node pair: open addressing over indexes into the pair_acc
 * array (slot = index + 1, 0 free; at most half full), the keys read from the
 * accumulators themselves: 4 bytes a slot. */
typedef struct pair_index {
    uint32_t *slot;
    size_t cap;
} pair_index;

static size_t pair_slot(uint32_t a, uint32_t b, size_t cap)
{
    uint64_t z = ((uint64_t)a << 32 | b) * 0x9E3779B97F4A7C15u;
    z = (z ^ (z >> 29)) * 0xBF58476D1CE4E5B9u;
    return (size_t)(z ^ (z >> 32)) & (cap - 1);
}

static sg_status pair_index_grow(pair_index *ix, const pair_acc *acc, size_t n_acc)
{
    size_t cap = ix->cap ? ix->cap * 2 : 1024;
    uint32_t *slot = calloc(cap, sizeof(uint32_t));
    if (slot == NULL)
        return SG_ENOMEM;
    for (size_t i = 0; i < n_acc; i++) {
        size_t at = pair_slot(acc[i].a, acc[i].b, cap);
        while (slot[at] != 0)
            at = (at + 1) & (cap - 1);
        slot[at] = (uint32_t)i + 1;
    }
    free(ix->slot);
    ix->slot = slot;
    ix->cap = cap;
    return SG_OK;
}

/* Add one topic's contribution to the pair (ca, cb) of cells, ca's node < cb's. */
static sg_status pair_add(pair_index *ix, pair_acc **acc, size_t *n_acc, size_t *cap,
                          const sg_cell *cells, uint32_t ca, uint32_t cb)
{
    const double *x = cells[ca].w, *y = cells[cb].w;
    uint32_t na = cells[ca].node, nb = cells[cb].node, v = UINT32_MAX;
    if (*n_acc >= UINT32_MAX - 1)
        return SG_ENOMEM;
    if ((*n_acc + 1) * 2 > ix->cap && pair_index_grow(ix, *acc, *n_acc) != SG_OK)
        return SG_ENOMEM;
    size_t at = pair_slot(na, nb, ix->cap);
    for (; ix->slot[at] != 0; at = (at + 1) & (ix->cap - 1)) {
        const pair_acc *q = &(*acc)[ix->slot[at] - 1];
        if (q->a == na && q->b == nb) {
            v = ix->slot[at] - 1;
            break;
        }
    }
    if (v == UINT32_MAX) {
        if (sg_graph__grow((void **)acc, cap, *n_acc + 1, sizeof(pair_acc)) != SG_OK)
            return SG_ENOMEM;
        memset(&(*acc)[*n_acc], 0, sizeof(pair_acc));
        (*acc)[*n_acc].a = na;
        (*acc)[*n_acc].b = nb;
        v = (uint32_t)*n_acc;
        ix->slot[at] = v + 1;
        (*n_acc)++;
    }
    pair_acc *p = &(*acc)[v];
    double sx = x[0] + x[1] + x[2], sy = y[0] + y[1] + y[2];
    p->ign += sx * sy;
    p->cong += x[SG_Q_SUPPORT] * y[SG_Q_SUPPORT] + x[SG_Q_OPPOSE] * y[SG_Q_OPPOSE];
    p->conf += x[SG_Q_SUPPORT] * y[SG_Q_OPPOSE] + x[SG_Q_OPPOSE] * y[SG_Q_SUPPORT];
    for (int k = 0; k < 3; k++) {
        if (x[k] > 0 && y[k] > 0) {
            p->m11 += x[k] * y[k];
            p->s_ab += x[k];
            p->s_ba += y[k];
        }
    }
    if (p->n_ev_cells < 4) {
        p->ev_cell[p->n_ev_cells++] = ca;
        p->ev_cell[p->n_ev_cells++] = cb;
    }
    return SG_OK;
}

/* Per-node activity t, squared profile norm sq, squared topic-total norm sqt. */
typedef struct node_sums {
    double t, sq, sqt;
} node_sums;

static double pair_norm(const sg_graph *g, const pair_acc *p, const node_sums *s)
{
    const node_sums *a = &s[p->a], *b = &s[p->b];
    switch (g->normalization) {
    case SG_NORM_AVERAGE: return (a->t + b->t) / 2.0;
    case SG_NORM_COSINE: return a->t * b->t;
    case SG_NORM_JACCARD: return (a->t - p->s_ab) + (b->t - p->s_ba) + p->m11;
    case SG_NORM_COSINE_VECTOR:
        return g->qualifier_aggregation == SG_QUALIFIER_IGNORE ? sqrt(a->sqt) * sqrt(b->sqt)
                                                                : sqrt(a->sq) * sqrt(b->sq);
    default: return 1.0;
    }
}

static sg_status emit_pairs(edge_list *l, const sg_graph *g, const pair_acc *acc,
                            size_t n_acc, const node_sums *sums, const sg_cell *cells)
{
    for (size_t i = 0; i < n_acc; i++) {
        const pair_acc *p = &acc[i];
        double norm = pair_norm(g, p, sums);
        double ign = 0, cong = 0, conf = 0;
        if (norm != 0.0) {
            ign = p->ign / norm;
            cong = p->cong / norm;
            conf = p->conf / norm;
        }
        double w;
        switch (g->qualifier_aggregation) {
        case SG_QUALIFIER_IGNORE: w = ign; break;
        case SG_QUALIFIER_CONGRUENCE: w = cong; break;
        case SG_QUALIFIER_CONFLICT: w = conf; break;
        default: w = cong - conf; break;
        }
        const sg_idlist *ev[4] = {NULL, NULL, NULL, NULL};
        for (uint32_t k = 0; k < p->n_ev_cells; k++)
            ev[k] = &cells[p->ev_cell[k]].evidence;
        if (push_edge(l, p->a, p->b, (int)g->qualifier_aggregation, w, cong, conf, ev, 4))
            return SG_ENOMEM;
    }
    return SG_OK;
}

/* Order of positions in one topic's run: most active first, then by node. */
typedef struct active_pos {
    double activity;
    uint32_t node;
    size_t pos;
} active_pos;

static int cmp_active(const void *x, const void *y)
{
    const active_pos *a = x, *b = y;
    if (a->activity != b->activity)
        return a->activity > b->activity ? -1 : 1;
    return (a->node > b->node) - (a->node < b->node);
}

/* splitmix64: a fixed, portable generator, so the pruned pairs are the same everywhere. */
static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* The ring distances of a pruned topic of n actors with k partners each (n > k + 1):
 * m = ceil(k / 2) distinct distances in 1 .. (n - 1) / 2, the near ones 1 .. ceil(m / 2)
 * and m - ceil(m / 2) far ones drawn without repetition from the rest of that range
 * (Floyd's sampling, seeded with n). Writes them to d[0 .. m). */
static sg_status ring_distances(size_t n, size_t k, size_t *d, size_t *m_out)
{
    size_t m = (k + 1) / 2, near = (m + 1) / 2, far = m - near;
    size_t top = (n - 1) / 2, range = top - near; /* far ones: near + 1 .. top */
    SG_ASSERT(m <= top, NULL);
    for (size_t i = 0; i < near; i++)
        d[i] = i + 1;
    *m_out = m;
    if (far == 0)
        return SG_OK;
    unsigned char *taken = calloc(range + 1, 1);
    if (taken == NULL)
        return SG_ENOMEM;
    uint64_t state = (uint64_t)n;
    size_t out = near;
    for (size_t j = range - far + 1; j <= range; j++) {
        size_t t = 1 + (size_t)(splitmix64(&state) % j); /* 1 .. j */
        if (taken[t])
            t = j;
        taken[t] = 1;
        d[out++] = near + t;
    }
    free(taken);
    return SG_OK;
}

/* The pairs of one topic's run order[lo, hi) (sorted by node): all of them, or, above
 * g->topic_partners + 1 actors, a ring of bounded degree. The actors are ranked by
 * activity (most active first, ties by node) and placed on a ring in that order; the
 * actor of rank r is paired with those of ranks r + d and r - d (mod n) for each ring
 * distance d (ring_distances). Every actor so has exactly 2 ceil(k / 2) partners: its
 * neighbours in activity (the most active are paired with each other) and far ones
 * spread over the whole topic, so the pruned network stays connected, with short paths,
 * and no actor is a hub. Each pair is made once: the distances are distinct and below
 * n / 2. */
static sg_status topic_pairs(pair_index *map, pair_acc **acc, size_t *n_acc, size_t *cap,
                             const sg_graph *g, const sg_cell *cells, const topic_cell *order,
                             size_t lo, size_t hi)
{
    size_t n = hi - lo, k = g->topic_partners;
    if (k == 0 || n <= k + 1) {
        for (size_t i = lo; i < hi; i++)
            for (size_t j = i + 1; j < hi; j++)
                if (order[i].node != order[j].node &&
                    pair_add(map, acc, n_acc, cap, cells, order[i].cell, order[j].cell))
                    return SG_ENOMEM;
        return SG_OK;
    }
    active_pos *ap = malloc(n * sizeof(active_pos));
    size_t *dist = malloc(((k + 1) / 2) * sizeof(size_t)), m = 0;
    sg_status rc = SG_ENOMEM;
    if (ap == NULL || dist == NULL || ring_distances(n, k, dist, &m) != SG_OK)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const double *x = cells[order[lo + i].cell].w;
        ap[i] = (active_pos){x[0] + x[1] + x[2], order[lo + i].node, i};
    }
    sg_graph__sort(ap, n, sizeof(active_pos), cmp_active);
    for (size_t r = 0; r < n; r++) {
        for (size_t h = 0; h < m; h++) {
            size_t i = ap[r].pos, j = ap[(r + dist[h]) % n].pos;
            if (order[lo + i].node == order[lo + j].node)
                continue;
            size_t a = i < j ? i : j, b = i < j ? j : i;
            if (pair_add(map, acc, n_acc, cap, cells, order[lo + a].cell, order[lo + b].cell))
                goto done;
        }
    }
    rc = SG_OK;
done:
    free(ap);
    free(dist);
    return rc;
}

static sg_status onemode(edge_list *l, const sg_graph *g, const sg_cell *cells, size_t n)
{
    sg_status rc = SG_ENOMEM;
    node_sums *sums = calloc(g->n_nodes ? g->n_nodes : 1, sizeof(node_sums));
    topic_cell *order = calloc(n ? n : 1, sizeof(topic_cell));
    pair_acc *acc = NULL;
    size_t n_acc = 0, cap = 0;
    pair_index map = {NULL, 0};
    if (sums == NULL || order == NULL)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const double *x = cells[i].w;
        node_sums *s = &sums[cells[i].node];
        double tot = x[0] + x[1] + x[2];
        s->t += tot;
        s->sq += x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        s->sqt += tot * tot;
        order[i] = (topic_cell){cells[i].topic, cells[i].node, (uint32_t)i};
    }
    sg_graph__sort(order, n, sizeof(topic_cell), cmp_topic_cell);
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo; hi < n && order[hi].topic == order[lo].topic; hi++)
            ;
        if (topic_pairs(&map, &acc, &n_acc, &cap, g, cells, order, lo, hi) != SG_OK)
            goto done;
    }
    rc = emit_pairs(l, g, acc, n_acc, sums, cells);
done:
    free(map.slot);
    free(acc);
    free(sums);
    free(order);
    return rc;
}

static sg_status twomode(edge_list *l, const sg_graph *g, const sg_cell *cells, size_t n,
                         const uint32_t *topic_node)
{
    double *act = calloc(g->n_nodes ? g->n_nodes : 1, sizeof(double));
    double *prom = calloc(g->n_topics ? g->n_topics : 1, sizeof(double));
    sg_status rc = SG_ENOMEM;
    if (act == NULL || prom == NULL)
        goto done;
    for (size_t i = 0; i < n; i++) {
        double tot = cells[i].w[0] + cells[i].w[1] + cells[i].w[2];
        act[cells[i].node] += tot;
        prom[cells[i].topic] += tot;
    }
    for (size_t i = 0; i < n; i++) {
        const double *x = cells[i].w;
        double norm = 1.0;
        if (g->normalization == SG_NORM_ACTIVITY)
            norm = act[cells[i].node];
        else if (g->normalization == SG_NORM_PROMINENCE)
            norm = prom[cells[i].topic];
        double w = g->qualifier_aggregation == SG_QUALIFIER_IGNORE
                       ? x[0] + x[1] + x[2] : x[SG_Q_SUPPORT] - x[SG_Q_OPPOSE];
        double pos = x[SG_Q_SUPPORT], neg = x[SG_Q_OPPOSE];
        if (norm == 0.0)
            w = pos = neg = 0.0;
        const sg_idlist *ev[1] = {&cells[i].evidence};
        if (push_edge(l, cells[i].node, topic_node[cells[i].topic], SG_EDGE_TWOMODE,
                      w / (norm ? norm : 1), pos / (norm ? norm : 1), neg / (norm ? norm : 1),
                      ev, 1))
            goto done;
    }
    rc = SG_OK;
done:
    free(act);
    free(prom);
    return rc;
}

/* The edge set from the sorted edge list: one igraph_t plus attribute vectors. */
static sg_status to_edgeset(sg_edgeset *out, const sg_graph *g, edge_list *l, sg_error *err)
{
    sg_graph__sort(l->e, l->n, sizeof(out_edge), cmp_out_edge);
    size_t n = l->n ? l->n : 1;
    uint32_t *src = malloc(n * sizeof(uint32_t)), *dst = malloc(n * sizeof(uint32_t));
    double *w = malloc(n * sizeof(double)), *cg = malloc(n * sizeof(double));
    double *cf = malloc(n * sizeof(double));
    int *kind = malloc(n * sizeof(int));
    sg_idlist *ev = malloc(n * sizeof(sg_idlist));
    sg_status rc;
    if (l->ev == NULL) /* never a NULL id list, as edgeset_init gives none */
        l->ev = calloc(1, sizeof(char *));
    if (!src || !dst || !w || !cg || !cf || !kind || !ev || !l->ev) {
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    sg_graph__huge_hint(w, n * sizeof(double)); /* the big ones */
    sg_graph__huge_hint(cg, n * sizeof(double));
    sg_graph__huge_hint(cf, n * sizeof(double));
    sg_graph__huge_hint(ev, n * sizeof(sg_idlist));
    for (size_t i = 0; i < l->n; i++) {
        const out_edge *e = &l->e[i];
        src[i] = e->src;
        dst[i] = e->dst;
        w[i] = e->weight;
        cg[i] = e->cong;
        cf[i] = e->conf;
        kind[i] = e->kind;
        ev[i].ids = l->ev + e->first_ev;
        ev[i].n = e->n_ev;
    }
    const char **store = l->ev; /* the edge set takes it over */
    l->ev = NULL;
    rc = sg_graph__edgeset_init_store(out, g->n_nodes, l->n, src, dst, w, cg, cf, kind, ev,
                                      store, err);
done:
    free(src);
    free(dst);
    free(w);
    free(cg);
    free(cf);
    free(kind);
    free(ev);
    return rc;
}

sg_status sg_graph__network(sg_edgeset *out, const sg_graph *g, const sg_cell *cells,
                            size_t n_cells, const sg_direct *direct, size_t n_direct,
                            const uint32_t *topic_node, sg_error *err)
{
    edge_list l;
    memset(&l, 0, sizeof(l));
    l.max_ev = g->max_edge_evidence;
    sg_status rc = g->network_type == SG_NETWORK_ONEMODE
                       ? onemode(&l, g, cells, n_cells)
                       : twomode(&l, g, cells, n_cells, topic_node);
    for (size_t i = 0; rc == SG_OK && i < n_direct; i++) {
        const sg_direct *d = &direct[i];
        const sg_idlist *ev[1] = {&d->evidence};
        if (d->source != d->target)
            rc = push_edge(&l, d->source, d->target, d->tie ? SG_EDGE_TIE : SG_EDGE_DIRECT,
                           d->pos - d->neg, d->pos, d->neg, ev, 1);
    }
    if (rc != SG_OK)
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    else
        rc = to_edgeset(out, g, &l, err);
    free(l.e);
    free(l.ev);
    return rc;
}
