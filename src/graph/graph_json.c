/* graph_json.c - writing graph.json (docs/formats.md) straight through the streaming
 * writer (common/jsonw.h); nodes, edges and windows each go on their own line, so the
 * file diffs well and never exists as one tree in memory.
 */
#include "graph/graph_internal.h"
#include "common/num.h"

#include <stdlib.h>
#include <string.h>

static void string_array(sg_jsonw *w, const char *const *items, size_t n)
{
    sg_jsonw_arr(w);
    for (size_t i = 0; i < n; i++)
        sg_jsonw_str(w, items[i]);
    sg_jsonw_arr_end(w);
}

/* "veto": the members holding one; "weights": one number per member, in order. */
static void decision_extras(sg_jsonw *w, const sg_graph *g)
{
    if (g->weights) {
        sg_jsonw_key(w, "weights");
        sg_jsonw_arr(w);
        for (size_t i = 0; i < g->n_members; i++)
            sg_jsonw_num(w, g->weights[i]);
        sg_jsonw_arr_end(w);
        if (g->weight_source)
            sg_jsonw_kstr(w, "weight_source", g->weight_source);
    }
    if (g->veto) {
        sg_jsonw_key(w, "veto");
        sg_jsonw_arr(w);
        for (size_t i = 0; i < g->n_members; i++)
            if (g->veto[i])
                sg_jsonw_str(w, g->members[i]);
        sg_jsonw_arr_end(w);
    }
}

static void decision_write(sg_jsonw *w, const sg_graph *g)
{
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "body", g->body);
    sg_jsonw_kstr(w, "rule", g->rule);
    sg_jsonw_key(w, "members");
    string_array(w, (const char *const *)g->members, g->n_members);
    decision_extras(w, g);
    sg_jsonw_obj_end(w);
}

/* The header members (the object stays open: the streamed arrays follow). */
static void head_write(sg_jsonw *w, const sg_graph *g)
{
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "stancegraph", "graph");
    sg_jsonw_kint(w, "version", 1);
    sg_jsonw_kstr(w, "network_type", sg_network_type_name(g->network_type));
    sg_jsonw_kstr(w, "qualifier_aggregation",
                  sg_qualifier_aggregation_name(g->qualifier_aggregation));
    sg_jsonw_kstr(w, "normalization", sg_normalization_name(g->normalization));
    sg_jsonw_kstr(w, "duplicates", sg_duplicates_name(g->duplicates));
    sg_jsonw_key(w, "topics");
    string_array(w, g->topics, g->n_topics);
    if (g->have_dates) {
        char a[11], b[11];
        sg_graph__date_format(g->date_min, a);
        sg_graph__date_format(g->date_max, b);
        const char *both[2] = {a, b};
        sg_jsonw_key(w, "date_range");
        string_array(w, both, 2);
    }
    sg_jsonw_knum(w, "statements", (double)g->n_statements);
    sg_jsonw_knum(w, "max_edge_evidence", (double)g->max_edge_evidence);
    sg_jsonw_knum(w, "topic_partners", (double)g->topic_partners);
    if (g->window_days > 0) {
        sg_jsonw_kint(w, "window_days", g->window_days);
        sg_jsonw_kint(w, "step_days", g->step_days);
        sg_jsonw_kbool(w, "window_networks", g->window_networks);
    }
    if (g->n_labels > 0) { /* the labels of the graph's topics */
        sg_jsonw_key(w, "topic_labels");
        sg_jsonw_obj(w);
        for (size_t t = 0; t < g->n_topics; t++)
            for (size_t i = 0; i < g->n_labels; i++)
                if (strcmp(g->label_ids[i], g->topics[t]) == 0)
                    sg_jsonw_kstr(w, g->label_ids[i], g->label_texts[i]);
        sg_jsonw_obj_end(w);
    }
    if (g->has_decision) {
        sg_jsonw_key(w, "decision");
        decision_write(w, g);
    }
}

