/* table.c - the exchange writers: CSV node and edge lists (RFC 4180: CRLF line ends,
 * fields quoted when they hold a comma, quote or line break, quotes doubled) and
 * GraphML with every node and edge attribute, for Gephi, igraph (R/Python), NetworkX.
 *
 * GraphML is written by this small writer rather than a library: the house rule keeps
 * igraph (whose writer would do it) out of render, and libxml2 would add a dependency
 * for what is a flat list of elements. Every text and attribute value goes through
 * sg_buf_xml, which escapes markup and repairs invalid UTF-8; node ids are our own
 * ("n0", "n1" ...), so names never appear in an id attribute.
 */
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

/* ---- CSV ------------------------------------------------------------------------ */

static void csv_long(sg_buf *b, long v)
{
    if (v >= 0)
        sg_buf_printf(b, "%ld", v);
}

static void csv_bool(sg_buf *b, int v)
{
    if (v >= 0)
        sg_buf_puts(b, v ? "true" : "false");
}

sg_status sg_render__csv_nodes(sg_buf *b, const sg_report *r, sg_error *err)
{
    (void)err;
    sg_buf_puts(b, "id,label,stance,score,statements,support,oppose,neutral,interval_low,"
                   "interval_high,camp,betweenness,swing,blocker\r\n");
    for (size_t i = 0; i < r->n_actors; i++) {
        const sg_ractor *a = &r->actors[i];
        sg_buf_csv(b, a->id);
        sg_buf_puts(b, ",");
        sg_buf_csv(b, a->id);
        sg_buf_printf(b, ",%s,", sg_render__stance_name(a->stance));
        sg_buf_num(b, a->score, 6);
        sg_buf_puts(b, ",");
        csv_long(b, a->statements);
        sg_buf_puts(b, ",");
        csv_long(b, a->support);
        sg_buf_puts(b, ",");
        csv_long(b, a->oppose);
        sg_buf_puts(b, ",");
        csv_long(b, a->neutral);
        sg_buf_puts(b, ",");
        if (a->has_interval)
            sg_buf_num(b, a->interval[0], 6);
        sg_buf_puts(b, ",");
        if (a->has_interval)
            sg_buf_num(b, a->interval[1], 6);
        sg_buf_puts(b, ",");
        if (a->camp > 0)
            sg_buf_printf(b, "%ld", a->camp);
        sg_buf_puts(b, ",");
        if (a->betweenness >= 0)
            sg_buf_num(b, a->betweenness, 6);
        sg_buf_puts(b, ",");
        csv_bool(b, a->swing);
        sg_buf_puts(b, ",");
        csv_bool(b, a->blocker);
        sg_buf_puts(b, "\r\n");
    }
    return SG_OK;
}

sg_status sg_render__csv_edges(sg_buf *b, const sg_report *r, sg_error *err)
{
    (void)err;
    sg_buf_puts(b, "source,target,weight,sign,type,kind,between_camps,evidence\r\n");
    for (size_t i = 0; i < r->n_edges; i++) {
        const sg_redge *e = &r->edges[i];
        int directed = e->kind != NULL && strcmp(e->kind, "direct") == 0;
        sg_buf_csv(b, e->source);
        sg_buf_puts(b, ",");
        sg_buf_csv(b, e->target);
        sg_buf_puts(b, ",");
        sg_buf_num(b, e->weight, 6);
        sg_buf_printf(b, ",%d,%s,", e->sign, directed ? "Directed" : "Undirected");
        sg_buf_csv(b, e->kind);
        sg_buf_puts(b, ",");
        csv_bool(b, e->between_camps);
        sg_buf_puts(b, ",");
        sg_buf ids; /* evidence ids joined by spaces, then quoted as one field */
        sg_buf_init(&ids);
        for (size_t k = 0; k < e->n_evidence; k++) {
            if (k > 0)
                sg_buf_puts(&ids, " ");
            sg_buf_puts(&ids, e->evidence[k]);
        }
        if (ids.oom)
            b->oom = 1;
        sg_buf_csv(b, ids.data);
        sg_buf_free(&ids);
        sg_buf_puts(b, "\r\n");
    }
    for (size_t i = 0; i < r->n_tm; i++) { /* two-mode: actor - topic ties */
        sg_buf_csv(b, r->tm[i].actor);
        sg_buf_puts(b, ",");
        sg_buf_csv(b, r->tm[i].topic);
        sg_buf_puts(b, ",");
        sg_buf_num(b, r->tm[i].weight, 6);
        sg_buf_printf(b, ",%d,Undirected,twomode,,\r\n", r->tm[i].sign);
    }
    return SG_OK;
}

/* ---- GraphML -------------------------------------------------------------------- */

typedef struct gml_key {
    const char *id, *for_, *name, *type;
} gml_key;

