/* merge.c - exact merge of partial graphs (sg_graph_merge, `stancegraph merge`).
 *
 * Every network is a function of the per actor x topic aggregates (weights and counts
 * by side), which add up across disjoint sets of statements. So merging sums the
 * aggregates of the parts (node stances, window stances, direct relations) and
 * recomputes the edges from the sums, exactly as `build` would from all statements.
 * Evidence lists are concatenated in part order and capped. Windows lie on a fixed
 * grid (windows.c), so the parts' windows line up by start date.
 *
 * Edge evidence is exact too when every part carries its stances' statement ids
 * (`build --for-merge`, stance_evidence): the merged stances get the parts' ids in part
 * order, capped as a build caps them, and the network takes its evidence from them just
 * as build does. Otherwise an edge gets the evidence of the parts' edges between the
 * same pair, and an edge that exists in no single part gets none.
 */
#include "graph/builder_internal.h"
#include "graph/graph_internal.h"

#include <stdlib.h>
#include <string.h>

#define WINDOW_EVIDENCE 5

typedef struct merge_ctx {
    sg_graph *g;
    const sg_graph *const *parts;
    size_t n_parts;
    uint32_t **node_map;  /* per part: part node index -> merged node index */
    uint32_t **topic_map; /* per part: part topic index -> merged topic index */
    uint32_t *topic_node; /* merged topic -> node (two-mode) */
    int exact_evidence;   /* every part carries stance evidence */
} merge_ctx;

static sg_status oom(sg_error *err)
{
    return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static sg_status check_parts(const sg_graph *const *parts, size_t n, const char *const *names,
                             sg_error *err)
{
    if (n == 0)
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "nothing to merge");
    const sg_graph *a = parts[0];
    for (size_t i = 1; i < n; i++) {
        const sg_graph *b = parts[i];
        if (a->network_type != b->network_type ||
            a->qualifier_aggregation != b->qualifier_aggregation ||
            a->normalization != b->normalization || a->duplicates != b->duplicates ||
            a->window_days != b->window_days || a->step_days != b->step_days ||
            a->topic_partners != b->topic_partners ||
            (a->window_days > 0 && a->window_networks != b->window_networks)) {
            return sg_error_set(err, SG_EINPUT, names ? names[i] : NULL, 0,
                                "built with other settings than %s (network type, "
                                "aggregation, normalization, duplicates, topic partners and "
                                "windows must be equal)", names ? names[0] : "the first part");
        }
    }
    return SG_OK;
}

/* Sorted union of strings taken from every part; map[p][i] = position of part p's i-th. */
static sg_status union_names(sg_graph *g, size_t n_parts, const char *(*get)(const sg_graph *,
                             size_t), size_t (*count)(const sg_graph *),
                             const sg_graph *const *parts, const char ***out, size_t *n_out)
{
    size_t total = 0;
    for (size_t p = 0; p < n_parts; p++)
        total += count(parts[p]);
    const char **all = calloc(total ? total : 1, sizeof(char *));
    if (all == NULL)
        return SG_ENOMEM;
    size_t n = 0;
    for (size_t p = 0; p < n_parts; p++)
        for (size_t i = 0; i < count(parts[p]); i++) {
            uint32_t idx;
            const char *s = get(parts[p], i);
            if (sg_graph__pool_intern(&g->pool, s, strlen(s), &idx) != SG_OK) {
                free(all);
                return SG_ENOMEM;
            }
            all[n++] = g->pool.strs[idx];
        }
    sg_graph__sort(all, n, sizeof(char *), cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) /* interned: equal strings are equal pointers */
        if (u == 0 || all[u - 1] != all[i])
            all[u++] = all[i];
    *out = all;
    *n_out = u;
    return SG_OK;
}

static const char *topic_at(const sg_graph *g, size_t i) { return g->topics[i]; }
static size_t topic_count(const sg_graph *g) { return g->n_topics; }
static const char *node_at(const sg_graph *g, size_t i) { return g->nodes[i].id; }
static size_t node_count(const sg_graph *g) { return g->n_nodes; }