/* Fields of one stance aggregate (node stance or window stance). */
static void stance_fields(sg_jsonw *w, const char *topic, const double *wt, const uint32_t *n)
{
    sg_jsonw_kstr(w, "topic", topic);
    sg_jsonw_knum(w, "score", sg_graph__round6(wt[SG_Q_SUPPORT] - wt[SG_Q_OPPOSE]));
    sg_jsonw_kint(w, "support", n[SG_Q_SUPPORT]);
    sg_jsonw_kint(w, "oppose", n[SG_Q_OPPOSE]);
    sg_jsonw_kint(w, "neutral", n[SG_Q_NEUTRAL]);
    sg_jsonw_knum(w, "weight_support", sg_graph__round6(wt[SG_Q_SUPPORT]));
    sg_jsonw_knum(w, "weight_oppose", sg_graph__round6(wt[SG_Q_OPPOSE]));
    sg_jsonw_knum(w, "weight_neutral", sg_graph__round6(wt[SG_Q_NEUTRAL]));
}

static void node_write(sg_jsonw *w, const sg_graph *g, const sg_node *nd)
{
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "id", nd->id);
    sg_jsonw_kstr(w, "kind", nd->kind == SG_NODE_TOPIC ? "topic" : "actor");
    sg_jsonw_kint(w, "statements", nd->statements);
    sg_jsonw_key(w, "stances");
    sg_jsonw_arr(w);
    for (uint32_t i = 0; i < nd->n_stances; i++) {
        sg_jsonw_obj(w);
        stance_fields(w, g->topics[nd->stances[i].topic], nd->stances[i].w, nd->stances[i].n);
        if (g->stance_evidence) {
            sg_jsonw_key(w, "evidence");
            sg_graph__idlist_write(w, &nd->stances[i].evidence);
        }
        sg_jsonw_obj_end(w);
    }
    sg_jsonw_arr_end(w);
    sg_jsonw_key(w, "evidence");
    sg_jsonw_arr(w);
    for (uint32_t i = 0; i < nd->n_evidence; i++)
        sg_graph__evidence_write(w, &nd->evidence[i]);
    sg_jsonw_arr_end(w);
    sg_jsonw_obj_end(w);
}

/* The elements of an edge array, one per line (the array is open). */
static void write_edges(sg_jsonw *w, const sg_graph *g, const sg_edgeset *es)
{
    size_t m = sg_graph__edgeset_count(es);
    for (size_t e = 0; e < m && w->status == SG_OK; e++) {
        sg_jsonw_nl(w);
        sg_graph__edge_write(w, g, es, e);
    }
}

static void wstance_write(sg_jsonw *w, const sg_graph *g, const sg_wstance *s)
{
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "actor", g->nodes[s->node].id);
    stance_fields(w, g->topics[s->topic], s->w, s->n);
    sg_jsonw_key(w, "evidence");
    sg_graph__idlist_write(w, &s->evidence);
    sg_jsonw_obj_end(w);
}

static void write_window(sg_jsonw *w, const sg_graph *g, const sg_window *win)
{
    char a[11], b[11];
    sg_graph__date_format(win->start, a);
    sg_graph__date_format(win->end, b);
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "start", a);
    sg_jsonw_kstr(w, "end", b);
    sg_jsonw_kint(w, "statements", win->statements);
    sg_jsonw_key(w, "stances");
    sg_jsonw_arr(w);
    for (size_t i = 0; i < win->n_stances; i++)
        wstance_write(w, g, &win->stances[i]);
    sg_jsonw_arr_end(w);
    sg_jsonw_key(w, "edges");
    sg_jsonw_arr(w);
    write_edges(w, g, &win->edges);
    sg_jsonw_arr_end(w);
    sg_jsonw_obj_end(w);
}

static const char *class_name(int c)
{
    return c > 0 ? "support" : c < 0 ? "oppose" : "neutral";
}

