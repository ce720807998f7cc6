/* balance.c - structural balance of the signed actor graph.
 *
 * Triangles: every triangle whose three ties are non-zero, enumerated once by the
 * forward algorithm (nodes ranked by degree; O(m^1.5)); balanced when the product of
 * the three signs is positive.
 * Frustration index (line index of balance): the fewest ties that are positive between
 * or negative within the two sides of some 2-colouring, i.e. the fewest ties whose
 * removal (or sign change) leaves the graph balanced; signs only, weights ignored. It
 * adds up over connected components. For a component of at most `exact_max` nodes it
 * is exact: branch and bound over 2-colourings (first node fixed, nodes in BFS order,
 * bound = cost so far + for each unassigned node the cheaper side against the assigned
 * ones), within a budget of SEARCH_BUDGET search nodes. Above, or when the budget runs
 * out, it is the best of `runs` seeded local searches (greedy single-node flips from
 * random and camp-based starts; 4 for components above 100,000 ties): an upper bound.
 * Polarisation: the share of |weight| on ties consistent with the camp split (positive
 * inside a camp, negative between camps), over actor-actor ties; 0 with fewer than
 * two camps.
 */
#include "analyze/analyze_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SEARCH_BUDGET 20000000L
#define MAX_PASSES 200
#define BIG_COMPONENT 100000 /* ties */
#define BIG_RUNS 4

/* ---- triangles ---- */

typedef struct rank_key {
    size_t degree;
    uint32_t node;
} rank_key;

static int cmp_rank(const void *x, const void *y)
{
    const rank_key *a = x, *b = y;
    if (a->degree != b->degree)
        return a->degree < b->degree ? -1 : 1;
    return (a->node > b->node) - (a->node < b->node);
}

static sg_status triangles(const sg_adj *adj, unsigned long long *total,
                           unsigned long long *balanced)
{
    size_t n = adj->n, m = adj->off[n];
    rank_key *keys = malloc((n + 1) * sizeof(rank_key));
    uint32_t *rank = malloc((n + 1) * sizeof(uint32_t));
    signed char *mark = calloc(n + 1, 1);
    /* the ties oriented to the higher-ranked end: a node's higher neighbours only, so
     * that a hub of high degree is never scanned whole from each of its neighbours */
    size_t *out_off = calloc(n + 1, sizeof(size_t));
    uint32_t *out_nbr = malloc((m + 1) * sizeof(uint32_t));
    signed char *out_sign = malloc(m + 1);
    *total = *balanced = 0;
    if (keys == NULL || rank == NULL || mark == NULL || out_off == NULL || out_nbr == NULL ||
        out_sign == NULL) {
        free(keys);
        free(rank);
        free(mark);
        free(out_off);
        free(out_nbr);
        free(out_sign);
        return SG_ENOMEM;
    }
    for (size_t v = 0; v < n; v++)
        keys[v] = (rank_key){adj->off[v + 1] - adj->off[v], (uint32_t)v};
    sg_graph__sort(keys, n, sizeof(rank_key), cmp_rank);
    for (size_t i = 0; i < n; i++)
        rank[keys[i].node] = (uint32_t)i;
    for (size_t u = 0, e = 0; u < n; u++) {
        out_off[u] = e;
        for (size_t k = adj->off[u]; k < adj->off[u + 1]; k++)
            if (rank[adj->nbr[k]] > rank[u]) {
                out_nbr[e] = adj->nbr[k];
                out_sign[e++] = adj->w[k] > 0 ? 1 : -1;
            }
        out_off[u + 1] = e;
    }
    for (size_t u = 0; u < n; u++) {
        for (size_t k = out_off[u]; k < out_off[u + 1]; k++)
            mark[out_nbr[k]] = out_sign[k];
        for (size_t k = out_off[u]; k < out_off[u + 1]; k++) {
            uint32_t v = out_nbr[k];
            for (size_t l = out_off[v]; l < out_off[v + 1]; l++) {
                uint32_t w = out_nbr[l];
                if (mark[w] == 0)
                    continue;
                (*total)++;
                if (mark[v] * mark[w] * out_sign[l] > 0)
                    (*balanced)++;
            }
        }
        for (size_t k = out_off[u]; k < out_off[u + 1]; k++)
            mark[out_nbr[k]] = 0;
    }
    free(keys);
    free(rank);
    free(mark);
    free(out_off);
    free(out_nbr);
    free(out_sign);
    return SG_OK;
}

/* ---- frustration: local search ---- */

static int frustrated(double w, unsigned char cu, unsigned char cv)
{
    return w > 0 ? cu != cv : cu == cv;
}

/* The local search reads signs only: neg[k] is 1 for a tie that is not positive, and
 * a tie is frustrated exactly when colour[v] ^ colour[u] ^ neg[k] is 1 (as frustrated()
 * says), a byte per tie instead of a double. */