static sg_status build_maps(merge_ctx *m, const char **node_ids, size_t n_nodes)
{
    sg_graph *g = m->g;
    m->node_map = calloc(m->n_parts, sizeof(uint32_t *));
    m->topic_map = calloc(m->n_parts, sizeof(uint32_t *));
    m->topic_node = calloc(g->n_topics ? g->n_topics : 1, sizeof(uint32_t));
    if (!m->node_map || !m->topic_map || !m->topic_node)
        return SG_ENOMEM;
    for (size_t p = 0; p < m->n_parts; p++) {
        const sg_graph *part = m->parts[p];
        m->node_map[p] = calloc(part->n_nodes ? part->n_nodes : 1, sizeof(uint32_t));
        m->topic_map[p] = calloc(part->n_topics ? part->n_topics : 1, sizeof(uint32_t));
        if (!m->node_map[p] || !m->topic_map[p])
            return SG_ENOMEM;
        for (size_t i = 0; i < part->n_nodes; i++) {
            const char *key = part->nodes[i].id;
            const char **hit = sg_graph__bsearch(&key, node_ids, n_nodes, sizeof(char *), cmp_str);
            m->node_map[p][i] = (uint32_t)(hit - node_ids);
            if (part->nodes[i].kind == SG_NODE_TOPIC)
                g->nodes[hit - node_ids].kind = SG_NODE_TOPIC;
        }
        for (size_t t = 0; t < part->n_topics; t++) {
            const char *key = part->topics[t];
            const char **hit = sg_graph__bsearch(&key, g->topics, g->n_topics, sizeof(char *), cmp_str);
            m->topic_map[p][t] = (uint32_t)(hit - g->topics);
        }
    }
    for (size_t t = 0; t < g->n_topics; t++) {
        size_t nd = 0;
        if (sg_graph_find_node(g, g->topics[t], &nd) == 0)
            m->topic_node[t] = (uint32_t)nd;
    }
    return SG_OK;
}

typedef struct stance_entry {
    uint32_t node, topic;
    double w[3];
    uint32_t n[3];
    sg_idlist ev; /* borrowed */
    size_t seq;   /* insertion order = part order, the tie-break of the sort */
} stance_entry;

static int cmp_entry(const void *x, const void *y)
{
    const stance_entry *a = x, *b = y;
    if (a->node != b->node)
        return a->node < b->node ? -1 : 1;
    return (a->topic > b->topic) - (a->topic < b->topic);
}

