/* graph.c - the sg_graph object: lifecycle, accessors, invariant check, edge sets
 * (an igraph_t with one attribute vector per edge field) and the igraph error guard.
 */
#include "graph/graph_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- igraph boundary ---- */

void sg_graph__igraph_enter(sg_igraph_guard *guard)
{
    guard->error_handler = igraph_set_error_handler(igraph_error_handler_ignore);
    guard->warning_handler = igraph_set_warning_handler(igraph_warning_handler_ignore);
}

void sg_graph__igraph_leave(const sg_igraph_guard *guard)
{
    igraph_set_error_handler(guard->error_handler);
    igraph_set_warning_handler(guard->warning_handler);
}

sg_status sg_graph__igraph_fail(igraph_error_t code, const char *what, sg_error *err)
{
    sg_status st = code == IGRAPH_ENOMEM ? SG_ENOMEM : SG_EINTERNAL;
    return sg_error_set(err, st, NULL, 0, "igraph: %s: %s", what, igraph_strerror(code));
}

/* ---- evidence ---- */

void sg_graph__evidence_destroy(sg_evidence *ev)
{
    if (ev == NULL)
        return;
    free(ev->id);
    free(ev->doc);
    free(ev->date);
    free(ev->source);
    free(ev->topic);
    free(ev->target);
    free(ev->cue);
    free(ev->mention);
    free(ev->text);
    memset(ev, 0, sizeof(*ev));
}

static int copy_str(char **dst, const char *src)
{
    *dst = NULL;
    if (src == NULL)
        return 0;
    size_t n = strlen(src) + 1;
    *dst = malloc(n);
    if (*dst == NULL)
        return -1;
    memcpy(*dst, src, n);
    return 0;
}

sg_status sg_graph__evidence_copy(sg_evidence *dst, const sg_evidence *src)
{
    memset(dst, 0, sizeof(*dst));
    int bad = copy_str(&dst->id, src->id) | copy_str(&dst->doc, src->doc) |
              copy_str(&dst->date, src->date) | copy_str(&dst->source, src->source) |
              copy_str(&dst->topic, src->topic) | copy_str(&dst->target, src->target) |
              copy_str(&dst->cue, src->cue) | copy_str(&dst->mention, src->mention) |
              copy_str(&dst->text, src->text);
    dst->stance = src->stance;
    dst->weight = src->weight;
    if (bad) {
        sg_graph__evidence_destroy(dst);
        return SG_ENOMEM;
    }
    return SG_OK;
}

/* ---- edge sets ---- */

static sg_status edgeset_graph(sg_edgeset *es, size_t n_nodes, size_t n_edges,
                               const uint32_t *src, const uint32_t *dst, const double *weight,
                               const double *cong, const double *conf, const int *kind,
                               sg_error *err);