void sg_graph__move_write(sg_jsonw *w, const sg_graph *g, const sg_move *m)
{
    char a[11], b[11];
    sg_graph__date_format(sg_graph__window_start(g, m->from_window), a);
    sg_graph__date_format(sg_graph__window_start(g, m->to_window), b);
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "actor", g->nodes[m->node].id);
    sg_jsonw_kstr(w, "topic", g->topics[m->topic]);
    sg_jsonw_kint(w, "from_window", m->from_window);
    sg_jsonw_kint(w, "to_window", m->to_window);
    sg_jsonw_kstr(w, "from_start", a);
    sg_jsonw_kstr(w, "to_start", b);
    sg_jsonw_kstr(w, "from", class_name(m->from));
    sg_jsonw_kstr(w, "to", class_name(m->to));
    sg_jsonw_key(w, "evidence");
    sg_graph__idlist_write(w, &m->evidence);
    sg_jsonw_obj_end(w);
}

/* Streamed windows: window k from fn, written, compared with window k - 1 for the moves,
 * then freed; the moves follow the windows. */
static void write_streamed_windows(sg_jout *o, const sg_graph *g, sg_window_fn fn, void *ctx,
                                   sg_error *err)
{
    sg_jsonw *w = &o->w;
    sg_window win[2];
    memset(win, 0, sizeof(win));
    sg_move *moved = NULL;
    size_t n_moved = 0, cap = 0;
    sg_jsonw_arr(w);
    for (size_t k = 0; k < g->n_windows && w->status == SG_OK; k++) {
        sg_window *cur = &win[k % 2], *prev = &win[(k + 1) % 2];
        sg_status rc = fn(ctx, k, cur, err);
        if (rc == SG_OK && k > 0 &&
            sg_graph__moves_between(&moved, &n_moved, &cap, (uint32_t)(k - 1), prev, cur))
            rc = SG_ENOMEM;
        if (rc != SG_OK) {
            if (w->status == SG_OK)
                w->status = rc;
            o->failed_elsewhere = 1;
            break;
        }
        sg_jsonw_nl(w);
        write_window(w, g, cur);
        sg_graph__window_destroy(prev);
        memset(prev, 0, sizeof(*prev));
    }
    sg_graph__window_destroy(&win[0]);
    sg_graph__window_destroy(&win[1]);
    sg_jsonw_arr_end(w);
    sg_jsonw_nl(w);
    sg_jsonw_key(w, "moved");
    sg_jsonw_arr(w);
    for (size_t i = 0; i < n_moved && w->status == SG_OK; i++) {
        sg_jsonw_nl(w);
        sg_graph__move_write(w, g, &moved[i]);
    }
    sg_jsonw_arr_end(w);
    for (size_t i = 0; i < n_moved; i++)
        free(moved[i].evidence.ids);
    free(moved);
}

static void write_graph(sg_jout *o, const sg_graph *g, sg_window_fn fn, void *ctx,
                        sg_error *err)
{
    sg_jsonw *w = &o->w;
    head_write(w, g);
    sg_jsonw_nl(w);
    sg_jsonw_key(w, "nodes");
    sg_jsonw_arr(w);
    for (size_t i = 0; i < g->n_nodes && w->status == SG_OK; i++) {
        sg_jsonw_nl(w);
        node_write(w, g, &g->nodes[i]);
    }
    sg_jsonw_arr_end(w);
    sg_jsonw_nl(w);
    sg_jsonw_key(w, "edges");
    sg_jsonw_arr(w);
    write_edges(w, g, &g->edges);
    sg_jsonw_arr_end(w);
    if (g->window_days > 0 && fn != NULL) {
        sg_jsonw_nl(w);
        sg_jsonw_key(w, "windows");
        write_streamed_windows(o, g, fn, ctx, err);
    } else if (g->window_days > 0) {
        sg_jsonw_nl(w);
        sg_jsonw_key(w, "windows");
        sg_jsonw_arr(w);
        for (size_t i = 0; i < g->n_windows && w->status == SG_OK; i++) {
            sg_jsonw_nl(w);
            write_window(w, g, &g->windows[i]);
        }
        sg_jsonw_arr_end(w);
        sg_jsonw_nl(w);
        sg_jsonw_key(w, "moved");
        sg_jsonw_arr(w);
        for (size_t i = 0; i < g->n_moved && w->status == SG_OK; i++) {
            sg_jsonw_nl(w);
            sg_graph__move_write(w, g, &g->moved[i]);
        }
        sg_jsonw_arr_end(w);
    }
    sg_jsonw_obj_end(w);
    sg_jsonw_raw(w, "\n");
}

