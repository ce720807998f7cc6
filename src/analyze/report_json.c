/* report_json.c - report.json (docs/formats.md, docs/report.schema.json), printed by
 * cJSON one element at a time: actors, camps, edges and windows each on their own line.
 */
#include "analyze/analyze_internal.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N_BROKERS 10

static const char *class_name(int c)
{
    return c > 0 ? "support" : c < 0 ? "oppose" : "neutral";
}

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

static int push(cJSON *arr, cJSON *item)
{
    if (item == NULL)
        return 0;
    if (!cJSON_AddItemToArray(arr, item)) {
        cJSON_Delete(item);
        return 0;
    }
    return 1;
}

static cJSON *pair_of(double a, double b)
{
    cJSON *arr = cJSON_CreateArray();
    if (arr && push(arr, cJSON_CreateNumber(sg_graph__round6(a))) &&
        push(arr, cJSON_CreateNumber(sg_graph__round6(b))))
        return arr;
    cJSON_Delete(arr);
    return NULL;
}

/* Class, score, counts and interval of one aggregate (w, n by side). */
static int stance_fields(cJSON *o, const sg_report *r, const double *w, const uint32_t *n)
{
    double score = sg_graph__round6(w[SG_Q_SUPPORT] - w[SG_Q_OPPOSE]);
    double tail = (1.0 - r->level) / 2.0;
    double a = r->prior + w[SG_Q_SUPPORT], b = r->prior + w[SG_Q_OPPOSE];
    return cJSON_AddStringToObject(o, "stance", class_name((score > 0) - (score < 0))) &&
           cJSON_AddNumberToObject(o, "score", score) &&
           cJSON_AddNumberToObject(o, "support", n[SG_Q_SUPPORT]) &&
           cJSON_AddNumberToObject(o, "oppose", n[SG_Q_OPPOSE]) &&
           cJSON_AddNumberToObject(o, "neutral", n[SG_Q_NEUTRAL]) &&
           add_item(o, "interval", pair_of(sg_beta_quantile(tail, a, b),
                                           sg_beta_quantile(1.0 - tail, a, b)));
}

static cJSON *topic_stances(const sg_report *r, const sg_node *nd)
{
    cJSON *arr = cJSON_CreateArray();
    for (uint32_t k = 0; arr && k < nd->n_stances; k++) {
        const sg_stance *s = &nd->stances[k];
        cJSON *o = cJSON_CreateObject();
        if (!(o && cJSON_AddStringToObject(o, "topic", r->g->topics[s->topic]) &&
              stance_fields(o, r, s->w, s->n) && push(arr, o))) {
            cJSON_Delete(o);
            cJSON_Delete(arr);
            return NULL;
        }
    }
    return arr;
}

static cJSON *evidence_list(const sg_node *nd)
{
    cJSON *arr = cJSON_CreateArray();
    for (uint32_t k = 0; arr && k < nd->n_evidence; k++)
        if (!push(arr, sg_graph__evidence_json(&nd->evidence[k]))) {
            cJSON_Delete(arr);
            return NULL;
        }
    return arr;
}