static size_t component_cost(const sg_adj *adj, const unsigned char *neg,
                             const uint32_t *nodes, size_t size, const unsigned char *colour)
{
    size_t cost = 0;
    for (size_t i = 0; i < size; i++) {
        uint32_t v = nodes[i];
        for (size_t k = adj->off[v]; k < adj->off[v + 1]; k++)
            if (adj->nbr[k] > v)
                cost += (size_t)(colour[v] ^ colour[adj->nbr[k]] ^ neg[k]);
    }
    return cost;
}

/* Greedy flips until no single flip lowers the number of frustrated ties. */
static void descend(const sg_adj *adj, const unsigned char *neg, const uint32_t *nodes,
                    size_t size, unsigned char *colour)
{
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        int flipped = 0;
        for (size_t i = 0; i < size; i++) {
            uint32_t v = nodes[i];
            long delta = 0;
            unsigned char cv = colour[v];
            for (size_t k = adj->off[v]; k < adj->off[v + 1]; k++) /* -1 if frustrated */
                delta += 1 - 2 * (long)(cv ^ colour[adj->nbr[k]] ^ neg[k]);
            if (delta < 0) {
                colour[v] ^= 1;
                flipped = 1;
            }
        }
        if (!flipped)
            break;
    }
}

static size_t local_search(const sg_adj *adj, const unsigned char *neg, const uint32_t *nodes,
                           size_t size, const int *camp, int runs, sg_rng *rng,
                           unsigned char *colour, unsigned char *best_colour)
{
    size_t best = (size_t)-1;
    for (int run = 0; run < (runs > 0 ? runs : 1); run++) {
        uint64_t salt = sg_analyze__rng_next(rng);
        for (size_t i = 0; i < size; i++) {
            uint32_t v = nodes[i];
            /* even runs: each camp on a random side; odd runs: each node at random */
            uint64_t key = (run % 2 == 0 && camp[v] > 0) ? (uint64_t)camp[v] : (uint64_t)v + 1;
            sg_rng h = {salt ^ (key * 0x9e3779b97f4a7c15ull)};
            colour[v] = (unsigned char)(sg_analyze__rng_next(&h) & 1);
        }
        descend(adj, neg, nodes, size, colour);
        size_t cost = component_cost(adj, neg, nodes, size, colour);
        if (cost < best) {
            best = cost;
            for (size_t i = 0; i < size; i++)
                best_colour[nodes[i]] = colour[nodes[i]];
        }
    }
    return best;
}

/* ---- frustration: branch and bound ---- */

typedef struct bnb {
    size_t size;
    uint32_t *order;      /* position -> node */
    int *pos;             /* node -> position (only for the component) */
    size_t *cost[2];      /* cost[c][j]: frustrated ties of position j on side c so far */
    unsigned char *colour;
    size_t best;
    long budget;
    const sg_adj *adj;
} bnb;

static size_t bound_rest(const bnb *s, size_t from)
{
    size_t b = 0;
    for (size_t j = from; j < s->size; j++)
        b += s->cost[0][j] < s->cost[1][j] ? s->cost[0][j] : s->cost[1][j];
    return b;
}

/* Assign position i side c: update later neighbours' costs by `sign` (+1 / -1). */
static void apply(bnb *s, size_t i, unsigned char c, int sign)
{
    uint32_t v = s->order[i];
    for (size_t k = s->adj->off[v]; k < s->adj->off[v + 1]; k++) {
        int j = s->pos[s->adj->nbr[k]];
        if (j <= (int)i)
            continue;
        for (unsigned char side = 0; side < 2; side++)
            if (frustrated(s->adj->w[k], c, side))
                s->cost[side][j] = (size_t)((long)s->cost[side][j] + sign);
    }
}

/* Depth is at most exact_max (a few dozen): the recursion is bounded. */
static void search(bnb *s, size_t i, size_t cost)
{
    if (--s->budget < 0)
        return;
    if (i == s->size) {
        if (cost < s->best)
            s->best = cost;
        return;
    }
    unsigned char first = s->cost[1][i] < s->cost[0][i];
    for (int t = 0; t < (i == 0 ? 1 : 2); t++) {
        unsigned char c = (unsigned char)(first ^ t);
        size_t here = cost + s->cost[c][i];
        apply(s, i, c, +1);
        if (here + bound_rest(s, i + 1) < s->best)
            search(s, i + 1, here);
        apply(s, i, c, -1);
    }
}

/* BFS order from the highest-degree node, so each node meets assigned neighbours. */
static void bfs_order(const sg_adj *adj, const uint32_t *nodes, size_t size, bnb *s)
{
    uint32_t root = nodes[0];
    for (size_t i = 1; i < size; i++)
        if (adj->off[nodes[i] + 1] - adj->off[nodes[i]] > adj->off[root + 1] - adj->off[root])
            root = nodes[i];
    size_t head = 0, tail = 0;
    s->order[tail] = root;
    s->pos[root] = (int)tail++;
    while (head < tail) {
        uint32_t v = s->order[head++];
        for (size_t k = adj->off[v]; k < adj->off[v + 1]; k++)
            if (s->pos[adj->nbr[k]] < 0) {
                s->pos[adj->nbr[k]] = (int)tail;
                s->order[tail++] = adj->nbr[k];
            }
    }
}