sg_status sg_graph__jout_done(sg_jout *o, char **out, const char *what, sg_error *err)
{
    sg_status st = sg_jsonw_finish(&o->w, out, NULL);
    if (st == SG_EIO)
        return sg_error_set(err, SG_EIO, NULL, 0, "writing %s failed", what);
    if (st == SG_EINPUT)
        return sg_error_set(err, SG_EINPUT, NULL, 0, "%s: a number that JSON cannot hold",
                            what);
    if (st != SG_OK)
        return sg_error_set(err, st, NULL, 0, "out of memory writing %s", what);
    return SG_OK;
}

/* Every weight written must be one graph_parse.c reads back (|w| <= SG_MAX_WEIGHT):
 * sums of valid statement weights can exceed it, and an infinite sum would print as
 * null. Refused here, before anything is written, naming the node or edge. */
static int weights_ok(const double *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!sg_num_in(w[k], -SG_MAX_WEIGHT, SG_MAX_WEIGHT))
            return 0;
    return 1;
}

static sg_status edges_in_limits(const sg_graph *g, const sg_edgeset *es, sg_error *err)
{
    size_t m = sg_graph__edgeset_count(es);
    for (size_t e = 0; e < m; e++) {
        double w[3] = {VECTOR(es->weight)[e], VECTOR(es->congruence)[e],
                       VECTOR(es->conflict)[e]};
        if (!weights_ok(w, 3)) {
            uint32_t s, t;
            sg_graph__edgeset_ends(es, e, &s, &t);
            return sg_error_set(err, SG_EINPUT, NULL, 0,
                                "edge %s -> %s: summed weight exceeds the limit 1e12",
                                g->nodes[s].id, g->nodes[t].id);
        }
    }
    return SG_OK;
}

static sg_status in_limits(const sg_graph *g, sg_error *err)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        for (uint32_t k = 0; k < g->nodes[i].n_stances; k++)
            if (!weights_ok(g->nodes[i].stances[k].w, 3))
                return sg_error_set(err, SG_EINPUT, NULL, 0,
                                    "actor %s: summed stance weight exceeds the limit 1e12",
                                    g->nodes[i].id);
    sg_status rc = edges_in_limits(g, &g->edges, err);
    for (size_t i = 0; rc == SG_OK && i < g->n_windows; i++) {
        const sg_window *w = &g->windows[i];
        for (size_t k = 0; k < w->n_stances; k++)
            if (!weights_ok(w->stances[k].w, 3))
                return sg_error_set(err, SG_EINPUT, NULL, 0,
                                    "actor %s: summed stance weight exceeds the limit 1e12",
                                    g->nodes[w->stances[k].node].id);
        rc = edges_in_limits(g, &w->edges, err);
    }
    return rc;
}

sg_status sg_graph_write(const sg_graph *g, FILE *fp, sg_error *err)
{
    if (in_limits(g, err) != SG_OK)
        return SG_EINPUT;
    sg_jout o;
    sg_graph__jout_init(&o, fp);
    write_graph(&o, g, NULL, NULL, err);
    return sg_graph__jout_done(&o, NULL, "graph.json", err);
}

sg_status sg_graph__write_streamed(const sg_graph *g, FILE *fp, sg_window_fn fn, void *ctx,
                                   sg_error *err)
{
    sg_jout o;
    sg_graph__jout_init(&o, fp);
    write_graph(&o, g, fn, ctx, err);
    if (o.failed_elsewhere) {
        sg_status st = o.w.status;
        sg_jsonw_discard(&o.w);
        return st; /* err already says why */
    }
    return sg_graph__jout_done(&o, NULL, "graph.json", err);
}

sg_status sg_graph_to_json(const sg_graph *g, char **out, sg_error *err)
{
    sg_jout o;
    sg_graph__jout_init(&o, NULL);
    *out = NULL;
    if (in_limits(g, err) != SG_OK)
        return SG_EINPUT;
    write_graph(&o, g, NULL, NULL, err);
    return sg_graph__jout_done(&o, out, "graph.json", err);
}