static cJSON *actor_json(const sg_report *r, size_t v)
{
    const sg_node *nd = &r->g->nodes[v];
    const sg_aactor *a = &r->act[v];
    cJSON *o = cJSON_CreateObject();
    int firm = a->lo > 0.5 || a->hi < 0.5;
    if (o && cJSON_AddStringToObject(o, "id", nd->id) &&
        cJSON_AddStringToObject(o, "stance", class_name(a->cls)) &&
        cJSON_AddNumberToObject(o, "score",
                                sg_graph__round6(a->w[SG_Q_SUPPORT] - a->w[SG_Q_OPPOSE])) &&
        cJSON_AddNumberToObject(o, "statements", nd->statements) &&
        cJSON_AddNumberToObject(o, "support", a->n[SG_Q_SUPPORT]) &&
        cJSON_AddNumberToObject(o, "oppose", a->n[SG_Q_OPPOSE]) &&
        cJSON_AddNumberToObject(o, "neutral", a->n[SG_Q_NEUTRAL]) &&
        add_item(o, "interval", pair_of(a->lo, a->hi)) && cJSON_AddBoolToObject(o, "firm", firm) &&
        cJSON_AddNumberToObject(o, "camp", r->camp[v]) &&
        cJSON_AddNumberToObject(o, "betweenness", sg_graph__round6(r->betweenness[v])) &&
        cJSON_AddBoolToObject(o, "swing", a->swing) &&
        add_item(o, "stances", topic_stances(r, nd)) && add_item(o, "evidence", evidence_list(nd)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static cJSON *camp_json(const sg_report *r, int id)
{
    cJSON *o = cJSON_CreateObject(), *members = cJSON_CreateArray();
    double score = 0.0;
    size_t size = 0;
    int ok = o && members;
    for (size_t v = 0; ok && v < r->n; v++) {
        if (r->camp[v] != id)
            continue;
        score += r->act[v].w[SG_Q_SUPPORT] - r->act[v].w[SG_Q_OPPOSE];
        size++;
        ok = push(members, cJSON_CreateString(r->g->nodes[v].id));
    }
    score = sg_graph__round6(score);
    if (ok && cJSON_AddNumberToObject(o, "id", id) && cJSON_AddItemToObject(o, "members", members))
        members = NULL;
    else
        ok = 0;
    if (ok && cJSON_AddNumberToObject(o, "size", (double)size) &&
        cJSON_AddStringToObject(o, "stance", class_name((score > 0) - (score < 0))) &&
        cJSON_AddNumberToObject(o, "score", score) &&
        (id != r->unaligned_camp || cJSON_AddTrueToObject(o, "unaligned")))
        return o;
    cJSON_Delete(members);
    cJSON_Delete(o);
    return NULL;
}

static cJSON *edge_json(const sg_report *r, const sg_apair *p)
{
    cJSON *o = cJSON_CreateObject();
    double w = sg_graph__round6(p->w);
    if (o && cJSON_AddStringToObject(o, "source", r->g->nodes[p->a].id) &&
        cJSON_AddStringToObject(o, "target", r->g->nodes[p->b].id) &&
        cJSON_AddNumberToObject(o, "weight", w) &&
        cJSON_AddNumberToObject(o, "sign", w > 0 ? 1 : -1) &&
        cJSON_AddStringToObject(o, "kind", sg_graph__edge_kind_name(p->kind)) &&
        cJSON_AddBoolToObject(o, "between_camps", r->camp[p->a] != r->camp[p->b]) &&
        add_item(o, "evidence", sg_graph__idlist_json(&p->ev)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* One actor - topic tie of a two-mode network. */
static cJSON *twomode_edge_json(const sg_report *r, const sg_apair *p, uint32_t actor,
                                uint32_t topic)
{
    cJSON *o = cJSON_CreateObject();
    double w = sg_graph__round6(p->w);
    if (o && cJSON_AddStringToObject(o, "actor", r->g->nodes[actor].id) &&
        cJSON_AddStringToObject(o, "topic", r->g->nodes[topic].id) &&
        cJSON_AddNumberToObject(o, "weight", w) &&
        cJSON_AddNumberToObject(o, "sign", w > 0 ? 1 : -1) &&
        add_item(o, "evidence", sg_graph__idlist_json(&p->ev)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* Why the balance figures say nothing, or NULL when they do: no triangle (the share
 * is undefined), no conflict tie, or every tie's sign equals the product of its two
 * actors' stance classes, which makes any such graph balanced by construction (a
 * co-stance network on one question). */
static const char *balance_trivial(const sg_report *r)
{
    if (r->n_pairs == 0)
        return "no ties: there is no structure to be balanced";
    int negative = 0, follows = 1;
    size_t ties = 0;
    for (size_t i = 0; i < r->n_pairs; i++) {
        const sg_apair *p = &r->pairs[i];
        if (r->g->nodes[p->a].kind != SG_NODE_ACTOR || r->g->nodes[p->b].kind != SG_NODE_ACTOR)
            continue;
        ties++;
        int sign = p->w > 0 ? 1 : -1;
        negative |= sign < 0;
        follows &= r->act[p->a].cls * r->act[p->b].cls == sign;
    }
    if (ties == 0)
        return "no ties between actors: there is no structure to be balanced";
    if (follows)
        return "balanced by construction: every tie's sign is the product of its two actors' "
               "stances (alike +, opposed -), so the camps are the two sides and a balance "
               "of 1 is no finding";
    if (!negative)
        return "no conflict ties: a graph of alliances only is balanced by construction";
    if (r->balance.triangles == 0)
        return "no triangles: the balanced share is undefined (shown as 1)";
    return NULL;
}

static cJSON *balance_json(const sg_report *r)
{
    const sg_balance *b = &r->balance;
    const char *trivial = balance_trivial(r);
    double share = b->triangles ? (double)b->triangles_balanced / (double)b->triangles : 1.0;
    cJSON *o = cJSON_CreateObject();
    if (o && cJSON_AddNumberToObject(o, "triangles", (double)b->triangles) &&
        cJSON_AddNumberToObject(o, "triangles_balanced", sg_graph__round6(share)) &&
        cJSON_AddNumberToObject(o, "balanced_triangles", (double)b->triangles_balanced) &&
        cJSON_AddNumberToObject(o, "frustration", (double)b->frustration) &&
        cJSON_AddBoolToObject(o, "frustration_exact", b->frustration_exact) &&
        cJSON_AddNumberToObject(o, "polarisation", sg_graph__round6(b->polarisation)) &&
        cJSON_AddBoolToObject(o, "trivial", trivial != NULL) &&
        (trivial == NULL || cJSON_AddStringToObject(o, "note", trivial)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static cJSON *member_list(const sg_report *r, const size_t *idx, size_t n)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < n; i++)
        if (!push(arr, cJSON_CreateString(r->g->members[idx[i]]))) {
            cJSON_Delete(arr);
            return NULL;
        }
    return arr;
}

/* "population": shares of the members' population (qualified majority only). */
static int population_json(cJSON *o, const sg_report *r)
{
    if (r->g->weights == NULL || r->pop_total <= 0)
        return 1;
    cJSON *p = cJSON_CreateObject();
    return add_item(o, "population", p) &&
           cJSON_AddNumberToObject(p, "supporters_share",
                                   sg_graph__round6(r->pop_support / r->pop_total)) &&
           cJSON_AddNumberToObject(p, "opponents_share",
                                   sg_graph__round6(r->pop_oppose / r->pop_total)) &&
           cJSON_AddNumberToObject(p, "needed_share", 0.65) &&
           (r->g->weight_source == NULL ||
            cJSON_AddStringToObject(p, "source", r->g->weight_source));
}

/* "veto": the members holding a veto (Security Council). */
static int veto_json(cJSON *o, const sg_report *r)
{
    if (r->g->veto == NULL)
        return 1;
    cJSON *v = cJSON_CreateArray();
    if (!add_item(o, "veto", v))
        return 0;
    for (size_t i = 0; i < r->g->n_members; i++)
        if (r->g->veto[i] && !push(v, cJSON_CreateString(r->g->members[i])))
            return 0;
    return 1;
}

static cJSON *blocking_json(const sg_report *r)
{
    if (!r->has_blocking)
        return cJSON_CreateNull();
    const sg_graph *g = r->g;
    cJSON *o = cJSON_CreateObject();
    if (o && cJSON_AddStringToObject(o, "body", g->body) &&
        cJSON_AddStringToObject(o, "rule", g->rule) &&
        cJSON_AddNumberToObject(o, "members", (double)g->n_members) &&
        cJSON_AddNumberToObject(o, "needed", (double)r->need) &&
        cJSON_AddNumberToObject(o, "supporters", (double)r->n_support) &&
        cJSON_AddBoolToObject(o, "passes", strcmp(r->outcome, "passes") == 0) &&
        cJSON_AddStringToObject(o, "outcome", r->outcome) &&
        add_item(o, "blockers", member_list(r, r->blockers, r->n_blockers)) &&
        add_item(o, "blocking_minority",
                 r->minority ? member_list(r, r->opponents, r->n_opponents)
                             : cJSON_CreateArray()) &&
        add_item(o, "opponents", member_list(r, r->opponents, r->n_opponents)) &&
        add_item(o, "undecided", member_list(r, r->undecided, r->n_undecided)) &&
        population_json(o, r) && veto_json(o, r))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* The N_BROKERS actors of highest positive betweenness (ties by id). */
static cJSON *brokers_json(const sg_report *r)
{
    size_t chosen[N_BROKERS], n = 0;
    for (size_t v = 0; v < r->n; v++) {
        if (r->g->nodes[v].kind != SG_NODE_ACTOR || sg_graph__round6(r->betweenness[v]) <= 0)
            continue;
        size_t at = n < N_BROKERS ? n++ : N_BROKERS;
        while (at > 0 && r->betweenness[chosen[at - 1]] < r->betweenness[v]) {
            if (at < N_BROKERS)
                chosen[at] = chosen[at - 1];
            at--;
        }
        if (at < N_BROKERS)
            chosen[at] = v;
    }
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < n; i++)
        if (!push(arr, cJSON_CreateString(r->g->nodes[chosen[i]].id))) {
            cJSON_Delete(arr);
            return NULL;
        }
    return arr;
}

static const char *label_of(const sg_graph *g, const char *topic)
{
    for (size_t i = 0; i < g->n_labels; i++)
        if (strcmp(g->label_ids[i], topic) == 0)
            return g->label_texts[i];
    return topic;
}

/* "Stances on A, B and C": the topics' labels (ids where none), at most three named,
 * then "and N more topics", so that a title stays one readable line. */
static cJSON *title_json(const sg_graph *g)
{
    char buf[512];
    size_t len = (size_t)snprintf(buf, sizeof(buf), "Stances on ");
    size_t shown = g->n_topics > 3 ? 2 : g->n_topics;
    for (size_t i = 0; i < shown && len < sizeof(buf); i++)
        len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
                                i == 0 ? "" : i + 1 == g->n_topics ? " and " : ", ",
                                label_of(g, g->topics[i]));
    if (g->n_topics == 0 && len < sizeof(buf))
        snprintf(buf + len, sizeof(buf) - len, "the question");
    else if (shown < g->n_topics && len < sizeof(buf))
        snprintf(buf + len, sizeof(buf) - len, " and %zu more topics", g->n_topics - shown);
    return cJSON_CreateString(buf);
}

static cJSON *labels_json(const sg_graph *g)
{
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; o && i < g->n_topics; i++)
        if (strcmp(label_of(g, g->topics[i]), g->topics[i]) != 0 &&
            cJSON_AddStringToObject(o, g->topics[i], label_of(g, g->topics[i])) == NULL) {
            cJSON_Delete(o);
            return NULL;
        }
    return o;
}

static cJSON *head_json(const sg_report *r)
{
    const sg_graph *g = r->g;
    cJSON *h = cJSON_CreateObject(), *topics = cJSON_CreateArray();
    for (size_t i = 0; topics && i < g->n_topics; i++)
        if (!push(topics, cJSON_CreateString(g->topics[i]))) {
            cJSON_Delete(topics);
            topics = NULL;
        }
    cJSON *range = NULL; /* absent when no statement has a date */
    if (g->have_dates) {
        char a[11], b[11];
        sg_graph__date_format(g->date_min, a);
        sg_graph__date_format(g->date_max, b);
        range = cJSON_CreateArray();
        if (range && !(push(range, cJSON_CreateString(a)) && push(range, cJSON_CreateString(b)))) {
            cJSON_Delete(range);
            range = NULL;
        }
    }
    int ok = h && cJSON_AddStringToObject(h, "stancegraph", "report") &&
             cJSON_AddNumberToObject(h, "version", 1);
    ok = ok ? add_item(h, "topics", topics) : (cJSON_Delete(topics), 0);
    ok = ok && add_item(h, "topic_labels", labels_json(g)) && add_item(h, "title", title_json(g));
    if (range)
        ok = ok ? add_item(h, "date_range", range) : (cJSON_Delete(range), 0);
    ok = ok &&
             cJSON_AddStringToObject(h, "network_type", sg_network_type_name(g->network_type)) &&
             cJSON_AddStringToObject(h, "qualifier_aggregation",
                                     sg_qualifier_aggregation_name(g->qualifier_aggregation)) &&
             cJSON_AddStringToObject(h, "normalization", sg_normalization_name(g->normalization)) &&
             cJSON_AddNumberToObject(h, "statements", (double)g->n_statements) &&
             cJSON_AddStringToObject(h, "method", sg_camp_method_name(r->method)) &&
             cJSON_AddNumberToObject(h, "seed", (double)r->seed) &&
             cJSON_AddNumberToObject(h, "interval_level", r->level) &&
             cJSON_AddNumberToObject(h, "prior", r->prior) &&
             cJSON_AddBoolToObject(h, "betweenness_exact", r->betweenness_exact) &&
             add_item(h, "balance", balance_json(r)) && add_item(h, "blocking", blocking_json(r)) &&
             add_item(h, "brokers", brokers_json(r));
    if (!ok) {
        cJSON_Delete(h);
        return NULL;
    }
    return h;
}

/* One window: each actor's stance summed over the topics. */
static cJSON *window_json(const sg_report *r, size_t k)
{
    const sg_window *w = &r->g->windows[k];
    char id[32], a[11], b[11];
    snprintf(id, sizeof(id), "w%zu", k + 1);
    sg_graph__date_format(w->start, a);
    sg_graph__date_format(w->end, b);
    cJSON *o = cJSON_CreateObject(), *actors = cJSON_CreateArray();
    int ok = o && actors;
    for (size_t lo = 0, hi; ok && lo < w->n_stances; lo = hi) {
        double score = 0;
        uint32_t n = 0;
        for (hi = lo; hi < w->n_stances && w->stances[hi].node == w->stances[lo].node; hi++) {
            score += w->stances[hi].w[SG_Q_SUPPORT] - w->stances[hi].w[SG_Q_OPPOSE];
            n += w->stances[hi].n[0] + w->stances[hi].n[1] + w->stances[hi].n[2];
        }
        score = sg_graph__round6(score);
        cJSON *e = cJSON_CreateObject();
        ok = e && cJSON_AddStringToObject(e, "id", r->g->nodes[w->stances[lo].node].id) &&
             cJSON_AddStringToObject(e, "stance", class_name((score > 0) - (score < 0))) &&
             cJSON_AddNumberToObject(e, "score", score) &&
             cJSON_AddNumberToObject(e, "statements", n);
        if (!(ok && push(actors, e))) {
            ok = 0;
            if (e)
                cJSON_Delete(e);
        }
    }
    ok = ok && cJSON_AddStringToObject(o, "id", id) && cJSON_AddStringToObject(o, "start", a) &&
         cJSON_AddStringToObject(o, "end", b) &&
         cJSON_AddNumberToObject(o, "statements", w->statements);
    if (ok && add_item(o, "actors", actors))
        return o;
    if (!ok)
        cJSON_Delete(actors);
    cJSON_Delete(o);
    return NULL;
}

static void write_report(sg_jout *o, const sg_report *r)
{
    sg_graph__jout_head(o, head_json(r));
    sg_graph__jout_raw(o, ",\n\"actors\":[");
    for (size_t v = 0, i = 0; v < r->n && o->status == SG_OK; v++) {
        if (r->g->nodes[v].kind != SG_NODE_ACTOR)
            continue;
        sg_graph__jout_raw(o, i++ ? ",\n" : "\n");
        sg_graph__jout_item(o, actor_json(r, v), 1);
    }
    sg_graph__jout_raw(o, "],\n\"camps\":[");
    for (size_t c = 1; c <= r->n_camps && o->status == SG_OK; c++) {
        sg_graph__jout_raw(o, c > 1 ? ",\n" : "\n");
        sg_graph__jout_item(o, camp_json(r, (int)c), 1);
    }
    sg_graph__jout_raw(o, "],\n\"edges\":[");
    for (size_t i = 0, k = 0; i < r->n_pairs && o->status == SG_OK; i++) {
        if (r->camp[r->pairs[i].a] == 0 || r->camp[r->pairs[i].b] == 0)
            continue; /* ties to topic nodes */
        sg_graph__jout_raw(o, k++ ? ",\n" : "\n");
        sg_graph__jout_item(o, edge_json(r, &r->pairs[i]), 1);
    }
    sg_graph__jout_raw(o, "]");
    if (r->g->network_type == SG_NETWORK_TWOMODE) { /* actor - topic ties, kept */
        sg_graph__jout_raw(o, ",\n\"twomode_edges\":[");
        for (size_t i = 0, k = 0; i < r->n_pairs && o->status == SG_OK; i++) {
            const sg_apair *p = &r->pairs[i];
            int ta = r->g->nodes[p->a].kind == SG_NODE_TOPIC;
            int tb = r->g->nodes[p->b].kind == SG_NODE_TOPIC;
            if (ta == tb)
                continue;
            sg_graph__jout_raw(o, k++ ? ",\n" : "\n");
            sg_graph__jout_item(o, twomode_edge_json(r, p, ta ? p->b : p->a, ta ? p->a : p->b), 1);
        }
        sg_graph__jout_raw(o, "]");
    }
    if (r->g->window_days > 0) {
        sg_graph__jout_raw(o, ",\n\"windows\":[");
        for (size_t k = 0; k < r->g->n_windows && o->status == SG_OK; k++) {
            sg_graph__jout_raw(o, k ? ",\n" : "\n");
            sg_graph__jout_item(o, window_json(r, k), 1);
        }
        sg_graph__jout_raw(o, "],\n\"moved\":[");
        for (size_t k = 0; k < r->g->n_moved && o->status == SG_OK; k++) {
            sg_graph__jout_raw(o, k ? ",\n" : "\n");
            sg_graph__jout_item(o, sg_graph__move_json(r->g, &r->g->moved[k]), 1);
        }
        sg_graph__jout_raw(o, "]");
    }
    sg_graph__jout_raw(o, "}\n");
}

sg_status sg_report_write(const sg_report *r, FILE *fp, sg_error *err)
{
    sg_jout o;
    memset(&o, 0, sizeof(o));
    o.fp = fp;
    write_report(&o, r);
    return sg_graph__jout_done(&o, NULL, "report.json", err);
}

sg_status sg_report_to_json(const sg_report *r, char **out, sg_error *err)
{
    sg_jout o;
    memset(&o, 0, sizeof(o));
    *out = NULL;
    write_report(&o, r);
    return sg_graph__jout_done(&o, out, "report.json", err);
}
