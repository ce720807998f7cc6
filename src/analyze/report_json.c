/* report_json.c - report.json (docs/formats.md, docs/report.schema.json), written
 * straight through the streaming writer (common/jsonw.h): actors, camps, edges and
 * windows each on their own line.
 */
#include "analyze/analyze_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N_BROKERS 10

static const char *class_name(int c)
{
    return c > 0 ? "support" : c < 0 ? "oppose" : "neutral";
}

static void pair_of(sg_jsonw *w, double a, double b)
{
    sg_jsonw_arr(w);
    sg_jsonw_num(w, sg_graph__round6(a));
    sg_jsonw_num(w, sg_graph__round6(b));
    sg_jsonw_arr_end(w);
}

/* Class, score, counts and interval of one aggregate (w, n by side). */
static void stance_fields(sg_jsonw *jw, const sg_report *r, const double *w, const uint32_t *n)
{
    double score = sg_graph__round6(w[SG_Q_SUPPORT] - w[SG_Q_OPPOSE]);
    double tail = (1.0 - r->level) / 2.0;
    double a = r->prior + w[SG_Q_SUPPORT], b = r->prior + w[SG_Q_OPPOSE];
    sg_jsonw_kstr(jw, "stance", class_name((score > 0) - (score < 0)));
    sg_jsonw_knum(jw, "score", score);
    sg_jsonw_kint(jw, "support", n[SG_Q_SUPPORT]);
    sg_jsonw_kint(jw, "oppose", n[SG_Q_OPPOSE]);
    sg_jsonw_kint(jw, "neutral", n[SG_Q_NEUTRAL]);
    sg_jsonw_key(jw, "interval");
    pair_of(jw, sg_beta_quantile(tail, a, b), sg_beta_quantile(1.0 - tail, a, b));
}

static void topic_stances(sg_jsonw *w, const sg_report *r, const sg_node *nd)
{
    sg_jsonw_arr(w);
    for (uint32_t k = 0; k < nd->n_stances; k++) {
        const sg_stance *s = &nd->stances[k];
        sg_jsonw_obj(w);
        sg_jsonw_kstr(w, "topic", r->g->topics[s->topic]);
        stance_fields(w, r, s->w, s->n);
        sg_jsonw_obj_end(w);
    }
    sg_jsonw_arr_end(w);
}

static void actor_write(sg_jsonw *w, const sg_report *r, size_t v)
{
    const sg_node *nd = &r->g->nodes[v];
    const sg_aactor *a = &r->act[v];
    int firm = a->lo > 0.5 || a->hi < 0.5;
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "id", nd->id);
    sg_jsonw_kstr(w, "stance", class_name(a->cls));
    sg_jsonw_knum(w, "score", sg_graph__round6(a->w[SG_Q_SUPPORT] - a->w[SG_Q_OPPOSE]));
    sg_jsonw_kint(w, "statements", nd->statements);
    sg_jsonw_kint(w, "support", a->n[SG_Q_SUPPORT]);
    sg_jsonw_kint(w, "oppose", a->n[SG_Q_OPPOSE]);
    sg_jsonw_kint(w, "neutral", a->n[SG_Q_NEUTRAL]);
    sg_jsonw_key(w, "interval");
    pair_of(w, a->lo, a->hi);
    sg_jsonw_kbool(w, "firm", firm);
    sg_jsonw_kint(w, "camp", r->camp[v]);
    sg_jsonw_knum(w, "betweenness", sg_graph__round6(r->betweenness[v]));
    sg_jsonw_kbool(w, "swing", a->swing);
    sg_jsonw_key(w, "stances");
    topic_stances(w, r, nd);
    sg_jsonw_key(w, "evidence");
    sg_jsonw_arr(w);
    for (uint32_t k = 0; k < nd->n_evidence; k++)
        sg_graph__evidence_write(w, &nd->evidence[k]);
    sg_jsonw_arr_end(w);
    sg_jsonw_obj_end(w);
}

static void camp_write(sg_jsonw *w, const sg_report *r, int id)
{
    double score = 0.0;
    size_t size = 0;
    for (size_t v = 0; v < r->n; v++) {
        if (r->camp[v] != id)
            continue;
        score += r->act[v].w[SG_Q_SUPPORT] - r->act[v].w[SG_Q_OPPOSE];
        size++;
    }
    score = sg_graph__round6(score);
    sg_jsonw_obj(w);
    sg_jsonw_kint(w, "id", id);
    sg_jsonw_key(w, "members");
    sg_jsonw_arr(w);
    for (size_t v = 0; v < r->n; v++)
        if (r->camp[v] == id)
            sg_jsonw_str(w, r->g->nodes[v].id);
    sg_jsonw_arr_end(w);
    sg_jsonw_knum(w, "size", (double)size);
    sg_jsonw_kstr(w, "stance", class_name((score > 0) - (score < 0)));
    sg_jsonw_knum(w, "score", score);
    if (id == r->unaligned_camp)
        sg_jsonw_kbool(w, "unaligned", 1);
    sg_jsonw_obj_end(w);
}