/* The sort order: (node, topic), then part order, so evidence concatenates in part order. */
static int cmp_entry_seq(const void *x, const void *y)
{
    int c = cmp_entry(x, y);
    if (c != 0)
        return c;
    const stance_entry *a = x, *b = y;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Append ids to list (capacity cap), interned into g's pool so the merged graph owns them. */
static sg_status idlist_append(sg_graph *g, sg_idlist *list, size_t cap, const sg_idlist *ids)
{
    for (uint32_t k = 0; k < ids->n && list->n < cap; k++) {
        uint32_t idx;
        if (sg_graph__pool_intern(&g->pool, ids->ids[k], strlen(ids->ids[k]), &idx) != SG_OK)
            return SG_ENOMEM;
        list->ids[list->n++] = g->pool.strs[idx];
    }
    return SG_OK;
}

/* Node counts, evidence (part order, capped) and summed stances. */
static sg_status merge_nodes(merge_ctx *m)
{
    sg_graph *g = m->g;
    size_t total = 0;
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t i = 0; i < m->parts[p]->n_nodes; i++)
            total += m->parts[p]->nodes[i].n_stances;
    stance_entry *e = calloc(total ? total : 1, sizeof(stance_entry));
    if (e == NULL)
        return SG_ENOMEM;
    size_t n = 0;
    for (size_t p = 0; p < m->n_parts; p++) {
        for (size_t i = 0; i < m->parts[p]->n_nodes; i++) {
            const sg_node *src = &m->parts[p]->nodes[i];
            sg_node *dst = &g->nodes[m->node_map[p][i]];
            dst->statements += src->statements;
            for (uint32_t k = 0; k < src->n_stances; k++) {
                stance_entry *s = &e[n++];
                s->node = m->node_map[p][i];
                s->topic = m->topic_map[p][src->stances[k].topic];
                memcpy(s->w, src->stances[k].w, sizeof(s->w));
                memcpy(s->n, src->stances[k].n, sizeof(s->n));
                s->ev = src->stances[k].evidence;
                s->seq = n;
            }
            if (src->n_evidence && dst->evidence == NULL &&
                (dst->evidence = calloc(SG_GRAPH_NODE_EVIDENCE, sizeof(sg_evidence))) == NULL) {
                free(e);
                return SG_ENOMEM;
            }
            for (uint32_t k = 0; k < src->n_evidence && dst->n_evidence < SG_GRAPH_NODE_EVIDENCE;
                 k++) {
                if (sg_graph__evidence_copy(&dst->evidence[dst->n_evidence], &src->evidence[k])) {
                    free(e);
                    return SG_ENOMEM;
                }
                dst->n_evidence++;
            }
        }
    }
    sg_graph__sort(e, n, sizeof(stance_entry), cmp_entry_seq);
    sg_status rc = SG_OK;
    for (size_t lo = 0, hi; lo < n && rc == SG_OK; lo = hi) {
        sg_node *nd = &g->nodes[e[lo].node];
        size_t k = 0;
        for (hi = lo; hi < n && e[hi].node == e[lo].node; hi++)
            k += hi == lo || e[hi].topic != e[hi - 1].topic;
        nd->stances = calloc(k, sizeof(sg_stance));
        if (nd->stances == NULL) {
            rc = SG_ENOMEM;
            break;
        }
        for (size_t i = lo; i < hi; i++) {
            if (i == lo || e[i].topic != e[i - 1].topic)
                nd->stances[nd->n_stances++].topic = e[i].topic;
            sg_stance *s = &nd->stances[nd->n_stances - 1];
            for (int q = 0; q < 3; q++) {
                s->w[q] += e[i].w[q];
                s->n[q] += e[i].n[q];
            }
            if (m->exact_evidence && rc == SG_OK) {
                if (s->evidence.ids == NULL &&
                    (s->evidence.ids = calloc(SG_CELL_EVIDENCE, sizeof(char *))) == NULL)
                    rc = SG_ENOMEM;
                else
                    rc = idlist_append(g, &s->evidence, SG_CELL_EVIDENCE, &e[i].ev);
            }
        }
    }
    free(e);
    return rc;
}

/* Direct relations summed over the parts' direct edges of one edge set each. */
static sg_status collect_direct(merge_ctx *m, const sg_edgeset *const *sets,
                                const size_t *part_of, size_t n_sets, sg_direct **out,
                                size_t *n_out, size_t max_ev)
{
    sg_map map;
    sg_graph__map_init(&map);
    size_t cap = 0;
    *out = NULL;
    *n_out = 0;
    for (size_t s = 0; s < n_sets; s++) {
        const sg_edgeset *es = sets[s];
        for (size_t e = 0; e < sg_graph__edgeset_count(es); e++) {
            int kind = (int)VECTOR(es->kind)[e];
            if (kind != SG_EDGE_DIRECT && kind != SG_EDGE_TIE)
                continue;
            uint32_t a, b, v;
            int found;
            sg_graph__edgeset_ends(es, e, &a, &b);
            a = m->node_map[part_of[s]][a];
            b = m->node_map[part_of[s]][b];
            if (sg_graph__map_upsert(&map, ((uint64_t)a << 32) | b, kind == SG_EDGE_TIE,
                                     (uint32_t)*n_out, &v,
                                     &found) != SG_OK ||
                (!found && sg_graph__grow((void **)out, &cap, *n_out + 1, sizeof(sg_direct))))
                goto fail;
            if (!found) {
                (*out)[(*n_out)++] = (sg_direct){a, b, 0, 0, {NULL, 0}, kind == SG_EDGE_TIE};
                if (((*out)[v].evidence.ids = calloc(max_ev ? max_ev : 1, sizeof(char *))) == NULL)
                    goto fail;
            }
            sg_direct *d = &(*out)[v];
            d->pos += VECTOR(es->congruence)[e];
            d->neg += VECTOR(es->conflict)[e];
            if (idlist_append(m->g, &d->evidence, max_ev, &es->evidence[e]) != SG_OK)
                goto fail;
        }
    }
    sg_graph__map_destroy(&map);
    return SG_OK;
fail:
    sg_graph__map_destroy(&map);
    return SG_ENOMEM;
}

