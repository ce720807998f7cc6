/* builder.c - streaming aggregation of statements into stance cells.
 *
 * The builder never keeps statements: each one is filtered (topic, duplicates), then
 * added to the cell of its actor x topic (or holder x target for a direct relation),
 * to its actor's counts and first SG_GRAPH_NODE_EVIDENCE evidence records, and, when
 * windows are asked for, to a cell per actor x topic x day. Memory is therefore
 * O(actors x topics (x days)) plus the duplicate keys. finish() turns the cells into
 * an sg_graph (see network.c for the edge formulas and windows.c for time windows).
 *
 * Stance 0 statements count toward an actor's statements and activity (t_i) and
 * toward the "ignore" aggregation, but carry neither qualifier: they add nothing to
 * congruence, conflict or scores (docs/networks.md).
 */
#include "graph/builder_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static sg_status oom(sg_error *err)
{
    return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
}

/* Reject option combinations DNA does not define. */
static sg_status check_options(const sg_graph_options *o, sg_error *err)
{
    int onemode = o->network_type == SG_NETWORK_ONEMODE;
    if (!onemode && (o->qualifier_aggregation == SG_QUALIFIER_CONGRUENCE ||
                     o->qualifier_aggregation == SG_QUALIFIER_CONFLICT))
        return sg_error_set(err, SG_EUSAGE, NULL, 0,
                            "qualifier aggregation '%s' applies to one-mode networks only "
                            "(two-mode: ignore or subtract)",
                            sg_qualifier_aggregation_name(o->qualifier_aggregation));
    int onemode_norm = o->normalization != SG_NORM_ACTIVITY &&
                       o->normalization != SG_NORM_PROMINENCE;
    int twomode_norm = o->normalization == SG_NORM_NO || !onemode_norm;
    if ((onemode && !onemode_norm) || (!onemode && !twomode_norm))
        return sg_error_set(err, SG_EUSAGE, NULL, 0,
                            "normalization '%s' does not apply to %s networks "
                            "(one-mode: no, average, jaccard, cosine, cosine-vector; "
                            "two-mode: no, activity, prominence)",
                            sg_normalization_name(o->normalization),
                            sg_network_type_name(o->network_type));
    if (o->window_days < 0 || o->step_days < 0 || (o->step_days > 0 && o->window_days == 0))
        return sg_error_set(err, SG_EUSAGE, NULL, 0,
                            "window and step must be positive numbers of days (a step "
                            "needs a window)");
    if (o->decision && (o->decision->body == NULL || o->decision->rule == NULL))
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "a decision needs a body and a rule");
    return SG_OK;
}

sg_status sg_graph_builder_new(sg_graph_builder **out, const sg_graph_options *opts,
                               sg_error *err)
{
    static const sg_graph_options defaults = SG_GRAPH_OPTIONS_INIT;
    *out = NULL;
    if (opts == NULL)
        opts = &defaults;
    sg_status rc = check_options(opts, err);
    if (rc != SG_OK)
        return rc;
    sg_graph_builder *b = calloc(1, sizeof(*b));
    if (b == NULL)
        return oom(err);
    b->opts = *opts;
    b->opts.topics = NULL;
    b->opts.decision = NULL;
    if (b->opts.window_days > 0 && b->opts.step_days == 0)
        b->opts.step_days = b->opts.window_days;
    sg_graph__pool_init(&b->filter);
    sg_graph__pool_init(&b->actors);
    sg_graph__pool_init(&b->topics);
    sg_graph__pool_init(&b->ids);
    sg_graph__pool_init(&b->docs);
    sg_graph__map_init(&b->cell_map);
    sg_graph__map_init(&b->direct_map);
    sg_graph__map_init(&b->day_map);
    sg_graph__map_init(&b->dups);
    for (size_t i = 0; rc == SG_OK && opts->topics && i < opts->n_topics; i++) {
        uint32_t idx;
        if (opts->topics[i] == NULL ||
            sg_graph__pool_intern(&b->filter, opts->topics[i], strlen(opts->topics[i]),
                                  &idx) != SG_OK)
            rc = opts->topics[i] == NULL
                     ? sg_error_set(err, SG_EUSAGE, NULL, 0, "topic filter entry is NULL")
                     : oom(err);
    }
    b->filter_topics = opts->topics != NULL && opts->n_topics > 0;
    if (rc == SG_OK)
        rc = sg_graph__new(&b->meta, err);
    if (rc == SG_OK && opts->decision)
        rc = sg_graph_builder_set_decision(b, opts->decision, err);
    for (size_t i = 0; rc == SG_OK && i < opts->n_labels; i++)
        if (opts->label_ids[i] && opts->label_texts[i] &&
            sg_graph__set_label(b->meta, opts->label_ids[i], opts->label_texts[i]) != SG_OK)
            rc = oom(err);
    if (rc != SG_OK) {
        sg_graph_builder_free(b);
        return rc;
    }
    *out = b;
    return SG_OK;
}