sg_status sg_graph__edgeset_init(sg_edgeset *es, size_t n_nodes, size_t n_edges,
                                 const uint32_t *src, const uint32_t *dst,
                                 const double *weight, const double *cong, const double *conf,
                                 const int *kind, sg_idlist *evidence, sg_error *err)
{
    memset(es, 0, sizeof(*es));
    size_t n_ev = 0;
    for (size_t i = 0; i < n_edges; i++)
        n_ev += evidence ? evidence[i].n : 0;
    es->evidence = calloc(n_edges ? n_edges : 1, sizeof(sg_idlist));
    es->ev_store = calloc(n_ev ? n_ev : 1, sizeof(char *));
    if (es->evidence == NULL || es->ev_store == NULL) {
        free(es->evidence);
        free(es->ev_store);
        memset(es, 0, sizeof(*es));
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    for (size_t i = 0, at = 0; evidence && i < n_edges; i++) {
        es->evidence[i].ids = es->ev_store + at;
        es->evidence[i].n = evidence[i].n;
        if (evidence[i].n)
            memcpy(es->ev_store + at, evidence[i].ids, evidence[i].n * sizeof(char *));
        at += evidence[i].n;
    }
    return edgeset_graph(es, n_nodes, n_edges, src, dst, weight, cong, conf, kind, err);
}

sg_status sg_graph__edgeset_init_store(sg_edgeset *es, size_t n_nodes, size_t n_edges,
                                       const uint32_t *src, const uint32_t *dst,
                                       const double *weight, const double *cong,
                                       const double *conf, const int *kind,
                                       const sg_idlist *evidence, const char **store,
                                       sg_error *err)
{
    memset(es, 0, sizeof(*es));
    es->evidence = malloc((n_edges ? n_edges : 1) * sizeof(sg_idlist));
    es->ev_store = store ? store : calloc(1, sizeof(char *));
    if (es->evidence == NULL || es->ev_store == NULL) {
        free(es->evidence);
        free(es->ev_store);
        memset(es, 0, sizeof(*es));
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    if (n_edges)
        memcpy(es->evidence, evidence, n_edges * sizeof(sg_idlist));
    return edgeset_graph(es, n_nodes, n_edges, src, dst, weight, cong, conf, kind, err);
}

/* The igraph half of an edge set whose evidence is in place; frees it on failure. */
static sg_status edgeset_graph(sg_edgeset *es, size_t n_nodes, size_t n_edges,
                               const uint32_t *src, const uint32_t *dst, const double *weight,
                               const double *cong, const double *conf, const int *kind,
                               sg_error *err)
{
    sg_igraph_guard guard;
    sg_graph__igraph_enter(&guard);
    igraph_vector_int_t ends;
    int have_ends = 0, have_graph = 0, have_w = 0, have_cg = 0, have_cf = 0;
    igraph_error_t ie = igraph_vector_int_init(&ends, (igraph_integer_t)(2 * n_edges));
    have_ends = ie == IGRAPH_SUCCESS;
    for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n_edges; i++) {
        VECTOR(ends)[2 * i] = src[i];
        VECTOR(ends)[2 * i + 1] = dst[i];
    }
    if (ie == IGRAPH_SUCCESS)
        have_graph = (ie = igraph_create(&es->graph, &ends, (igraph_integer_t)n_nodes,
                                         IGRAPH_DIRECTED)) == IGRAPH_SUCCESS;
    if (ie == IGRAPH_SUCCESS)
        have_w = (ie = igraph_vector_init(&es->weight, (igraph_integer_t)n_edges)) == 0;
    if (ie == IGRAPH_SUCCESS)
        have_cg = (ie = igraph_vector_init(&es->congruence, (igraph_integer_t)n_edges)) == 0;
    if (ie == IGRAPH_SUCCESS)
        have_cf = (ie = igraph_vector_init(&es->conflict, (igraph_integer_t)n_edges)) == 0;
    if (ie == IGRAPH_SUCCESS)
        ie = igraph_vector_int_init(&es->kind, (igraph_integer_t)n_edges);
    if (have_ends)
        igraph_vector_int_destroy(&ends);
    sg_graph__igraph_leave(&guard);
    if (ie != IGRAPH_SUCCESS) {
        if (have_graph)
            igraph_destroy(&es->graph);
        if (have_w)
            igraph_vector_destroy(&es->weight);
        if (have_cg)
            igraph_vector_destroy(&es->congruence);
        if (have_cf)
            igraph_vector_destroy(&es->conflict);
        free(es->evidence);
        free(es->ev_store);
        memset(es, 0, sizeof(*es));
        return sg_graph__igraph_fail(ie, "creating the edge set", err);
    }
    sg_graph__huge_hint(VECTOR(es->weight), n_edges * sizeof(double));
    sg_graph__huge_hint(VECTOR(es->congruence), n_edges * sizeof(double));
    sg_graph__huge_hint(VECTOR(es->conflict), n_edges * sizeof(double));
    sg_graph__huge_hint(VECTOR(es->kind), n_edges * sizeof(igraph_integer_t));
    for (size_t i = 0; i < n_edges; i++) {
        VECTOR(es->weight)[i] = weight[i];
        VECTOR(es->congruence)[i] = cong ? cong[i] : 0.0;
        VECTOR(es->conflict)[i] = conf ? conf[i] : 0.0;
        VECTOR(es->kind)[i] = kind[i];
    }
    es->ready = 1;
    return SG_OK;
}

void sg_graph__edgeset_destroy(sg_edgeset *es)
{
    if (es == NULL || !es->ready)
        return;
    igraph_destroy(&es->graph);
    igraph_vector_destroy(&es->weight);
    igraph_vector_destroy(&es->congruence);
    igraph_vector_destroy(&es->conflict);
    igraph_vector_int_destroy(&es->kind);
    free(es->evidence);
    free(es->ev_store);
    memset(es, 0, sizeof(*es));
}

size_t sg_graph__edgeset_count(const sg_edgeset *es)
{
    return es->ready ? (size_t)igraph_ecount(&es->graph) : 0;
}

void sg_graph__edgeset_ends(const sg_edgeset *es, size_t e, uint32_t *src, uint32_t *dst)
{
    *src = (uint32_t)IGRAPH_FROM(&es->graph, (igraph_integer_t)e);
    *dst = (uint32_t)IGRAPH_TO(&es->graph, (igraph_integer_t)e);
}

/* ---- the graph ---- */

sg_status sg_graph__new(sg_graph **out, sg_error *err)
{
    *out = calloc(1, sizeof(sg_graph));
    if (*out == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    sg_graph__pool_init(&(*out)->pool);
    (*out)->max_edge_evidence = 10;
    return SG_OK;
}

sg_status sg_graph__set_decision(sg_graph *g, const sg_decision *d)
{
    free(g->body);
    free(g->rule);
    free(g->weight_source);
    for (size_t i = 0; i < g->n_members; i++)
        free(g->members[i]);
    free(g->members);
    free(g->weights);
    free(g->veto);
    g->body = g->rule = g->weight_source = NULL;
    g->members = NULL;
    g->weights = NULL;
    g->veto = NULL;
    g->n_members = 0;
    g->has_decision = 1;
    size_t n_members = d->n_members;
    if (copy_str(&g->body, d->body) || copy_str(&g->rule, d->rule))
        return SG_ENOMEM;
    if (d->weight_source && copy_str(&g->weight_source, d->weight_source))
        return SG_ENOMEM;
    g->members = calloc(n_members ? n_members : 1, sizeof(char *));
    if (g->members == NULL)
        return SG_ENOMEM;
    if (d->weights && (g->weights = calloc(n_members + 1, sizeof(double))) == NULL)
        return SG_ENOMEM;
    if (d->veto && (g->veto = calloc(n_members + 1, sizeof(int))) == NULL)
        return SG_ENOMEM;
    for (size_t i = 0; i < n_members; i++) {
        if (copy_str(&g->members[i], d->members[i] ? d->members[i] : ""))
            return SG_ENOMEM;
        if (g->weights)
            g->weights[i] = d->weights[i];
        if (g->veto)
            g->veto[i] = d->veto[i] != 0;
        g->n_members = i + 1;
    }
    return SG_OK;
}

sg_status sg_graph__set_label(sg_graph *g, const char *id, const char *text)
{
    for (size_t i = 0; i < g->n_labels; i++)
        if (strcmp(g->label_ids[i], id) == 0) {
            free(g->label_texts[i]);
            g->label_texts[i] = NULL;
            return copy_str(&g->label_texts[i], text) ? SG_ENOMEM : SG_OK;
        }
    char **a = realloc(g->label_ids, (g->n_labels + 1) * sizeof(char *));
    if (a == NULL)
        return SG_ENOMEM;
    g->label_ids = a;
    char **b = realloc(g->label_texts, (g->n_labels + 1) * sizeof(char *));
    if (b == NULL)
        return SG_ENOMEM;
    g->label_texts = b;
    g->label_ids[g->n_labels] = g->label_texts[g->n_labels] = NULL;
    if (copy_str(&g->label_ids[g->n_labels], id) ||
        copy_str(&g->label_texts[g->n_labels], text)) {
        free(g->label_ids[g->n_labels]);
        return SG_ENOMEM;
    }
    g->n_labels++;
    return SG_OK;
}

void sg_graph__move_meta(sg_graph *dst, sg_graph *src)
{
    dst->has_decision = src->has_decision;
    dst->body = src->body;
    dst->rule = src->rule;
    dst->members = src->members;
    dst->n_members = src->n_members;
    dst->weights = src->weights;
    dst->veto = src->veto;
    dst->weight_source = src->weight_source;
    dst->label_ids = src->label_ids;
    dst->label_texts = src->label_texts;
    dst->n_labels = src->n_labels;
    src->has_decision = 0;
    src->body = src->rule = src->weight_source = NULL;
    src->members = NULL;
    src->n_members = 0;
    src->weights = NULL;
    src->veto = NULL;
    src->label_ids = src->label_texts = NULL;
    src->n_labels = 0;
}

void sg_graph__decision_view(const sg_graph *g, sg_decision *out)
{
    memset(out, 0, sizeof(*out));
    if (!g->has_decision)
        return;
    out->body = g->body;
    out->rule = g->rule;
    out->members = (const char *const *)g->members;
    out->n_members = g->n_members;
    out->weights = g->weights;
    out->veto = g->veto;
    out->weight_source = g->weight_source;
}

void sg_graph__window_destroy(sg_window *w)
{
    for (size_t i = 0; i < w->n_stances; i++)
        free(w->stances[i].evidence.ids);
    free(w->stances);
    sg_graph__edgeset_destroy(&w->edges);
}

void sg_graph_free(sg_graph *g)
{
    if (g == NULL)
        return;
    for (size_t i = 0; i < g->n_nodes; i++) {
        for (uint32_t j = 0; j < g->nodes[i].n_evidence; j++)
            sg_graph__evidence_destroy(&g->nodes[i].evidence[j]);
        free(g->nodes[i].evidence);
        for (uint32_t k = 0; g->nodes[i].stances && k < g->nodes[i].n_stances; k++)
            free(g->nodes[i].stances[k].evidence.ids);
        free(g->nodes[i].stances);
    }
    free(g->nodes);
    sg_graph__edgeset_destroy(&g->edges);
    for (size_t i = 0; i < g->n_windows; i++)
        sg_graph__window_destroy(&g->windows[i]);
    free(g->windows);
    for (size_t i = 0; i < g->n_moved; i++)
        free(g->moved[i].evidence.ids);
    free(g->moved);
    free(g->topics);
    free(g->body);
    free(g->rule);
    for (size_t i = 0; i < g->n_members; i++)
        free(g->members[i]);
    free(g->members);
    free(g->weights);
    free(g->veto);
    free(g->weight_source);
    for (size_t i = 0; i < g->n_labels; i++) {
        free(g->label_ids[i]);
        free(g->label_texts[i]);
    }
    free(g->label_ids);
    free(g->label_texts);
    sg_graph__pool_destroy(&g->pool);
    free(g);
}

size_t sg_graph_node_count(const sg_graph *g)
{
    return g->n_nodes;
}

size_t sg_graph_edge_count(const sg_graph *g)
{
    return sg_graph__edgeset_count(&g->edges);
}

size_t sg_graph_window_count(const sg_graph *g)
{
    return g->n_windows;
}

const char *sg_graph_node_id(const sg_graph *g, size_t node)
{
    return node < g->n_nodes ? g->nodes[node].id : NULL;
}

void sg_graph_edge(const sg_graph *g, size_t e, size_t *source, size_t *target, double *weight,
                   const char **kind)
{
    uint32_t s, t;
    sg_graph__edgeset_ends(&g->edges, e, &s, &t);
    if (source)
        *source = s;
    if (target)
        *target = t;
    if (weight)
        *weight = VECTOR(g->edges.weight)[e];
    if (kind)
        *kind = sg_graph__edge_kind_name((int)VECTOR(g->edges.kind)[e]);
}

static int cmp_node_id(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const sg_node *)elem)->id);
}

