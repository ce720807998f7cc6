/* graph_json.c - writing graph.json (docs/formats.md). Every value is built and printed
 * by cJSON one element at a time (jsonio.c); nodes, edges and windows each go on their
 * own line, so the file diffs well and never exists as one tree in memory.
 */
#include "graph/graph_internal.h"
#include "common/num.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static cJSON *string_array(const char *const *items, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++) {
        cJSON *s = cJSON_CreateString(items[i]);
        if (s == NULL || !cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

/* Add item to obj under key; on failure delete item and return 0. */
static int add_item(cJSON *obj, const char *key, cJSON *item)
{
    if (item == NULL)
        return 0;
    if (!cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static cJSON *date_range_json(const sg_graph *g)
{
    char a[11], b[11];
    sg_graph__date_format(g->date_min, a);
    sg_graph__date_format(g->date_max, b);
    const char *both[2] = {a, b};
    return string_array(both, 2);
}

/* "veto": the members holding one; "weights": one number per member, in order. */
static int decision_extras(cJSON *d, const sg_graph *g)
{
    if (g->weights) {
        cJSON *w = cJSON_CreateDoubleArray(g->weights, (int)g->n_members);
        if (!add_item(d, "weights", w) ||
            (g->weight_source && !cJSON_AddStringToObject(d, "weight_source", g->weight_source)))
            return 0;
    }
    if (g->veto) {
        cJSON *v = cJSON_CreateArray();
        if (!add_item(d, "veto", v))
            return 0;
        for (size_t i = 0; i < g->n_members; i++)
            if (g->veto[i] && !cJSON_AddItemToArray(v, cJSON_CreateString(g->members[i])))
                return 0;
    }
    return 1;
}

static cJSON *decision_json(const sg_graph *g)
{
    cJSON *d = cJSON_CreateObject();
    if (d && cJSON_AddStringToObject(d, "body", g->body) &&
        cJSON_AddStringToObject(d, "rule", g->rule) &&
        add_item(d, "members", string_array((const char *const *)g->members, g->n_members)) &&
        decision_extras(d, g))
        return d;
    cJSON_Delete(d);
    return NULL;
}

static cJSON *head_json(const sg_graph *g)
{
    cJSON *h = cJSON_CreateObject();
    int ok = h && cJSON_AddStringToObject(h, "stancegraph", "graph") &&
             cJSON_AddNumberToObject(h, "version", 1) &&
             cJSON_AddStringToObject(h, "network_type", sg_network_type_name(g->network_type)) &&
             cJSON_AddStringToObject(h, "qualifier_aggregation",
                                     sg_qualifier_aggregation_name(g->qualifier_aggregation)) &&
             cJSON_AddStringToObject(h, "normalization",
                                     sg_normalization_name(g->normalization)) &&
             cJSON_AddStringToObject(h, "duplicates", sg_duplicates_name(g->duplicates)) &&
             add_item(h, "topics", string_array(g->topics, g->n_topics)) &&
             (!g->have_dates || add_item(h, "date_range", date_range_json(g))) &&
             cJSON_AddNumberToObject(h, "statements", (double)g->n_statements) &&
             cJSON_AddNumberToObject(h, "max_edge_evidence", (double)g->max_edge_evidence) &&
             cJSON_AddNumberToObject(h, "topic_partners", (double)g->topic_partners);
    if (ok && g->window_days > 0)
        ok = cJSON_AddNumberToObject(h, "window_days", g->window_days) &&
             cJSON_AddNumberToObject(h, "step_days", g->step_days) &&
             cJSON_AddBoolToObject(h, "window_networks", g->window_networks);
    if (ok && g->n_labels > 0) { /* the labels of the graph's topics */
        cJSON *l = cJSON_CreateObject();
        ok = add_item(h, "topic_labels", l);
        for (size_t t = 0; ok && t < g->n_topics; t++)
            for (size_t i = 0; ok && i < g->n_labels; i++)
                if (strcmp(g->label_ids[i], g->topics[t]) == 0)
                    ok = cJSON_AddStringToObject(l, g->label_ids[i], g->label_texts[i]) != NULL;
    }
    if (ok && g->has_decision)
        ok = add_item(h, "decision", decision_json(g));
    if (!ok) {
        cJSON_Delete(h);
        return NULL;
    }
    return h;
}

/* Fields of one stance aggregate (node stance or window stance). */
static int stance_fields(cJSON *o, const char *topic, const double *w, const uint32_t *n)
{
    return cJSON_AddStringToObject(o, "topic", topic) &&
           cJSON_AddNumberToObject(o, "score",
                                   sg_graph__round6(w[SG_Q_SUPPORT] - w[SG_Q_OPPOSE])) &&
           cJSON_AddNumberToObject(o, "support", n[SG_Q_SUPPORT]) &&
           cJSON_AddNumberToObject(o, "oppose", n[SG_Q_OPPOSE]) &&
           cJSON_AddNumberToObject(o, "neutral", n[SG_Q_NEUTRAL]) &&
           cJSON_AddNumberToObject(o, "weight_support", sg_graph__round6(w[SG_Q_SUPPORT])) &&
           cJSON_AddNumberToObject(o, "weight_oppose", sg_graph__round6(w[SG_Q_OPPOSE])) &&
           cJSON_AddNumberToObject(o, "weight_neutral", sg_graph__round6(w[SG_Q_NEUTRAL]));
}

static cJSON *node_json(const sg_graph *g, const sg_node *nd)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *st = cJSON_CreateArray(), *ev = cJSON_CreateArray();
    int ok = o && st && ev;
    for (uint32_t i = 0; ok && i < nd->n_stances; i++) {
        cJSON *s = cJSON_CreateObject();
        ok = s && stance_fields(s, g->topics[nd->stances[i].topic], nd->stances[i].w,
                                nd->stances[i].n) &&
             (!g->stance_evidence ||
              add_item(s, "evidence", sg_graph__idlist_json(&nd->stances[i].evidence))) &&
             cJSON_AddItemToArray(st, s);
        if (!ok)
            cJSON_Delete(s);
    }
    for (uint32_t i = 0; ok && i < nd->n_evidence; i++) {
        cJSON *e = sg_graph__evidence_json(&nd->evidence[i]);
        ok = e && cJSON_AddItemToArray(ev, e);
        if (!ok)
            cJSON_Delete(e);
    }
    ok = ok && cJSON_AddStringToObject(o, "id", nd->id) &&
         cJSON_AddStringToObject(o, "kind", nd->kind == SG_NODE_TOPIC ? "topic" : "actor") &&
         cJSON_AddNumberToObject(o, "statements", nd->statements);
    if (ok && cJSON_AddItemToObject(o, "stances", st)) {
        st = NULL;
        if (cJSON_AddItemToObject(o, "evidence", ev))
            return o;
    }
    cJSON_Delete(st);
    cJSON_Delete(ev);
    cJSON_Delete(o);
    return NULL;
}

static void write_edges(sg_jout *o, const sg_graph *g, const sg_edgeset *es)
{
    size_t m = sg_graph__edgeset_count(es);
    for (size_t e = 0; e < m && o->status == SG_OK; e++) {
        sg_graph__jout_raw(o, e ? ",\n" : "\n");
        sg_graph__jout_item(o, sg_graph__edge_json(g, es, e), 1);
    }
}

static cJSON *wstance_json(const sg_graph *g, const sg_wstance *s)
{
    cJSON *o = cJSON_CreateObject();
    if (o && cJSON_AddStringToObject(o, "actor", g->nodes[s->node].id) &&
        stance_fields(o, g->topics[s->topic], s->w, s->n) &&
        add_item(o, "evidence", sg_graph__idlist_json(&s->evidence)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static void write_window(sg_jout *o, const sg_graph *g, const sg_window *w)
{
    char a[11], b[11];
    sg_graph__date_format(w->start, a);
    sg_graph__date_format(w->end, b);
    cJSON *h = cJSON_CreateObject();
    cJSON *st = cJSON_CreateArray();
    int ok = h && st && cJSON_AddStringToObject(h, "start", a) &&
             cJSON_AddStringToObject(h, "end", b) &&
             cJSON_AddNumberToObject(h, "statements", w->statements);
    for (size_t i = 0; ok && i < w->n_stances; i++) {
        cJSON *s = wstance_json(g, &w->stances[i]);
        ok = s && cJSON_AddItemToArray(st, s);
        if (!ok)
            cJSON_Delete(s);
    }
    if (ok && (ok = cJSON_AddItemToObject(h, "stances", st)) != 0)
        st = NULL;
    cJSON_Delete(st);
    if (!ok) {
        cJSON_Delete(h);
        h = NULL;
    }
    sg_graph__jout_head(o, h); /* NULL records out of memory */
    sg_graph__jout_raw(o, ",\"edges\":[");
    write_edges(o, g, &w->edges);
    sg_graph__jout_raw(o, "]}");
}

static const char *class_name(int c)
{
    return c > 0 ? "support" : c < 0 ? "oppose" : "neutral";
}

cJSON *sg_graph__move_json(const sg_graph *g, const sg_move *m)
{
    char a[11], b[11];
    sg_graph__date_format(sg_graph__window_start(g, m->from_window), a);
    sg_graph__date_format(sg_graph__window_start(g, m->to_window), b);
    cJSON *o = cJSON_CreateObject();
    if (o && cJSON_AddStringToObject(o, "actor", g->nodes[m->node].id) &&
        cJSON_AddStringToObject(o, "topic", g->topics[m->topic]) &&
        cJSON_AddNumberToObject(o, "from_window", m->from_window) &&
        cJSON_AddNumberToObject(o, "to_window", m->to_window) &&
        cJSON_AddStringToObject(o, "from_start", a) && cJSON_AddStringToObject(o, "to_start", b) &&
        cJSON_AddStringToObject(o, "from", class_name(m->from)) &&
        cJSON_AddStringToObject(o, "to", class_name(m->to)) &&
        add_item(o, "evidence", sg_graph__idlist_json(&m->evidence)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* Streamed windows: window k from fn, written, compared with window k - 1 for the moves,
 * then freed; the moves follow the windows. */
static void write_streamed_windows(sg_jout *o, const sg_graph *g, sg_window_fn fn, void *ctx,
                                   sg_error *err)
{
    sg_window win[2];
    memset(win, 0, sizeof(win));
    sg_move *moved = NULL;
    size_t n_moved = 0, cap = 0;
    for (size_t k = 0; k < g->n_windows && o->status == SG_OK; k++) {
        sg_window *cur = &win[k % 2], *prev = &win[(k + 1) % 2];
        sg_status rc = fn(ctx, k, cur, err);
        if (rc == SG_OK && k > 0 &&
            sg_graph__moves_between(&moved, &n_moved, &cap, (uint32_t)(k - 1), prev, cur))
            rc = SG_ENOMEM;
        if (rc != SG_OK) {
            o->status = rc;
            o->failed_elsewhere = 1;
            break;
        }
        sg_graph__jout_raw(o, k ? ",\n" : "\n");
        write_window(o, g, cur);
        sg_graph__window_destroy(prev);
        memset(prev, 0, sizeof(*prev));
    }
    sg_graph__window_destroy(&win[0]);
    sg_graph__window_destroy(&win[1]);
    sg_graph__jout_raw(o, "],\n\"moved\":[");
    for (size_t i = 0; i < n_moved && o->status == SG_OK; i++) {
        sg_graph__jout_raw(o, i ? ",\n" : "\n");
        sg_graph__jout_item(o, sg_graph__move_json(g, &moved[i]), 1);
    }
    for (size_t i = 0; i < n_moved; i++)
        free(moved[i].evidence.ids);
    free(moved);
}

static void write_graph(sg_jout *o, const sg_graph *g, sg_window_fn fn, void *ctx,
                        sg_error *err)
{
    sg_graph__jout_head(o, head_json(g));
    sg_graph__jout_raw(o, ",\n\"nodes\":[");
    for (size_t i = 0; i < g->n_nodes && o->status == SG_OK; i++) {
        sg_graph__jout_raw(o, i ? ",\n" : "\n");
        sg_graph__jout_item(o, node_json(g, &g->nodes[i]), 1);
    }
    sg_graph__jout_raw(o, "],\n\"edges\":[");
    write_edges(o, g, &g->edges);
    sg_graph__jout_raw(o, "]");
    if (g->window_days > 0 && fn != NULL) {
        sg_graph__jout_raw(o, ",\n\"windows\":[");
        write_streamed_windows(o, g, fn, ctx, err);
        sg_graph__jout_raw(o, "]");
    } else if (g->window_days > 0) {
        sg_graph__jout_raw(o, ",\n\"windows\":[");
        for (size_t i = 0; i < g->n_windows && o->status == SG_OK; i++) {
            sg_graph__jout_raw(o, i ? ",\n" : "\n");
            write_window(o, g, &g->windows[i]);
        }
        sg_graph__jout_raw(o, "],\n\"moved\":[");
        for (size_t i = 0; i < g->n_moved && o->status == SG_OK; i++) {
            sg_graph__jout_raw(o, i ? ",\n" : "\n");
            sg_graph__jout_item(o, sg_graph__move_json(g, &g->moved[i]), 1);
        }
        sg_graph__jout_raw(o, "]");
    }
    sg_graph__jout_raw(o, "}\n");
}

sg_status sg_graph__jout_done(sg_jout *o, char **out, const char *what, sg_error *err)
{
    if (o->status == SG_EIO)
        return sg_error_set(err, SG_EIO, NULL, 0, "writing %s failed", what);
    if (o->status != SG_OK) {
        free(o->buf);
        o->buf = NULL;
        return sg_error_set(err, o->status, NULL, 0, "out of memory writing %s", what);
    }
    if (out)
        *out = o->buf;
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
    memset(&o, 0, sizeof(o));
    o.fp = fp;
    write_graph(&o, g, NULL, NULL, err);
    return sg_graph__jout_done(&o, NULL, "graph.json", err);
}

sg_status sg_graph__write_streamed(const sg_graph *g, FILE *fp, sg_window_fn fn, void *ctx,
                                   sg_error *err)
{
    sg_jout o;
    memset(&o, 0, sizeof(o));
    o.fp = fp;
    write_graph(&o, g, fn, ctx, err);
    if (o.failed_elsewhere)
        return o.status; /* err already says why */
    return sg_graph__jout_done(&o, NULL, "graph.json", err);
}

sg_status sg_graph_to_json(const sg_graph *g, char **out, sg_error *err)
{
    sg_jout o;
    memset(&o, 0, sizeof(o));
    *out = NULL;
    if (in_limits(g, err) != SG_OK)
        return SG_EINPUT;
    write_graph(&o, g, NULL, NULL, err);
    return sg_graph__jout_done(&o, out, "graph.json", err);
}