sg_status sg_graph_builder_set_decision(sg_graph_builder *b, const sg_decision *d,
                                        sg_error *err)
{
    if (d->body == NULL || d->rule == NULL)
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "a decision needs a body and a rule");
    return sg_graph__set_decision(b->meta, d) == SG_OK ? SG_OK : oom(err);
}

int sg_graph_builder_last_date(const sg_graph_builder *b, char out[11])
{
    out[0] = '\0';
    if (!b->have_dates)
        return -1;
    sg_graph__date_format(b->date_max, out);
    return 0;
}

void sg_graph_builder_free(sg_graph_builder *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->act_cap && b->act; i++) {
        for (uint32_t j = 0; j < b->act[i].n_evidence; j++)
            sg_graph__evidence_destroy(&b->act[i].evidence[j]);
        free(b->act[i].evidence);
    }
    free(b->act);
    free(b->cells);
    free(b->direct);
    free(b->days);
    sg_graph__pool_destroy(&b->filter);
    sg_graph__pool_destroy(&b->actors);
    sg_graph__pool_destroy(&b->topics);
    sg_graph__pool_destroy(&b->ids);
    sg_graph__pool_destroy(&b->docs);
    sg_graph__map_destroy(&b->cell_map);
    sg_graph__map_destroy(&b->direct_map);
    sg_graph__map_destroy(&b->day_map);
    sg_graph__map_destroy(&b->dups);
    sg_graph_free(b->meta);
    free(b);
}

/* Intern an actor and make sure its per-actor record exists. */
static sg_status intern_actor(sg_graph_builder *b, const char *name, uint32_t *idx)
{
    if (sg_graph__pool_intern(&b->actors, name, strlen(name), idx) != SG_OK)
        return SG_ENOMEM;
    if (*idx >= b->act_cap) {
        size_t old = b->act_cap;
        if (sg_graph__grow((void **)&b->act, &b->act_cap, (size_t)*idx + 1,
                           sizeof(sg_bactor)) != SG_OK)
            return SG_ENOMEM;
        memset(b->act + old, 0, (b->act_cap - old) * sizeof(sg_bactor));
    }
    return SG_OK;
}

/* The period a duplicate is counted once in; statements without a date share one. */
static sg_status dup_period(sg_graph_builder *b, const sg_statement *s, int dated,
                            int32_t day, uint32_t *period)
{
    if (b->opts.duplicates == SG_DUP_DOCUMENT)
        return sg_graph__pool_intern(&b->docs, s->doc, strlen(s->doc), period);
    if (!dated) {
        *period = UINT32_MAX;
        return SG_OK;
    }
    char buf[11];
    sg_graph__date_format(day, buf);
    int y = atoi(buf), m = atoi(buf + 5);
    switch (b->opts.duplicates) {
    case SG_DUP_WEEK: /* 1970-01-01 was a Thursday: (day + 3) / 7 counts Monday weeks */
        *period = (uint32_t)(int32_t)(day >= -3 ? (day + 3) / 7 : -((-day - 3 + 6) / 7));
        break;
    case SG_DUP_MONTH: *period = (uint32_t)(y * 12 + m - 1); break;
    default: *period = (uint32_t)y; break;
    }
    return SG_OK;
}

/* 1 when s repeats an earlier statement under the duplicates setting. */
static sg_status is_duplicate(sg_graph_builder *b, const sg_statement *s, uint32_t actor,
                              uint32_t topic, uint32_t target, int dated, int32_t day,
                              int *dup)
{
    *dup = 0;
    if (b->opts.duplicates == SG_DUP_INCLUDE)
        return SG_OK;
    uint32_t period;
    if (dup_period(b, s, dated, day, &period) != SG_OK)
        return SG_ENOMEM;
    uint64_t t1 = target == UINT32_MAX ? 0 : (uint64_t)target + 1;
    if (t1 >= (1u << 29))
        return SG_ENOMEM;
    /* DNA compares the qualifier only when it is not ignored. */
    uint64_t side = b->opts.qualifier_aggregation == SG_QUALIFIER_IGNORE
                        ? 3u : (uint64_t)(s->stance + 1);
    uint64_t k1 = ((uint64_t)actor << 32) | topic;
    uint64_t k2 = (t1 << 34) | (side << 32) | period;
    uint32_t v;
    return sg_graph__map_upsert(&b->dups, k1, k2, 0, &v, dup);
}