int sg_graph_find_node(const sg_graph *g, const char *id, size_t *node)
{
    const sg_node *hit = sg_graph__bsearch(id, g->nodes, g->n_nodes, sizeof(sg_node), cmp_node_id);
    if (hit == NULL)
        return -1;
    *node = (size_t)(hit - g->nodes);
    return 0;
}

static sg_status check_edges(const sg_graph *g, const sg_edgeset *es, const char *what,
                             sg_error *err)
{
    if (!es->ready)
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "%s: edge set not initialised", what);
    size_t m = sg_graph__edgeset_count(es);
    if ((size_t)igraph_vcount(&es->graph) != g->n_nodes ||
        (size_t)igraph_vector_size(&es->weight) != m ||
        (size_t)igraph_vector_size(&es->congruence) != m ||
        (size_t)igraph_vector_size(&es->conflict) != m ||
        (size_t)igraph_vector_int_size(&es->kind) != m)
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "%s: vector sizes differ", what);
    for (size_t e = 0; e < m; e++) {
        uint32_t s, t;
        sg_graph__edgeset_ends(es, e, &s, &t);
        double w = VECTOR(es->weight)[e];
        if (s >= g->n_nodes || t >= g->n_nodes || !isfinite(w) || w == 0.0)
            return sg_error_set(err, SG_EINTERNAL, NULL, 0, "%s: edge %zu is malformed", what,
                                e);
    }
    return SG_OK;
}

sg_status sg_graph_check(const sg_graph *g, sg_error *err)
{
    for (size_t i = 1; i < g->n_nodes; i++)
        if (strcmp(g->nodes[i - 1].id, g->nodes[i].id) >= 0)
            return sg_error_set(err, SG_EINTERNAL, NULL, 0, "nodes not sorted at %zu", i);
    for (size_t i = 0; i < g->n_nodes; i++) {
        const sg_node *nd = &g->nodes[i];
        if (nd->n_evidence > SG_GRAPH_NODE_EVIDENCE)
            return sg_error_set(err, SG_EINTERNAL, NULL, 0, "node %s: too much evidence", nd->id);
        for (uint32_t k = 0; k < nd->n_stances; k++)
            if (nd->stances[k].topic >= g->n_topics ||
                (k > 0 && nd->stances[k - 1].topic >= nd->stances[k].topic))
                return sg_error_set(err, SG_EINTERNAL, NULL, 0, "node %s: bad stances", nd->id);
    }
    sg_status rc = check_edges(g, &g->edges, "graph", err);
    for (size_t i = 0; rc == SG_OK && i < g->n_windows; i++)
        rc = check_edges(g, &g->windows[i].edges, "window", err);
    return rc;
}