/* Exact minimum for one component, or -1 when the budget ran out. `upper` is a known
 * feasible cost (from the local search). */
static long exact_component(const sg_adj *adj, const uint32_t *nodes, size_t size,
                            size_t upper, int *pos)
{
    bnb s;
    memset(&s, 0, sizeof(s));
    s.size = size;
    s.adj = adj;
    s.pos = pos;
    s.order = malloc(size * sizeof(uint32_t));
    s.cost[0] = calloc(size, sizeof(size_t));
    s.cost[1] = calloc(size, sizeof(size_t));
    long result = -2;
    if (s.order && s.cost[0] && s.cost[1]) {
        bfs_order(adj, nodes, size, &s);
        s.best = upper + 1; /* find a colouring at least as good as `upper` */
        s.budget = SEARCH_BUDGET;
        search(&s, 0, 0);
        result = s.budget < 0 ? -1 : (long)(s.best <= upper ? s.best : upper);
    }
    for (size_t i = 0; i < size; i++)
        pos[nodes[i]] = -1;
    free(s.order);
    free(s.cost[0]);
    free(s.cost[1]);
    return result;
}

sg_status sg_analyze__frustration(const sg_adj *adj, const int *camp, size_t exact_max,
                                  int runs, uint64_t seed, size_t *out, int *exact)
{
    size_t n = adj->n, n_comp = 0;
    uint32_t *comp = malloc((n + 1) * sizeof(uint32_t));
    uint32_t *nodes = malloc((n + 1) * sizeof(uint32_t));
    size_t *start = calloc(n + 2, sizeof(size_t));
    unsigned char *colour = calloc(n + 1, 1), *best = calloc(n + 1, 1);
    int *pos = malloc((n + 1) * sizeof(int));
    unsigned char *neg = malloc(adj->off[n] + 1);
    sg_status rc = SG_ENOMEM;
    *out = 0;
    *exact = 1;
    if (!comp || !nodes || !start || !colour || !best || !pos || !neg ||
        sg_analyze__components(adj, comp, &n_comp) != SG_OK)
        goto done;
    for (size_t k = 0; k < adj->off[n]; k++)
        neg[k] = !(adj->w[k] > 0);
    for (size_t v = 0; v < n; v++) {
        start[comp[v] + 1]++;
        pos[v] = -1;
    }
    for (size_t c = 0; c < n_comp; c++)
        start[c + 1] += start[c];
    for (size_t v = 0, *fill = start; v < n; v++)
        nodes[fill[comp[v]]++] = (uint32_t)v;
    for (size_t c = n_comp; c > 0; c--)
        start[c] = start[c - 1];
    start[0] = 0;
    sg_rng rng = {seed};
    rc = SG_OK;
    for (size_t c = 0; c < n_comp && rc == SG_OK; c++) {
        size_t size = start[c + 1] - start[c];
        const uint32_t *members = nodes + start[c];
        if (size < 2)
            continue;
        size_t ties = 0;
        for (size_t i = 0; i < size; i++)
            ties += adj->off[members[i] + 1] - adj->off[members[i]];
        /* big components: fewer restarts (each costs a few passes over every tie) */
        int r = ties / 2 > BIG_COMPONENT && runs > BIG_RUNS ? BIG_RUNS : runs;
        size_t upper = local_search(adj, neg, members, size, camp, r, &rng, colour, best);
        if (size <= exact_max && upper > 0) {
            long ex = exact_component(adj, members, size, upper, pos);
            if (ex == -2)
                rc = SG_ENOMEM;
            else if (ex < 0)
                *exact = 0;
            else
                upper = (size_t)ex;
        } else if (upper > 0) {
            *exact = 0;
        }
        *out += upper;
    }
done:
    free(comp);
    free(nodes);
    free(start);
    free(colour);
    free(best);
    free(pos);
    free(neg);
    return rc;
}

/* ---- polarisation and the whole ---- */

static double polarisation(const sg_report *r)
{
    if (r->n_camps < 2)
        return 0.0;
    double consistent = 0.0, total = 0.0;
    for (size_t i = 0; i < r->n_pairs; i++) {
        const sg_apair *p = &r->pairs[i];
        int ca = r->camp[p->a], cb = r->camp[p->b];
        if (ca == 0 || cb == 0)
            continue; /* ties to topic nodes (two-mode) */
        total += fabs(p->w);
        if ((p->w > 0) == (ca == cb))
            consistent += fabs(p->w);
    }
    return total > 0 ? consistent / total : 0.0;
}

sg_status sg_analyze__balance(sg_report *r, const sg_analyze_options *opts, sg_error *err)
{
    sg_balance *b = &r->balance;
    if (triangles(&r->adj, &b->triangles, &b->triangles_balanced) != SG_OK ||
        sg_analyze__frustration(&r->adj, r->camp, opts->exact_frustration_max,
                                opts->local_search_runs, (uint64_t)opts->seed, &b->frustration,
                                &b->frustration_exact) != SG_OK)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    b->polarisation = polarisation(r);
    return SG_OK;
}