static void free_direct(sg_direct *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(d[i].evidence.ids);
    free(d);
}

/* The merged network's edges get the parts' evidence for the same (source, target,
 * kind), concatenated in part order: rebuild the edge set with those lists. */
static sg_status attach_evidence(merge_ctx *m, sg_error *err)
{
    sg_graph *g = m->g;
    sg_edgeset *es = &g->edges;
    size_t n = sg_graph__edgeset_count(es), cap_ev = g->max_edge_evidence;
    sg_map map;
    sg_graph__map_init(&map);
    size_t n_ev = 0; /* an edge keeps at most what the parts' edges carry */
    for (size_t p = 0; p < m->n_parts; p++)
        for (size_t e = 0; e < sg_graph__edgeset_count(&m->parts[p]->edges); e++)
            n_ev += m->parts[p]->edges.evidence[e].n;
    sg_idlist *ev = calloc(n ? n : 1, sizeof(sg_idlist));
    const char **store = calloc(n_ev + 1, sizeof(char *));
    uint32_t *src = malloc((n + 1) * sizeof(uint32_t)), *dst = malloc((n + 1) * sizeof(uint32_t));
    int *kind = malloc((n + 1) * sizeof(int));
    sg_status rc = SG_ENOMEM;
    if (!ev || !store || !src || !dst || !kind)
        goto done;
    for (size_t e = 0; e < n; e++) {
        uint32_t v;
        int found;
        sg_graph__edgeset_ends(es, e, &src[e], &dst[e]);
        kind[e] = (int)VECTOR(es->kind)[e];
        if (sg_graph__map_upsert(&map, ((uint64_t)src[e] << 32) | dst[e], (uint64_t)kind[e],
                                 (uint32_t)e, &v, &found) != SG_OK)
            goto done;
    }
    /* pass 0 sizes each edge's slice of `store` (ids.n counts), pass 1 fills it */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t p = 0; p < m->n_parts; p++) {
            const sg_edgeset *pe = &m->parts[p]->edges;
            for (size_t e = 0; e < sg_graph__edgeset_count(pe); e++) {
                uint32_t a, b, v;
                sg_graph__edgeset_ends(pe, e, &a, &b);
                a = m->node_map[p][a];
                b = m->node_map[p][b];
                if (!sg_graph__map_get(&map, ((uint64_t)a << 32) | b,
                                       (uint64_t)VECTOR(pe->kind)[e], &v))
                    continue;
                for (uint32_t k = 0; k < pe->evidence[e].n && ev[v].n < cap_ev; k++) {
                    uint32_t idx;
                    const char *id = pe->evidence[e].ids[k];
                    if (pass == 1) { /* the merged graph's own copy, not the part's */
                        if (sg_graph__pool_intern(&g->pool, id, strlen(id), &idx) != SG_OK)
                            goto done;
                        ev[v].ids[ev[v].n] = g->pool.strs[idx];
                    }
                    ev[v].n++;
                }
            }
        }
        for (size_t e = 0, at = 0; pass == 0 && e < n; e++) {
            ev[e].ids = store + at;
            at += ev[e].n;
            ev[e].n = 0;
        }
    }
    sg_edgeset fresh;
    rc = sg_graph__edgeset_init(&fresh, g->n_nodes, n, src, dst, VECTOR(es->weight),
                                VECTOR(es->congruence), VECTOR(es->conflict), kind, ev, err);
    if (rc == SG_OK) {
        sg_graph__edgeset_destroy(es);
        *es = fresh;
    }
