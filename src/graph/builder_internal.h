/* builder_internal.h - the streaming builder's state, shared by builder.c (adding
 * statements), edges_csv.c (adding edge lists) and finish.c (turning it into a graph).
 */
#ifndef SG_BUILDER_INTERNAL_H
#define SG_BUILDER_INTERNAL_H

#include "graph/graph_internal.h"

/* Statement ids kept per cell (actor x topic, holder x target, or per day). */
#define SG_CELL_EVIDENCE 5

/* Aggregate of the statements of one actor on one topic (or toward one target). */
typedef struct sg_bcell {
    uint32_t actor;                /* index in builder.actors */
    uint32_t other;                /* topic index (builder.topics), or target actor */
    int32_t day;                   /* day cells: days since epoch; else 0 */
    uint8_t direct;                /* 1: other is a target actor */
    double w[3];                   /* weights by side, SG_Q_* */
    uint32_t n[3];                 /* counts by side */
    uint32_t n_ev;
    uint32_t ev[SG_CELL_EVIDENCE]; /* indexes into builder.ids */
} sg_bcell;

typedef struct sg_bactor {
    uint32_t statements;           /* statements held */
    sg_evidence *evidence;         /* SG_GRAPH_NODE_EVIDENCE slots, lazily allocated */
    uint32_t n_evidence;
} sg_bactor;

struct sg_graph_builder {
    sg_graph_options opts;         /* topics and decision pointers cleared: copied below */
    sg_pool filter;                /* topics to keep */
    int filter_topics;             /* 1: drop statements on other topics */
    sg_graph *meta;                /* holds only the decision and the topic labels
                                      (moved into the graph at finish) */
    sg_pool actors, topics, ids, docs;
    sg_bactor *act;                /* indexed like actors; act_cap >= actors.n */
    size_t act_cap;
    sg_bcell *cells, *direct, *days;
    size_t n_cells, cells_cap, n_direct, direct_cap, n_days, days_cap;
    sg_map cell_map, direct_map, day_map, dups;
    int have_dates;
    int32_t date_min, date_max;
    uint64_t n_seen;               /* statements offered */
    uint64_t n_statements;         /* statements aggregated */
    uint64_t n_edges_added;        /* edge-list rows */
    int finished;
};

/* The window grid of a graph and the builder's day cells sorted by day (windows.c). */
typedef struct sg_wplan {
    sg_bcell **days;
    size_t n_days;
    int32_t first;                 /* start day of window 0 */
    size_t n_win;
    const uint32_t *node_of, *topic_of, *topic_node; /* borrowed, see below */
} sg_wplan;

/* Plan g's windows (sets g->window_first); node_of etc. are set by the caller. */
SG_NODISCARD sg_status sg_graph__windows_plan(sg_graph *g, const sg_graph_builder *b,
                                              sg_wplan *plan, sg_error *err);
/* Window k of the plan into *win (the caller destroys it). */
SG_NODISCARD sg_status sg_graph__window_make(sg_graph *g, const sg_wplan *plan, size_t k,
                                             sg_window *win, sg_error *err);
void sg_graph__wplan_destroy(sg_wplan *plan);

/* Windows of a finished graph from the builder's day cells (windows.c). node_of maps
 * builder actor indexes to node indexes, topic_of builder topics to graph topics. */
SG_NODISCARD sg_status sg_graph__build_windows(sg_graph *g, const sg_graph_builder *b,
                                               const uint32_t *node_of,
                                               const uint32_t *topic_of,
                                               const uint32_t *topic_node, sg_error *err);

#endif