static const gml_key gml_keys[] = {
    {"g_title", "graph", "title", "string"},
    {"g_topics", "graph", "topics", "string"},
    {"g_date_from", "graph", "date_from", "string"},
    {"g_date_to", "graph", "date_to", "string"},
    {"g_method", "graph", "method", "string"},
    {"v_label", "node", "label", "string"},
    {"v_stance", "node", "stance", "string"},
    {"v_score", "node", "score", "double"},
    {"v_statements", "node", "statements", "long"},
    {"v_support", "node", "support", "long"},
    {"v_oppose", "node", "oppose", "long"},
    {"v_neutral", "node", "neutral", "long"},
    {"v_interval_low", "node", "interval_low", "double"},
    {"v_interval_high", "node", "interval_high", "double"},
    {"v_camp", "node", "camp", "long"},
    {"v_betweenness", "node", "betweenness", "double"},
    {"v_swing", "node", "swing", "boolean"},
    {"v_blocker", "node", "blocker", "boolean"},
    {"v_evidence", "node", "evidence", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_sign", "edge", "sign", "int"},
    {"e_kind", "edge", "kind", "string"},
    {"e_between_camps", "edge", "between_camps", "boolean"},
    {"e_reciprocal", "edge", "reciprocal", "boolean"},
    {"v_kind", "node", "kind", "string"},
    {"e_evidence", "edge", "evidence", "string"},
};

static void gml_open(sg_buf *b, const char *indent, const char *key)
{
    sg_buf_printf(b, "%s<data key=\"%s\">", indent, key);
}

static void gml_str(sg_buf *b, const char *indent, const char *key, const char *v)
{
    if (v == NULL)
        return;
    gml_open(b, indent, key);
    sg_buf_xml(b, v);
    sg_buf_puts(b, "</data>\n");
}

static void gml_num(sg_buf *b, const char *indent, const char *key, double v)
{
    gml_open(b, indent, key);
    sg_buf_num(b, v, 6);
    sg_buf_puts(b, "</data>\n");
}

static void gml_long(sg_buf *b, const char *indent, const char *key, long v)
{
    if (v < 0)
        return;
    gml_open(b, indent, key);
    sg_buf_printf(b, "%ld</data>\n", v);
}

static void gml_bool(sg_buf *b, const char *indent, const char *key, int v)
{
    if (v < 0)
        return;
    gml_open(b, indent, key);
    sg_buf_printf(b, "%s</data>\n", v ? "true" : "false");
}

static void gml_node(sg_buf *b, const sg_ractor *a, size_t i, int twomode)
{
    const char *in = "      ";
    sg_buf_printf(b, "    <node id=\"n%zu\">\n", i);
    gml_str(b, in, "v_label", a->id);
    if (twomode)
        gml_str(b, in, "v_kind", "actor");
    gml_str(b, in, "v_stance", sg_render__stance_name(a->stance));
    gml_num(b, in, "v_score", a->score);
    gml_long(b, in, "v_statements", a->statements);
    gml_long(b, in, "v_support", a->support);
    gml_long(b, in, "v_oppose", a->oppose);
    gml_long(b, in, "v_neutral", a->neutral);
    if (a->has_interval) {
        gml_num(b, in, "v_interval_low", a->interval[0]);
        gml_num(b, in, "v_interval_high", a->interval[1]);
    }
    if (a->camp > 0)
        gml_long(b, in, "v_camp", a->camp);
    if (a->betweenness >= 0)
        gml_num(b, in, "v_betweenness", a->betweenness);
    gml_bool(b, in, "v_swing", a->swing);
    gml_bool(b, in, "v_blocker", a->blocker);
    if (a->n_ev > 0) { /* the sentences, one per line */
        gml_open(b, in, "v_evidence");
        for (size_t k = 0; k < a->n_ev; k++) {
            if (k > 0)
                sg_buf_puts(b, "\n");
            sg_buf_xml(b, a->ev[k].text ? a->ev[k].text : a->ev[k].cue);
        }
        sg_buf_puts(b, "</data>\n");
    }
    sg_buf_puts(b, "    </node>\n");
}

static int edge_directed(const sg_redge *e)
{
    return e->kind != NULL && strcmp(e->kind, "direct") == 0;
}

/* One edge. In a directed graph (some relation has a direction) an undirected tie is
 * written as two arcs, reciprocal=true, with id eN and eNr: networkx, igraph and Gephi
 * refuse or silently drop per-edge "directed" overrides, so none is written. */
static void gml_edge(sg_buf *b, const sg_redge *e, size_t i, int graph_directed, int reverse)
{
    const char *in = "      ";
    sg_buf_printf(b, "    <edge id=\"e%zu%s\" source=\"n%zu\" target=\"n%zu\">\n", i,
                  reverse ? "r" : "", reverse ? e->dst : e->src, reverse ? e->src : e->dst);
    if (graph_directed)
        gml_bool(b, in, "e_reciprocal", !edge_directed(e));
    gml_num(b, in, "e_weight", e->weight);
    gml_open(b, in, "e_sign");
    sg_buf_printf(b, "%d</data>\n", e->sign);
    gml_str(b, in, "e_kind", e->kind);
    gml_bool(b, in, "e_between_camps", e->between_camps);
    if (e->n_evidence > 0) {
        gml_open(b, in, "e_evidence");
        for (size_t k = 0; k < e->n_evidence; k++) {
            if (k > 0)
                sg_buf_puts(b, " ");
            sg_buf_xml(b, e->evidence[k]);
        }
        sg_buf_puts(b, "</data>\n");
    }
    sg_buf_puts(b, "    </edge>\n");
}

/* A two-mode report's topic nodes (t0, t1 ... in order of first use) and its actor -
 * topic ties (kind "twomode"). */
typedef struct tm_key {
    const char *topic;
    size_t i;
} tm_key;

static int cmp_tm(const void *x, const void *y)
{
    const tm_key *a = x, *b = y;
    int c = strcmp(a->topic, b->topic);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

static void gml_twomode(sg_buf *b, const sg_report *r)
{
    const char *in = "      ";
    tm_key *order = malloc((r->n_tm + 1) * sizeof(tm_key));
    size_t *first_of = malloc((r->n_tm + 1) * sizeof(size_t));
    if (order == NULL || first_of == NULL) {
        free(order);
        free(first_of);
        b->oom = 1;
        return;
    }
    for (size_t i = 0; i < r->n_tm; i++)
        order[i] = (tm_key){r->tm[i].topic, i};
    qsort(order, r->n_tm, sizeof(tm_key), cmp_tm);
    for (size_t k = 0; k < r->n_tm; k++) /* the first edge of each topic names its node */
        first_of[order[k].i] = k > 0 && strcmp(order[k].topic, order[k - 1].topic) == 0
                                   ? first_of[order[k - 1].i] : order[k].i;
    for (size_t i = 0; i < r->n_tm; i++) {
        if (first_of[i] != i)
            continue;
        sg_buf_printf(b, "    <node id=\"t%zu\">\n", i);
        gml_str(b, in, "v_label", r->tm[i].topic);
        gml_str(b, in, "v_kind", "topic");
        sg_buf_puts(b, "    </node>\n");
    }
    for (size_t i = 0; i < r->n_tm; i++) {
        sg_buf_printf(b, "    <edge id=\"m%zu\" source=\"n%zu\" target=\"t%zu\">\n", i,
                      r->tm[i].a, first_of[i]);
        gml_num(b, in, "e_weight", r->tm[i].weight);
        gml_open(b, in, "e_sign");
        sg_buf_printf(b, "%d</data>\n", r->tm[i].sign);
        gml_str(b, in, "e_kind", "twomode");
        sg_buf_puts(b, "    </edge>\n");
    }
    free(order);
    free(first_of);
}

sg_status sg_render__graphml(sg_buf *b, const sg_report *r, sg_error *err)
{
    (void)err;
    sg_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t i = 0; i < sizeof(gml_keys) / sizeof(gml_keys[0]); i++)
        sg_buf_printf(b, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                      gml_keys[i].id, gml_keys[i].for_, gml_keys[i].name, gml_keys[i].type);
    int directed = 0;
    for (size_t i = 0; i < r->n_edges; i++)
        directed |= edge_directed(&r->edges[i]);
    sg_buf_printf(b, "  <graph id=\"stancegraph\" edgedefault=\"%s\">\n",
                  directed ? "directed" : "undirected");
    sg_buf title;
    sg_buf_init(&title);
    sg_render__title(&title, r, NULL);
    gml_str(b, "    ", "g_title", title.data);
    title.len = 0;
    for (size_t i = 0; i < r->n_topics; i++) {
        if (i > 0)
            sg_buf_puts(&title, " ");
        sg_buf_puts(&title, r->topics[i]);
    }
    if (r->n_topics > 0)
        gml_str(b, "    ", "g_topics", title.data);
    if (title.oom)
        b->oom = 1;
    sg_buf_free(&title);
    gml_str(b, "    ", "g_date_from", r->date_from);
    gml_str(b, "    ", "g_date_to", r->date_to);
    gml_str(b, "    ", "g_method", r->method);
    for (size_t i = 0; i < r->n_actors; i++)
        gml_node(b, &r->actors[i], i, r->n_tm > 0);
    gml_twomode(b, r);
    for (size_t i = 0; i < r->n_edges; i++) {
        gml_edge(b, &r->edges[i], i, directed, 0);
        if (directed && !edge_directed(&r->edges[i]))
            gml_edge(b, &r->edges[i], i, directed, 1);
    }
    sg_buf_puts(b, "  </graph>\n</graphml>\n");
    return SG_OK;
}