/* Find or create the cell (actor, other[, day]) in one of the three cell tables. */
static sg_status cell_at(sg_bcell **arr, size_t *n, size_t *cap, sg_map *map, uint32_t actor,
                         uint32_t other, int32_t day, int direct, sg_bcell **out)
{
    uint64_t k1 = ((uint64_t)actor << 32) | other;
    uint64_t k2 = ((uint64_t)(uint32_t)day << 2) | (uint64_t)(direct & 3);
    uint32_t v;
    int found;
    if (*n >= UINT32_MAX - 1)
        return SG_ENOMEM;
    if (sg_graph__map_upsert(map, k1, k2, (uint32_t)*n, &v, &found) != SG_OK)
        return SG_ENOMEM;
    if (!found) {
        if (sg_graph__grow((void **)arr, cap, *n + 1, sizeof(sg_bcell)) != SG_OK)
            return SG_ENOMEM;
        sg_bcell *c = &(*arr)[(*n)++];
        memset(c, 0, sizeof(*c));
        c->actor = actor;
        c->other = other;
        c->day = day;
        c->direct = (uint8_t)direct; /* 0 stance, 1 relation, 2 undirected tie */
    }
    *out = &(*arr)[v];
    return SG_OK;
}

/* Add a statement to a cell; its id is interned only if the cell keeps it. */
static sg_status cell_add(sg_graph_builder *b, sg_bcell *c, int stance, double weight,
                          const char *id, uint32_t *id_idx)
{
    c->w[stance + 1] += weight;
    c->n[stance + 1]++;
    if (c->n_ev >= SG_CELL_EVIDENCE)
        return SG_OK;
    if (*id_idx == UINT32_MAX &&
        sg_graph__pool_intern(&b->ids, id, strlen(id), id_idx) != SG_OK)
        return SG_ENOMEM;
    c->ev[c->n_ev++] = *id_idx;
    return SG_OK;
}

static sg_status keep_evidence(sg_graph_builder *b, uint32_t actor, const sg_statement *s,
                               const char *id)
{
    sg_bactor *a = &b->act[actor];
    if (a->n_evidence >= SG_GRAPH_NODE_EVIDENCE)
        return SG_OK;
    if (a->evidence == NULL) {
        a->evidence = calloc(SG_GRAPH_NODE_EVIDENCE, sizeof(sg_evidence));
        if (a->evidence == NULL)
            return SG_ENOMEM;
    }
    sg_evidence src = {(char *)id,       s->doc,  s->date, s->source, s->topic,
                       s->target,        s->cue,  s->mention, s->text, s->stance,
                       s->weight};
    if (sg_graph__evidence_copy(&a->evidence[a->n_evidence], &src) != SG_OK)
        return SG_ENOMEM;
    a->n_evidence++;
    return SG_OK;
}

static sg_status check_statement(const sg_statement *s, sg_error *err)
{
    const char *name = s->id ? s->id : "statement";
    if (s->doc == NULL || s->actor == NULL || s->topic == NULL || !s->actor[0] || !s->topic[0])
        return sg_error_set(err, SG_EINPUT, NULL, 0, "%s: doc, actor and topic are required",
                            name);
    if (s->stance < -1 || s->stance > 1)
        return sg_error_set(err, SG_EINPUT, NULL, 0, "%s: stance must be -1, 0 or 1, not %d",
                            name, s->stance);
    if (!(s->weight > 0) || !isfinite(s->weight))
        return sg_error_set(err, SG_EINPUT, NULL, 0, "%s: weight must be > 0, not %g", name,
                            s->weight);
    if (s->target && !s->target[0])
        return sg_error_set(err, SG_EINPUT, NULL, 0, "%s: target is empty", name);
    return SG_OK;
}