static void edge_write(sg_jsonw *jw, const sg_report *r, const sg_apair *p)
{
    double w = sg_graph__round6(p->w);
    sg_jsonw_obj(jw);
    sg_jsonw_kstr(jw, "source", r->g->nodes[p->a].id);
    sg_jsonw_kstr(jw, "target", r->g->nodes[p->b].id);
    sg_jsonw_knum(jw, "weight", w);
    sg_jsonw_kint(jw, "sign", w > 0 ? 1 : -1);
    sg_jsonw_kstr(jw, "kind", sg_graph__edge_kind_name(p->kind));
    sg_jsonw_kbool(jw, "between_camps", r->camp[p->a] != r->camp[p->b]);
    sg_jsonw_key(jw, "evidence");
    sg_graph__idlist_write(jw, &p->ev);
    sg_jsonw_obj_end(jw);
}

/* One actor - topic tie of a two-mode network. */
static void twomode_edge_write(sg_jsonw *jw, const sg_report *r, const sg_apair *p,
                               uint32_t actor, uint32_t topic)
{
    double w = sg_graph__round6(p->w);
    sg_jsonw_obj(jw);
    sg_jsonw_kstr(jw, "actor", r->g->nodes[actor].id);
    sg_jsonw_kstr(jw, "topic", r->g->nodes[topic].id);
    sg_jsonw_knum(jw, "weight", w);
    sg_jsonw_kint(jw, "sign", w > 0 ? 1 : -1);
    sg_jsonw_key(jw, "evidence");
    sg_graph__idlist_write(jw, &p->ev);
    sg_jsonw_obj_end(jw);
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


static void balance_write(sg_jsonw *w, const sg_report *r)
{
    const sg_balance *b = &r->balance;
    const char *trivial = balance_trivial(r);
    double share = b->triangles ? (double)b->triangles_balanced / (double)b->triangles : 1.0;
    sg_jsonw_obj(w);
    sg_jsonw_knum(w, "triangles", (double)b->triangles);
    sg_jsonw_knum(w, "triangles_balanced", sg_graph__round6(share));
    sg_jsonw_knum(w, "balanced_triangles", (double)b->triangles_balanced);
    sg_jsonw_knum(w, "frustration", (double)b->frustration);
    sg_jsonw_kbool(w, "frustration_exact", b->frustration_exact);
    sg_jsonw_knum(w, "polarisation", sg_graph__round6(b->polarisation));
    sg_jsonw_kbool(w, "trivial", trivial != NULL);
    if (trivial != NULL)
        sg_jsonw_kstr(w, "note", trivial);
    sg_jsonw_obj_end(w);
}

static void member_list(sg_jsonw *w, const sg_report *r, const size_t *idx, size_t n)
{
    sg_jsonw_arr(w);
    for (size_t i = 0; i < n; i++)
        sg_jsonw_str(w, r->g->members[idx[i]]);
    sg_jsonw_arr_end(w);
}

/* "population": shares of the members' population (qualified majority only). */
static void population_write(sg_jsonw *w, const sg_report *r)
{
    if (r->g->weights == NULL || r->pop_total <= 0)
        return;
    sg_jsonw_key(w, "population");
    sg_jsonw_obj(w);
    sg_jsonw_knum(w, "supporters_share", sg_graph__round6(r->pop_support / r->pop_total));
    sg_jsonw_knum(w, "opponents_share", sg_graph__round6(r->pop_oppose / r->pop_total));
    sg_jsonw_knum(w, "needed_share", 0.65);
    if (r->g->weight_source != NULL)
        sg_jsonw_kstr(w, "source", r->g->weight_source);
    sg_jsonw_obj_end(w);
}

/* "veto": the members holding a veto (Security Council). */
static void veto_write(sg_jsonw *w, const sg_report *r)
{
    if (r->g->veto == NULL)
        return;
    sg_jsonw_key(w, "veto");
    sg_jsonw_arr(w);
    for (size_t i = 0; i < r->g->n_members; i++)
        if (r->g->veto[i])
            sg_jsonw_str(w, r->g->members[i]);
    sg_jsonw_arr_end(w);
}

static void blocking_write(sg_jsonw *w, const sg_report *r)
{
    if (!r->has_blocking) {
        sg_jsonw_null(w);
        return;
    }
    const sg_graph *g = r->g;
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "body", g->body);
    sg_jsonw_kstr(w, "rule", g->rule);
    sg_jsonw_knum(w, "members", (double)g->n_members);
    sg_jsonw_knum(w, "needed", (double)r->need);
    sg_jsonw_knum(w, "supporters", (double)r->n_support);
    sg_jsonw_kbool(w, "passes", strcmp(r->outcome, "passes") == 0);
    sg_jsonw_kstr(w, "outcome", r->outcome);
    sg_jsonw_key(w, "blockers");
    member_list(w, r, r->blockers, r->n_blockers);
    sg_jsonw_key(w, "blocking_minority");
    member_list(w, r, r->opponents, r->minority ? r->n_opponents : 0);
    sg_jsonw_key(w, "opponents");
    member_list(w, r, r->opponents, r->n_opponents);
    sg_jsonw_key(w, "undecided");
    member_list(w, r, r->undecided, r->n_undecided);
    population_write(w, r);
    veto_write(w, r);
    sg_jsonw_obj_end(w);
}