done:
    if (rc == SG_ENOMEM)
        oom(err);
    sg_graph__map_destroy(&map);
    free(ev);
    free(store);
    free(src);
    free(dst);
    free(kind);
    return rc;
}

static sg_status merge_network(merge_ctx *m, sg_error *err)
{
    sg_graph *g = m->g;
    size_t n_cells = 0;
    for (size_t i = 0; i < g->n_nodes; i++)
        n_cells += g->nodes[i].n_stances;
    sg_cell *cells = calloc(n_cells ? n_cells : 1, sizeof(sg_cell));
    const sg_edgeset **sets = calloc(m->n_parts, sizeof(sg_edgeset *));
    size_t *part_of = calloc(m->n_parts, sizeof(size_t));
    sg_direct *direct = NULL;
    size_t n_direct = 0;
    sg_status rc = SG_ENOMEM;
    if (cells == NULL || sets == NULL || part_of == NULL)
        goto done;
    for (size_t i = 0, c = 0; i < g->n_nodes; i++)
        for (uint32_t k = 0; k < g->nodes[i].n_stances; k++, c++) {
            cells[c].node = (uint32_t)i;
            cells[c].topic = g->nodes[i].stances[k].topic;
            memcpy(cells[c].w, g->nodes[i].stances[k].w, sizeof(cells[c].w));
            if (m->exact_evidence)
                cells[c].evidence = g->nodes[i].stances[k].evidence;
        }
    for (size_t p = 0; p < m->n_parts; p++) {
        sets[p] = &m->parts[p]->edges;
        part_of[p] = p;
    }
    /* With exact evidence the network takes it from the cells and the direct relations,
     * as build does; else from the parts' edges afterwards. */
    if (collect_direct(m, sets, part_of, m->n_parts, &direct, &n_direct,
                       m->exact_evidence ? SG_CELL_EVIDENCE : 0) != SG_OK)
        goto done;
    rc = sg_graph__network(&g->edges, g, cells, n_cells, direct, n_direct, m->topic_node, err);
    if (rc == SG_OK && !m->exact_evidence)
        rc = attach_evidence(m, err);
    goto cleanup;
done:
    oom(err);
cleanup:
    free(cells);
    free((void *)sets);
    free(part_of);
    free_direct(direct, n_direct);
    return rc;
}

/* The parts' stances of one grid window, summed; evidence concatenated and capped. */
static sg_status window_stances(merge_ctx *m, const sg_window *const *wins, size_t n_wins,
                                const size_t *part_of, sg_wstance **out, size_t *n_out)
{
    size_t total = 0;
    for (size_t i = 0; i < n_wins; i++)
        total += wins[i]->n_stances;
    stance_entry *e = calloc(total ? total : 1, sizeof(stance_entry));
    *out = calloc(total ? total : 1, sizeof(sg_wstance));
    *n_out = 0;
    if (e == NULL || *out == NULL) {
        free(e);
        return SG_ENOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < n_wins; i++)
        for (size_t k = 0; k < wins[i]->n_stances; k++) {
            const sg_wstance *s = &wins[i]->stances[k];
            e[n] = (stance_entry){m->node_map[part_of[i]][s->node],
                                  m->topic_map[part_of[i]][s->topic],
                                  {s->w[0], s->w[1], s->w[2]},
                                  {s->n[0], s->n[1], s->n[2]},
                                  s->evidence, n};
            n++;
        }
    sg_graph__sort(e, n, sizeof(stance_entry), cmp_entry_seq);
    sg_status rc = SG_OK;
    for (size_t i = 0; i < n && rc == SG_OK; i++) {
        if (i == 0 || cmp_entry(&e[i], &e[i - 1]) != 0) {
            sg_wstance *w = &(*out)[(*n_out)++];
            w->node = e[i].node;
            w->topic = e[i].topic;
            if ((w->evidence.ids = calloc(WINDOW_EVIDENCE, sizeof(char *))) == NULL)
                rc = SG_ENOMEM;
        }
        sg_wstance *w = &(*out)[*n_out - 1];
        for (int q = 0; q < 3; q++) {
            w->w[q] += e[i].w[q];
            w->n[q] += e[i].n[q];
        }
        if (rc == SG_OK)
            rc = idlist_append(m->g, &w->evidence, WINDOW_EVIDENCE, &e[i].ev);
    }
    free(e);
    return rc;
}