/* Add one filtered, non-duplicate statement to every aggregate it belongs to. */
static sg_status aggregate(sg_graph_builder *b, const sg_statement *s, uint32_t actor,
                           uint32_t topic, uint32_t target, int dated, int32_t day,
                           const char *id)
{
    uint32_t id_idx = UINT32_MAX;
    int direct = target != UINT32_MAX;
    uint32_t other = direct ? target : topic;
    sg_bcell *c;
    if (direct ? cell_at(&b->direct, &b->n_direct, &b->direct_cap, &b->direct_map, actor,
                         other, 0, 1, &c)
               : cell_at(&b->cells, &b->n_cells, &b->cells_cap, &b->cell_map, actor, other,
                         0, 0, &c))
        return SG_ENOMEM;
    if (cell_add(b, c, s->stance, s->weight, id, &id_idx) != SG_OK)
        return SG_ENOMEM;
    if (b->opts.window_days > 0 && dated) {
        if (cell_at(&b->days, &b->n_days, &b->days_cap, &b->day_map, actor, other, day,
                    direct, &c) != SG_OK ||
            cell_add(b, c, s->stance, s->weight, id, &id_idx) != SG_OK)
            return SG_ENOMEM;
    }
    b->act[actor].statements++;
    b->n_statements++;
    if (dated) {
        if (!b->have_dates || day < b->date_min)
            b->date_min = day;
        if (!b->have_dates || day > b->date_max)
            b->date_max = day;
        b->have_dates = 1;
    }
    return keep_evidence(b, actor, s, id);
}

sg_status sg_graph_builder_add(sg_graph_builder *b, const sg_statement *s, sg_error *err)
{
    sg_status rc = check_statement(s, err);
    if (rc != SG_OK)
        return rc;
    b->n_seen++;
    uint32_t idx;
    if (b->filter_topics && !sg_graph__pool_find(&b->filter, s->topic, &idx))
        return SG_OK;
    int32_t day = 0;
    int dated = s->date != NULL && s->date[0] != '\0';
    if (dated && sg_graph__date_parse(s->date, &day) != 0)
        return sg_error_set(err, SG_EINPUT, NULL, 0, "%s: date \"%s\" is not YYYY-MM-DD",
                            s->id ? s->id : s->doc, s->date);
    uint32_t actor, topic, target = UINT32_MAX;
    if (intern_actor(b, s->actor, &actor) != SG_OK ||
        sg_graph__pool_intern(&b->topics, s->topic, strlen(s->topic), &topic) != SG_OK ||
        (s->target && intern_actor(b, s->target, &target) != SG_OK))
        return oom(err);
    int dup;
    if (is_duplicate(b, s, actor, topic, target, dated, day, &dup) != SG_OK)
        return oom(err);
    if (dup)
        return SG_OK;
    char gen[64];
    const char *id = s->id;
    if (id == NULL) { /* a stable id for records without one: doc#ordinal */
        snprintf(gen, sizeof(gen), "%.40s#%llu", s->doc, (unsigned long long)b->n_seen);
        id = gen;
    }
    if (aggregate(b, s, actor, topic, target, dated, day, id) != SG_OK)
        return oom(err);
    return SG_OK;
}

sg_status sg_graph_builder_add_edge(sg_graph_builder *b, const char *from, const char *to,
                                    double weight, sg_error *err)
{
    return sg_graph_builder_add_relation(b, from, to, weight, 1, err);
}

sg_status sg_graph_builder_add_relation(sg_graph_builder *b, const char *from, const char *to,
                                        double weight, int directed, sg_error *err)
{
    if (!directed && from && to && strcmp(from, to) > 0) { /* one cell per pair */
        const char *t = from;
        from = to;
        to = t;
    }
    if (from == NULL || to == NULL || !from[0] || !to[0])
        return sg_error_set(err, SG_EINPUT, NULL, 0, "an edge needs two node names");
    if (!isfinite(weight))
        return sg_error_set(err, SG_EINPUT, NULL, 0, "edge weight must be a finite number");
    uint32_t a, t;
    if (intern_actor(b, from, &a) != SG_OK || intern_actor(b, to, &t) != SG_OK)
        return oom(err);
    if (weight == 0.0)
        return SG_OK;
    sg_bcell *c;
    if (cell_at(&b->direct, &b->n_direct, &b->direct_cap, &b->direct_map, a, t, 0,
                directed ? 1 : 2, &c))
        return oom(err);
    c->w[weight > 0 ? SG_Q_SUPPORT : SG_Q_OPPOSE] += fabs(weight);
    c->n[weight > 0 ? SG_Q_SUPPORT : SG_Q_OPPOSE]++;
    b->n_edges_added++;
    return SG_OK;
}

sg_status sg_graph_build(sg_graph **out, const sg_statement_list *stmts,
                         const sg_graph_options *opts, sg_error *err)
{
    *out = NULL;
    sg_graph_builder *b = NULL;
    sg_status rc = sg_graph_builder_new(&b, opts, err);
    for (size_t i = 0; rc == SG_OK && stmts && i < stmts->n; i++)
        rc = sg_graph_builder_add(b, &stmts->items[i], err);
    if (rc == SG_OK)
        rc = sg_graph_builder_finish(b, out, err);
    sg_graph_builder_free(b);
    return rc;
}
