/* windows.c - time windows and "who moved".
 *
 * Windows lie on a fixed grid: window k covers the `window_days` days starting at
 * 1970-01-05 (a Monday) + k * step_days. A fixed grid (rather than one starting at
 * the first statement) makes windows of partial graphs line up, so `merge` is exact.
 * Every window that overlaps the statements' date range is emitted, empty ones too,
 * so that "consecutive" always means adjacent on the grid. Undated statements count
 * in the whole network but in no window. A move is an actor x topic whose stance
 * class (sign of the window score: oppose / neutral / support) differs between two
 * consecutive windows in which the actor made statements on that topic. `build` writes
 * graph.json with the windows made one at a time (sg_graph_builder_write), so memory
 * holds two windows, not all of them.
 */
#include "graph/builder_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WINDOWS 100000
#define MOVE_EVIDENCE 10

static int cmp_wstance(const void *x, const void *y)
{
    const sg_wstance *a = x, *b = y;
    if (a->node != b->node)
        return a->node < b->node ? -1 : 1;
    return (a->topic > b->topic) - (a->topic < b->topic);
}

sg_status sg_graph__window_set(sg_graph *g, sg_window *w, sg_wstance *stances, size_t n,
                               const sg_direct *direct, size_t n_direct,
                               const uint32_t *topic_node, sg_error *err)
{
    sg_graph__sort(stances, n, sizeof(sg_wstance), cmp_wstance);
    w->stances = stances;
    w->n_stances = n;
    sg_cell *cells = calloc(n ? n : 1, sizeof(sg_cell));
    if (cells == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        cells[i].node = stances[i].node;
        cells[i].topic = stances[i].topic;
        memcpy(cells[i].w, stances[i].w, sizeof(cells[i].w));
        cells[i].evidence = stances[i].evidence;
    }
    /* without window networks the edge set is empty (and written as "edges":[]) */
    sg_status rc = g->window_networks
                       ? sg_graph__network(&w->edges, g, cells, n, direct, n_direct, topic_node, err)
                       : sg_graph__network(&w->edges, g, cells, 0, NULL, 0, topic_node, err);
    free(cells);
    return rc;
}

typedef struct wcell {
    uint32_t actor, other;
    int direct;
    double w[3];
    uint32_t n[3];
    sg_idlist ev;
} wcell;

static int cmp_day(const void *x, const void *y)
{
    const sg_bcell *a = *(const sg_bcell *const *)x, *b = *(const sg_bcell *const *)y;
    return (a->day > b->day) - (a->day < b->day);
}

/* Sum the day cells [lo, hi) into per (actor, other) window cells. */
static sg_status sum_days(const sg_graph *g, const sg_graph_builder *b,
                          sg_bcell *const *days, size_t lo, size_t hi, wcell **out,
                          size_t *n_out, uint32_t *statements)
{
    sg_map map;
    sg_graph__map_init(&map);
    size_t cap = 0;
    *out = NULL;
    *n_out = 0;
    *statements = 0;
    sg_status rc = SG_OK;
    for (size_t i = lo; i < hi && rc == SG_OK; i++) {
        const sg_bcell *d = days[i];
        uint32_t v;
        int found;
        rc = sg_graph__map_upsert(&map, ((uint64_t)d->actor << 32) | d->other, d->direct,
                                  (uint32_t)*n_out, &v, &found);
        if (rc == SG_OK && !found) {
            rc = sg_graph__grow((void **)out, &cap, *n_out + 1, sizeof(wcell));
            if (rc == SG_OK) {
                memset(&(*out)[*n_out], 0, sizeof(wcell));
                (*out)[*n_out] = (wcell){d->actor, d->other, d->direct, {0, 0, 0}, {0, 0, 0},
                                         {NULL, 0}};
                rc = ((*out)[*n_out].ev.ids = calloc(SG_CELL_EVIDENCE, sizeof(char *)))
                         ? SG_OK : SG_ENOMEM;
                (*n_out)++;
            }
        }
        if (rc != SG_OK)
            break;
        wcell *c = &(*out)[v];
        for (int k = 0; k < 3; k++) {
            c->w[k] += d->w[k];
            c->n[k] += d->n[k];
            *statements += d->n[k];
        }
        for (uint32_t k = 0; k < d->n_ev && c->ev.n < SG_CELL_EVIDENCE; k++)
            c->ev.ids[c->ev.n++] = g->pool.strs[d->ev[k]];
    }
    (void)b;
    sg_graph__map_destroy(&map);
    return rc;
}