/* The N_BROKERS actors of highest positive betweenness (ties by id). */
static void brokers_write(sg_jsonw *w, const sg_report *r)
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
    sg_jsonw_arr(w);
    for (size_t i = 0; i < n; i++)
        sg_jsonw_str(w, r->g->nodes[chosen[i]].id);
    sg_jsonw_arr_end(w);
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
static void title_write(sg_jsonw *w, const sg_graph *g)
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
    sg_jsonw_str(w, buf);
}

static void labels_write(sg_jsonw *w, const sg_graph *g)
{
    sg_jsonw_obj(w);
    for (size_t i = 0; i < g->n_topics; i++)
        if (strcmp(label_of(g, g->topics[i]), g->topics[i]) != 0)
            sg_jsonw_kstr(w, g->topics[i], label_of(g, g->topics[i]));
    sg_jsonw_obj_end(w);
}

/* The header members (the object stays open: the streamed arrays follow). */
static void head_write(sg_jsonw *w, const sg_report *r)
{
    const sg_graph *g = r->g;
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "stancegraph", "report");
    sg_jsonw_kint(w, "version", 1);
    sg_jsonw_key(w, "topics");
    sg_jsonw_arr(w);
    for (size_t i = 0; i < g->n_topics; i++)
        sg_jsonw_str(w, g->topics[i]);
    sg_jsonw_arr_end(w);
    sg_jsonw_key(w, "topic_labels");
    labels_write(w, g);
    sg_jsonw_key(w, "title");
    title_write(w, g);
    if (g->have_dates) { /* absent when no statement has a date */
        char a[11], b[11];
        sg_graph__date_format(g->date_min, a);
        sg_graph__date_format(g->date_max, b);
        sg_jsonw_key(w, "date_range");
        sg_jsonw_arr(w);
        sg_jsonw_str(w, a);
        sg_jsonw_str(w, b);
        sg_jsonw_arr_end(w);
    }
    sg_jsonw_kstr(w, "network_type", sg_network_type_name(g->network_type));
    sg_jsonw_kstr(w, "qualifier_aggregation",
                  sg_qualifier_aggregation_name(g->qualifier_aggregation));
    sg_jsonw_kstr(w, "normalization", sg_normalization_name(g->normalization));
    sg_jsonw_knum(w, "statements", (double)g->n_statements);
    sg_jsonw_kstr(w, "method", sg_camp_method_name(r->method));
    sg_jsonw_knum(w, "seed", (double)r->seed);
    sg_jsonw_knum(w, "interval_level", r->level);
    sg_jsonw_knum(w, "prior", r->prior);
    sg_jsonw_kbool(w, "betweenness_exact", r->betweenness_exact);
    sg_jsonw_key(w, "balance");
    balance_write(w, r);
    sg_jsonw_key(w, "blocking");
    blocking_write(w, r);
    sg_jsonw_key(w, "brokers");
    brokers_write(w, r);
}

