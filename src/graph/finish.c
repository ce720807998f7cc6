/* finish.c - turn a builder's cells into an sg_graph: sorted nodes with their stance
 * aggregates and evidence, the network (network.c), windows (windows.c) and moves.
 */
#include "graph/builder_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct node_name {
    const char *name;
    int kind;      /* SG_NODE_ACTOR or SG_NODE_TOPIC */
    uint32_t src;  /* builder actor index, or graph topic index */
} node_name;

static int cmp_node_name(const void *a, const void *b)
{
    return strcmp(((const node_name *)a)->name, ((const node_name *)b)->name);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_stance(const void *a, const void *b)
{
    uint32_t x = ((const sg_stance *)a)->topic, y = ((const sg_stance *)b)->topic;
    return x < y ? -1 : x > y;
}

/* Graph topics: the filter's topics when one was given, else those seen; sorted.
 * topic_of maps builder topic indexes to graph topic indexes. */
static sg_status set_topics(sg_graph *g, const sg_graph_builder *b, uint32_t **topic_of)
{
    const sg_pool *src = b->filter_topics ? &b->filter : &b->topics;
    g->topics = calloc(src->n ? src->n : 1, sizeof(char *));
    *topic_of = calloc(b->topics.n ? b->topics.n : 1, sizeof(uint32_t));
    if (g->topics == NULL || *topic_of == NULL)
        return SG_ENOMEM;
    for (uint32_t i = 0; i < src->n; i++) {
        uint32_t idx;
        if (sg_graph__pool_intern(&g->pool, src->strs[i], strlen(src->strs[i]), &idx))
            return SG_ENOMEM;
        g->topics[i] = g->pool.strs[idx];
    }
    g->n_topics = src->n;
    sg_graph__sort(g->topics, g->n_topics, sizeof(char *), cmp_str);
    for (uint32_t i = 0; i < b->topics.n; i++) {
        const char *key = b->topics.strs[i];
        const char **hit = sg_graph__bsearch(&key, g->topics, g->n_topics, sizeof(char *), cmp_str);
        (*topic_of)[i] = hit ? (uint32_t)(hit - g->topics) : 0;
    }
    return SG_OK;
}

/* Sorted nodes: every actor (holders, targets, edge-list ends) and, in two-mode
 * networks, every topic. An actor named like a topic is an input error there. */
static sg_status set_nodes(sg_graph *g, const sg_graph_builder *b, uint32_t *node_of,
                           uint32_t *topic_node, sg_error *err)
{
    int twomode = g->network_type == SG_NETWORK_TWOMODE;
    size_t n = b->actors.n + (twomode ? g->n_topics : 0);
    node_name *names = calloc(n ? n : 1, sizeof(node_name));
    g->nodes = calloc(n ? n : 1, sizeof(sg_node));
    if (names == NULL || g->nodes == NULL) {
        free(names);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    for (uint32_t i = 0; i < b->actors.n; i++)
        names[i] = (node_name){b->actors.strs[i], SG_NODE_ACTOR, i};
    for (size_t t = 0; twomode && t < g->n_topics; t++)
        names[b->actors.n + t] = (node_name){g->topics[t], SG_NODE_TOPIC, (uint32_t)t};
    sg_graph__sort(names, n, sizeof(node_name), cmp_node_name);
    sg_status rc = SG_OK;
    for (size_t i = 0; i < n && rc == SG_OK; i++) {
        if (i > 0 && strcmp(names[i].name, names[i - 1].name) == 0) {
            rc = sg_error_set(err, SG_EINPUT, NULL, 0,
                              "\"%s\" is both an actor and a topic: a two-mode network "
                              "needs distinct names", names[i].name);
            break;
        }
        uint32_t idx;
        if (sg_graph__pool_intern(&g->pool, names[i].name, strlen(names[i].name), &idx)) {
            rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
            break;
        }
        g->nodes[i].id = g->pool.strs[idx];
        g->nodes[i].kind = names[i].kind;
        if (names[i].kind == SG_NODE_ACTOR)
            node_of[names[i].src] = (uint32_t)i;
        else
            topic_node[names[i].src] = (uint32_t)i;
    }
    g->n_nodes = rc == SG_OK ? n : 0;
    free(names);
    return rc;
}

/* Move counts and evidence from the builder's actors; stances from its cells. */
static sg_status fill_nodes(sg_graph *g, sg_graph_builder *b, const uint32_t *node_of,
                            const uint32_t *topic_of)
{
    for (uint32_t a = 0; a < b->actors.n; a++) {
        sg_node *nd = &g->nodes[node_of[a]];
        nd->statements = b->act[a].statements;
        nd->evidence = b->act[a].evidence;
        nd->n_evidence = b->act[a].n_evidence;
        b->act[a].evidence = NULL;
        b->act[a].n_evidence = 0;
    }
    for (size_t i = 0; i < b->n_cells; i++)
        g->nodes[node_of[b->cells[i].actor]].n_stances++;
    for (size_t i = 0; i < g->n_nodes; i++) {
        if (g->nodes[i].n_stances == 0)
            continue;
        g->nodes[i].stances = calloc(g->nodes[i].n_stances, sizeof(sg_stance));
        if (g->nodes[i].stances == NULL)
            return SG_ENOMEM;
        g->nodes[i].n_stances = 0;
    }
    for (size_t i = 0; i < b->n_cells; i++) {
        const sg_bcell *c = &b->cells[i];
        sg_node *nd = &g->nodes[node_of[c->actor]];
        sg_stance *st = &nd->stances[nd->n_stances++];
        st->topic = topic_of[c->other];
        memcpy(st->w, c->w, sizeof(st->w));
        memcpy(st->n, c->n, sizeof(st->n));
        if (g->stance_evidence) { /* the pool already belongs to g */
            if ((st->evidence.ids = calloc(c->n_ev ? c->n_ev : 1, sizeof(char *))) == NULL)
                return SG_ENOMEM;
            for (uint32_t k = 0; k < c->n_ev; k++)
                st->evidence.ids[st->evidence.n++] = g->pool.strs[c->ev[k]];
        }
    }
    for (size_t i = 0; i < g->n_nodes; i++)
        sg_graph__sort(g->nodes[i].stances, g->nodes[i].n_stances, sizeof(sg_stance), cmp_stance);
    return SG_OK;
}

/* Cells and direct relations in the network's terms; evidence pointers in one block. */
static sg_status network_input(const sg_graph *g, const sg_graph_builder *b,
                               const uint32_t *node_of, const uint32_t *topic_of,
                               sg_cell **cells, sg_direct **direct, const char ***block)
{
    size_t n_ev = 0;
    for (size_t i = 0; i < b->n_cells; i++)
        n_ev += b->cells[i].n_ev;
    for (size_t i = 0; i < b->n_direct; i++)
        n_ev += b->direct[i].n_ev;
    *cells = calloc(b->n_cells ? b->n_cells : 1, sizeof(sg_cell));
    *direct = calloc(b->n_direct ? b->n_direct : 1, sizeof(sg_direct));
    *block = calloc(n_ev ? n_ev : 1, sizeof(char *));
    if (*cells == NULL || *direct == NULL || *block == NULL)
        return SG_ENOMEM;
    const char **p = *block;
    for (size_t i = 0; i < b->n_cells; i++) {
        const sg_bcell *c = &b->cells[i];
        sg_cell *o = &(*cells)[i];
        o->node = node_of[c->actor];
        o->topic = topic_of[c->other];
        memcpy(o->w, c->w, sizeof(o->w));
        o->evidence.ids = p;
        o->evidence.n = c->n_ev;
        for (uint32_t k = 0; k < c->n_ev; k++)
            *p++ = g->pool.strs[c->ev[k]];
    }
    for (size_t i = 0; i < b->n_direct; i++) {
        const sg_bcell *c = &b->direct[i];
        sg_direct *o = &(*direct)[i];
        o->source = node_of[c->actor];
        o->target = node_of[c->other];
        o->tie = c->direct == 2;
        o->pos = c->w[SG_Q_SUPPORT];
        o->neg = c->w[SG_Q_OPPOSE];
        o->evidence.ids = p;
        o->evidence.n = c->n_ev;
        for (uint32_t k = 0; k < c->n_ev; k++)
            *p++ = g->pool.strs[c->ev[k]];
    }
    return SG_OK;
}

static void set_settings(sg_graph *g, sg_graph_builder *b)
{
    g->network_type = b->opts.network_type;
    g->qualifier_aggregation = b->opts.qualifier_aggregation;
    g->normalization = b->opts.normalization;
    g->duplicates = b->opts.duplicates;
    g->window_days = b->opts.window_days;
    g->step_days = b->opts.step_days;
    g->max_edge_evidence = b->opts.max_edge_evidence;
    g->topic_partners = b->opts.topic_partners;
    g->window_networks = b->opts.window_networks;
    g->stance_evidence = b->opts.stance_evidence != 0;
    g->n_statements = b->n_statements;
    g->have_dates = b->have_dates;
    g->date_min = b->date_min;
    g->date_max = b->date_max;
    if (b->meta) /* moved, not copied */
        sg_graph__move_meta(g, b->meta);
}

/* The graph; with plan set, its windows are planned, not made (plan takes node_of,
 * topic_of and topic_node, freed by the caller with sg_graph__wplan_destroy + free). */
static sg_status finish(sg_graph_builder *b, sg_graph **out, sg_wplan *plan, sg_error *err)
{
    *out = NULL;
    if (b->finished)
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "graph builder already finished");
    b->finished = 1;
    sg_graph *g = NULL;
    uint32_t *topic_of = NULL, *node_of = NULL, *topic_node = NULL;
    sg_cell *cells = NULL;
    sg_direct *direct = NULL;
    const char **block = NULL;
    sg_status rc = sg_graph__new(&g, err);
    if (rc != SG_OK)
        return rc;
    sg_graph__pool_destroy(&g->pool);
    g->pool = b->ids; /* evidence ids move with the pool */
    sg_graph__pool_init(&b->ids);
    set_settings(g, b);
    rc = set_topics(g, b, &topic_of);
    node_of = calloc(b->actors.n ? b->actors.n : 1, sizeof(uint32_t));
    topic_node = calloc(g->n_topics ? g->n_topics : 1, sizeof(uint32_t));
    if (rc != SG_OK || node_of == NULL || topic_node == NULL) {
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if ((rc = set_nodes(g, b, node_of, topic_node, err)) != SG_OK)
        goto done;
    if (fill_nodes(g, b, node_of, topic_of) != SG_OK ||
        network_input(g, b, node_of, topic_of, &cells, &direct, &block) != SG_OK) {
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    rc = sg_graph__network(&g->edges, g, cells, b->n_cells, direct, b->n_direct, topic_node,
                           err);
    if (rc == SG_OK && g->window_days > 0 && g->have_dates && plan != NULL) {
        rc = sg_graph__windows_plan(g, b, plan, err);
        if (rc == SG_OK) {
            g->n_windows = plan->n_win; /* made while written */
            plan->node_of = node_of;
            plan->topic_of = topic_of;
            plan->topic_node = topic_node;
            node_of = topic_of = topic_node = NULL;
        }
    } else if (rc == SG_OK && g->window_days > 0 && g->have_dates) {
        rc = sg_graph__build_windows(g, b, node_of, topic_of, topic_node, err);
    }
    if (rc == SG_OK && plan == NULL)
        rc = sg_graph__compute_moves(g, err);
done:
    free(topic_of);
    free(node_of);
    free(topic_node);
    free(cells);
    free(direct);
    free(block);
    if (rc != SG_OK) {
        sg_graph_free(g);
        return rc;
    }
    *out = g;
    return SG_OK;
}

sg_status sg_graph_builder_finish(sg_graph_builder *b, sg_graph **out, sg_error *err)
{
    return finish(b, out, NULL, err);
}

/* The producer of streamed windows: window k of the plan. */
typedef struct stream_ctx {
    sg_graph *g;
    const sg_wplan *plan;
} stream_ctx;

static sg_status next_window(void *ctx, size_t k, sg_window *out, sg_error *err)
{
    stream_ctx *s = ctx;
    return sg_graph__window_make(s->g, s->plan, k, out, err);
}

sg_status sg_graph_builder_write(sg_graph_builder *b, FILE *fp, size_t *nodes, sg_error *err)
{
    sg_graph *g = NULL;
    sg_wplan plan;
    memset(&plan, 0, sizeof(plan));
    sg_status rc = finish(b, &g, &plan, err);
    if (rc == SG_OK && nodes != NULL)
        *nodes = g->n_nodes;
    if (rc == SG_OK) {
        stream_ctx s = {g, &plan};
        rc = g->window_days > 0 && g->have_dates
                 ? sg_graph__write_streamed(g, fp, next_window, &s, err)
                 : sg_graph_write(g, fp, err);
    }
    free((void *)plan.node_of);
    free((void *)plan.topic_of);
    free((void *)plan.topic_node);
    sg_graph__wplan_destroy(&plan);
    if (g != NULL && g->windows == NULL)
        g->n_windows = 0; /* they were made and freed while written */
    sg_graph_free(g);
    return rc;
}