/* One window from its summed cells: stances keep the evidence lists. */
static sg_status make_window(sg_graph *g, sg_window *win, wcell *wc, size_t n,
                             const uint32_t *node_of, const uint32_t *topic_of,
                             const uint32_t *topic_node, sg_error *err)
{
    size_t n_st = 0, n_dir = 0;
    for (size_t i = 0; i < n; i++)
        wc[i].direct ? n_dir++ : n_st++;
    sg_wstance *st = calloc(n_st ? n_st : 1, sizeof(sg_wstance));
    sg_direct *dir = calloc(n_dir ? n_dir : 1, sizeof(sg_direct));
    if (st == NULL || dir == NULL) {
        free(st);
        free(dir);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    size_t a = 0, d = 0;
    for (size_t i = 0; i < n; i++) {
        if (wc[i].direct) {
            dir[d++] = (sg_direct){node_of[wc[i].actor], node_of[wc[i].other],
                                   wc[i].w[SG_Q_SUPPORT], wc[i].w[SG_Q_OPPOSE], wc[i].ev,
                                   wc[i].direct == 2};
        } else {
            sg_wstance *s = &st[a++];
            s->node = node_of[wc[i].actor];
            s->topic = topic_of[wc[i].other];
            memcpy(s->w, wc[i].w, sizeof(s->w));
            memcpy(s->n, wc[i].n, sizeof(s->n));
            s->evidence = wc[i].ev; /* moves to the stance */
            wc[i].ev.ids = NULL;
        }
    }
    sg_status rc = sg_graph__window_set(g, win, st, n_st, dir, n_dir, topic_node, err);
    free(dir);
    return rc;
}

static size_t first_day_at_or_after(sg_bcell *const *days, size_t n, int32_t day)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (days[mid]->day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

sg_status sg_graph__windows_plan(sg_graph *g, const sg_graph_builder *b, sg_wplan *plan,
                                 sg_error *err)
{
    int32_t W = g->window_days, S = g->step_days;
    int32_t first = sg_graph__window_floor(g->date_min - W + 1, S);
    if (first < g->date_min - W + 1)
        first += S;
    int32_t last = sg_graph__window_floor(g->date_max, S);
    size_t n_win = last >= first ? (size_t)((last - first) / S) + 1 : 0;
    if (n_win > MAX_WINDOWS)
        return sg_error_set(err, SG_EUSAGE, NULL, 0,
                            "%zu time windows: use a larger step (at most %d windows)", n_win,
                            MAX_WINDOWS);
    plan->days = malloc((b->n_days ? b->n_days : 1) * sizeof(sg_bcell *));
    if (plan->days == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < b->n_days; i++)
        plan->days[i] = &b->days[i];
    plan->n_days = b->n_days;
    sg_graph__sort(plan->days, b->n_days, sizeof(sg_bcell *), cmp_day);
    plan->first = first;
    plan->n_win = n_win;
    g->window_first = first;
    return SG_OK;
}

sg_status sg_graph__window_make(sg_graph *g, const sg_wplan *plan, size_t k, sg_window *win,
                                sg_error *err)
{
    memset(win, 0, sizeof(*win));
    win->start = plan->first + (int32_t)k * g->step_days;
    win->end = win->start + g->window_days - 1;
    size_t lo = first_day_at_or_after(plan->days, plan->n_days, win->start);
    size_t hi = first_day_at_or_after(plan->days, plan->n_days, win->end + 1);
    wcell *wc = NULL;
    size_t n = 0;
    sg_status rc = sum_days(g, NULL, plan->days, lo, hi, &wc, &n, &win->statements);
    if (rc != SG_OK)
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    else
        rc = make_window(g, win, wc, n, plan->node_of, plan->topic_of, plan->topic_node, err);
    for (size_t i = 0; i < n; i++)
        free(wc[i].ev.ids); /* NULL where a stance took the list */
    free(wc);
    return rc;
}

void sg_graph__wplan_destroy(sg_wplan *plan)
{
    free(plan->days);
    memset(plan, 0, sizeof(*plan));
}

sg_status sg_graph__build_windows(sg_graph *g, const sg_graph_builder *b,
                                  const uint32_t *node_of, const uint32_t *topic_of,
                                  const uint32_t *topic_node, sg_error *err)
{
    sg_wplan plan = {NULL, 0, 0, 0, node_of, topic_of, topic_node};
    sg_status rc = sg_graph__windows_plan(g, b, &plan, err);
    if (rc != SG_OK)
        return rc;
    g->windows = calloc(plan.n_win ? plan.n_win : 1, sizeof(sg_window));
    if (g->windows == NULL) {
        sg_graph__wplan_destroy(&plan);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    for (size_t k = 0; k < plan.n_win && rc == SG_OK; k++) {
        g->n_windows = k + 1;
        rc = sg_graph__window_make(g, &plan, k, &g->windows[k], err);
    }
    sg_graph__wplan_destroy(&plan);
    return rc;
}

int32_t sg_graph__window_start(const sg_graph *g, size_t k)
{
    if (g->windows != NULL && k < g->n_windows)
        return g->windows[k].start;
    return g->window_first + (int32_t)k * g->step_days;
}

/* ---- moves ---- */

static int stance_class(const double *w)
{
    double s = sg_graph__round6(w[SG_Q_SUPPORT] - w[SG_Q_OPPOSE]);
    return (s > 0) - (s < 0);
}

static sg_status add_move(sg_move **moved, size_t *n, size_t *cap, uint32_t k,
                          const sg_wstance *a, const sg_wstance *b)
{
    if (sg_graph__grow((void **)moved, cap, *n + 1, sizeof(sg_move)) != SG_OK)
        return SG_ENOMEM;
    sg_move *m = &(*moved)[*n];
    memset(m, 0, sizeof(*m));
    m->node = a->node;
    m->topic = a->topic;
    m->from_window = k;
    m->to_window = k + 1;
    m->from = stance_class(a->w);
    m->to = stance_class(b->w);
    m->evidence.ids = calloc(MOVE_EVIDENCE, sizeof(char *));
    if (m->evidence.ids == NULL)
        return SG_ENOMEM;
    (*n)++;
    const sg_idlist *lists[2] = {&a->evidence, &b->evidence};
    for (int l = 0; l < 2; l++)
        for (uint32_t i = 0; i < lists[l]->n && m->evidence.n < MOVE_EVIDENCE; i++)
            m->evidence.ids[m->evidence.n++] = lists[l]->ids[i];
    return SG_OK;
}

sg_status sg_graph__moves_between(sg_move **moved, size_t *n, size_t *cap, uint32_t k,
                                  const sg_window *x, const sg_window *y)
{
    size_t i = 0, j = 0;
    while (i < x->n_stances && j < y->n_stances) {
        int c = cmp_wstance(&x->stances[i], &y->stances[j]);
        if (c < 0) {
            i++;
        } else if (c > 0) {
            j++;
        } else {
            if (stance_class(x->stances[i].w) != stance_class(y->stances[j].w) &&
                add_move(moved, n, cap, k, &x->stances[i], &y->stances[j]) != SG_OK)
                return SG_ENOMEM;
            i++;
            j++;
        }
    }
    return SG_OK;
}

sg_status sg_graph__compute_moves(sg_graph *g, sg_error *err)
{
    size_t cap = 0;
    for (size_t k = 0; k + 1 < g->n_windows; k++)
        if (sg_graph__moves_between(&g->moved, &g->n_moved, &cap, (uint32_t)k, &g->windows[k],
                                    &g->windows[k + 1]) != SG_OK)
            return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    return SG_OK;
}