/* One window: each actor's stance summed over the topics. */
static void window_write(sg_jsonw *jw, const sg_report *r, size_t k)
{
    const sg_window *w = &r->g->windows[k];
    char id[32], a[11], b[11];
    snprintf(id, sizeof(id), "w%zu", k + 1);
    sg_graph__date_format(w->start, a);
    sg_graph__date_format(w->end, b);
    sg_jsonw_obj(jw);
    sg_jsonw_kstr(jw, "id", id);
    sg_jsonw_kstr(jw, "start", a);
    sg_jsonw_kstr(jw, "end", b);
    sg_jsonw_kint(jw, "statements", w->statements);
    sg_jsonw_key(jw, "actors");
    sg_jsonw_arr(jw);
    for (size_t lo = 0, hi; lo < w->n_stances; lo = hi) {
        double score = 0;
        uint32_t n = 0;
        for (hi = lo; hi < w->n_stances && w->stances[hi].node == w->stances[lo].node; hi++) {
            score += w->stances[hi].w[SG_Q_SUPPORT] - w->stances[hi].w[SG_Q_OPPOSE];
            n += w->stances[hi].n[0] + w->stances[hi].n[1] + w->stances[hi].n[2];
        }
        score = sg_graph__round6(score);
        sg_jsonw_obj(jw);
        sg_jsonw_kstr(jw, "id", r->g->nodes[w->stances[lo].node].id);
        sg_jsonw_kstr(jw, "stance", class_name((score > 0) - (score < 0)));
        sg_jsonw_knum(jw, "score", score);
        sg_jsonw_kint(jw, "statements", n);
        sg_jsonw_obj_end(jw);
    }
    sg_jsonw_arr_end(jw);
    sg_jsonw_obj_end(jw);
}

static void write_report(sg_jout *o, const sg_report *r)
{
    sg_jsonw *w = &o->w;
    head_write(w, r);
    sg_jsonw_nl(w);
    sg_jsonw_key(w, "actors");
    sg_jsonw_arr(w);
    for (size_t v = 0; v < r->n && w->status == SG_OK; v++) {
        if (r->g->nodes[v].kind != SG_NODE_ACTOR)
            continue;
        sg_jsonw_nl(w);
        actor_write(w, r, v);
    }
    sg_jsonw_arr_end(w);
    sg_jsonw_nl(w);
    sg_jsonw_key(w, "camps");
    sg_jsonw_arr(w);
    for (size_t c = 1; c <= r->n_camps && w->status == SG_OK; c++) {
        sg_jsonw_nl(w);
        camp_write(w, r, (int)c);
    }
    sg_jsonw_arr_end(w);
    sg_jsonw_nl(w);
    sg_jsonw_key(w, "edges");
    sg_jsonw_arr(w);
    for (size_t i = 0; i < r->n_pairs && w->status == SG_OK; i++) {
        if (r->camp[r->pairs[i].a] == 0 || r->camp[r->pairs[i].b] == 0)
            continue; /* ties to topic nodes */
        sg_jsonw_nl(w);
        edge_write(w, r, &r->pairs[i]);
    }
    sg_jsonw_arr_end(w);
    if (r->g->network_type == SG_NETWORK_TWOMODE) { /* actor - topic ties, kept */
        sg_jsonw_nl(w);
        sg_jsonw_key(w, "twomode_edges");
        sg_jsonw_arr(w);
        for (size_t i = 0; i < r->n_pairs && w->status == SG_OK; i++) {
            const sg_apair *p = &r->pairs[i];
            int ta = r->g->nodes[p->a].kind == SG_NODE_TOPIC;
            int tb = r->g->nodes[p->b].kind == SG_NODE_TOPIC;
            if (ta == tb)
                continue;
            sg_jsonw_nl(w);
            twomode_edge_write(w, r, p, ta ? p->b : p->a, ta ? p->a : p->b);
        }
        sg_jsonw_arr_end(w);
    }
    if (r->g->window_days > 0) {
        sg_jsonw_nl(w);
        sg_jsonw_key(w, "windows");
        sg_jsonw_arr(w);
        for (size_t k = 0; k < r->g->n_windows && w->status == SG_OK; k++) {
            sg_jsonw_nl(w);
            window_write(w, r, k);
        }
        sg_jsonw_arr_end(w);
        sg_jsonw_nl(w);
        sg_jsonw_key(w, "moved");
        sg_jsonw_arr(w);
        for (size_t k = 0; k < r->g->n_moved && w->status == SG_OK; k++) {
            sg_jsonw_nl(w);
            sg_graph__move_write(w, r->g, &r->g->moved[k]);
        }
        sg_jsonw_arr_end(w);
    }
    sg_jsonw_obj_end(w);
    sg_jsonw_raw(w, "\n");
}

sg_status sg_report_write(const sg_report *r, FILE *fp, sg_error *err)
{
    sg_jout o;
    sg_graph__jout_init(&o, fp);
    write_report(&o, r);
    return sg_graph__jout_done(&o, NULL, "report.json", err);
}

sg_status sg_report_to_json(const sg_report *r, char **out, sg_error *err)
{
    sg_jout o;
    sg_graph__jout_init(&o, NULL);
    *out = NULL;
    write_report(&o, r);
    return sg_graph__jout_done(&o, out, "report.json", err);
}