static void free_wstances(sg_wstance *w, size_t n)
{
    if (w == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        free(w[i].evidence.ids);
    free(w);
}

/* One merged window at grid position `start`. */
static sg_status merge_window(merge_ctx *m, sg_window *win, size_t *next, sg_error *err)
{
    const sg_window **wins = calloc(m->n_parts, sizeof(sg_window *));
    const sg_edgeset **sets = calloc(m->n_parts, sizeof(sg_edgeset *));
    size_t *part_of = calloc(m->n_parts, sizeof(size_t));
    sg_wstance *st = NULL;
    sg_direct *direct = NULL;
    size_t n = 0, n_st = 0, n_direct = 0;
    sg_status rc = SG_ENOMEM;
    if (wins == NULL || sets == NULL || part_of == NULL)
        goto done;
    for (size_t p = 0; p < m->n_parts; p++) {
        const sg_graph *part = m->parts[p];
        while (next[p] < part->n_windows && part->windows[next[p]].start < win->start)
            next[p]++;
        if (next[p] < part->n_windows && part->windows[next[p]].start == win->start) {
            wins[n] = &part->windows[next[p]];
            sets[n] = &wins[n]->edges;
            part_of[n++] = p;
            win->statements += part->windows[next[p]].statements;
        }
    }
    if (window_stances(m, wins, n, part_of, &st, &n_st) != SG_OK ||
        collect_direct(m, sets, part_of, n, &direct, &n_direct, WINDOW_EVIDENCE) != SG_OK)
        goto done;
    rc = sg_graph__window_set(m->g, win, st, n_st, direct, n_direct, m->topic_node, err);
    st = NULL; /* the window owns it now, even on failure */
done:
    if (rc == SG_ENOMEM)
        oom(err);
    free_wstances(st, n_st);
    free_direct(direct, n_direct);
    free((void *)wins);
    free((void *)sets);
    free(part_of);
    return rc;
}

static sg_status merge_windows(merge_ctx *m, sg_error *err)
{
    sg_graph *g = m->g;
    int have = 0;
    int32_t lo = 0, hi = 0;
    for (size_t p = 0; p < m->n_parts; p++) {
        const sg_graph *part = m->parts[p];
        if (part->n_windows == 0)
            continue;
        if (!have || part->windows[0].start < lo)
            lo = part->windows[0].start;
        if (!have || part->windows[part->n_windows - 1].start > hi)
            hi = part->windows[part->n_windows - 1].start;
        have = 1;
    }
    if (!have || g->step_days <= 0)
        return SG_OK;
    size_t n_win = (size_t)((hi - lo) / g->step_days) + 1;
    size_t *next = calloc(m->n_parts, sizeof(size_t));
    g->windows = calloc(n_win, sizeof(sg_window));
    if (next == NULL || g->windows == NULL) {
        free(next);
        return oom(err);
    }
    sg_status rc = SG_OK;
    for (size_t k = 0; k < n_win && rc == SG_OK; k++) {
        sg_window *w = &g->windows[k];
        w->start = lo + (int32_t)k * g->step_days;
        w->end = w->start + g->window_days - 1;
        g->n_windows = k + 1;
        rc = merge_window(m, w, next, err);
    }
    free(next);
    return rc;
}

static void merge_settings(sg_graph *g, const sg_graph *const *parts, size_t n)
{
    const sg_graph *a = parts[0];
    g->network_type = a->network_type;
    g->qualifier_aggregation = a->qualifier_aggregation;
    g->normalization = a->normalization;
    g->duplicates = a->duplicates;
    g->window_days = a->window_days;
    g->step_days = a->step_days;
    g->topic_partners = a->topic_partners;
    g->window_networks = a->window_networks;
    g->max_edge_evidence = 0;
    for (size_t p = 0; p < n; p++) {
        const sg_graph *b = parts[p];
        g->n_statements += b->n_statements;
        if (b->max_edge_evidence > g->max_edge_evidence)
            g->max_edge_evidence = b->max_edge_evidence;
        if (b->have_dates) {
            if (!g->have_dates || b->date_min < g->date_min)
                g->date_min = b->date_min;
            if (!g->have_dates || b->date_max > g->date_max)
                g->date_max = b->date_max;
            g->have_dates = 1;
        }
    }
}

static sg_status merge_into(merge_ctx *m, sg_error *err)
{
    sg_graph *g = m->g;
    const char **ids = NULL;
    size_t n_ids = 0;
    merge_settings(g, m->parts, m->n_parts);
    for (size_t p = 0; p < m->n_parts && !g->has_decision; p++) {
        const sg_graph *b = m->parts[p]; /* the first part that names a decision */
        sg_decision d;
        sg_graph__decision_view(b, &d);
        if (b->has_decision && sg_graph__set_decision(g, &d) != SG_OK)
            return oom(err);
    }
    for (size_t p = 0; p < m->n_parts; p++) /* labels of every part, the first one wins */
        for (size_t i = 0; i < m->parts[p]->n_labels; i++) {
            int seen = 0;
            for (size_t k = 0; k < g->n_labels && !seen; k++)
                seen = strcmp(g->label_ids[k], m->parts[p]->label_ids[i]) == 0;
            if (!seen && sg_graph__set_label(g, m->parts[p]->label_ids[i],
                                             m->parts[p]->label_texts[i]) != SG_OK)
                return oom(err);
        }
    if (union_names(g, m->n_parts, topic_at, topic_count, m->parts, &g->topics,
                    &g->n_topics) != SG_OK ||
        union_names(g, m->n_parts, node_at, node_count, m->parts, &ids, &n_ids) != SG_OK)
        return oom(err);
    g->nodes = calloc(n_ids ? n_ids : 1, sizeof(sg_node));
    if (g->nodes == NULL) {
        free((void *)ids);
        return oom(err);
    }
    for (size_t i = 0; i < n_ids; i++)
        g->nodes[i].id = ids[i];
    g->n_nodes = n_ids;
    m->exact_evidence = 1;
    for (size_t p = 0; p < m->n_parts; p++) {
        const sg_graph *b = m->parts[p];
        for (size_t i = 0; !b->stance_evidence && i < b->n_nodes; i++)
            if (b->nodes[i].n_stances > 0)
                m->exact_evidence = 0; /* stances without their ids */
    }
    sg_status rc = build_maps(m, ids, n_ids) == SG_OK && merge_nodes(m) == SG_OK
                       ? SG_OK : oom(err);
    free((void *)ids);
    if (rc == SG_OK)
        rc = merge_network(m, err);
    if (rc == SG_OK && g->window_days > 0)
        rc = merge_windows(m, err);
    if (rc == SG_OK)
        rc = sg_graph__compute_moves(g, err);
    return rc;
}

sg_status sg_graph_merge(sg_graph **out, const sg_graph *const *parts, size_t n_parts,
                         const char *const *names, sg_error *err)
{
    *out = NULL;
    sg_status rc = check_parts(parts, n_parts, names, err);
    if (rc != SG_OK)
        return rc;
    merge_ctx m;
    memset(&m, 0, sizeof(m));
    m.parts = parts;
    m.n_parts = n_parts;
    rc = sg_graph__new(&m.g, err);
    if (rc == SG_OK)
        rc = merge_into(&m, err);
    for (size_t p = 0; m.node_map && p < n_parts; p++)
        free(m.node_map[p]);
    for (size_t p = 0; m.topic_map && p < n_parts; p++)
        free(m.topic_map[p]);
    free(m.node_map);
    free(m.topic_map);
    free(m.topic_node);
    if (rc != SG_OK) {
        sg_graph_free(m.g);
        return rc;
    }
    *out = m.g;
    return SG_OK;
}
