/* graph_parse.c - reading graph.json back into an sg_graph (sg_graph_from_json).
 *
 * The top-level object is walked member by member (jsonio.c); "nodes", "edges",
 * "windows" and "moved" arrays arrive one element at a time. Names are interned while
 * reading and resolved to node and topic indexes at the end, so members may come in
 * any order. Unknown members are ignored (newer writers may add fields). Every error
 * names the file and the line of the offending value.
 */
#include "graph/graph_internal.h"
#include "common/num.h"
#include "stancegraph/text.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


typedef struct tmp_edge {
    uint32_t src, dst;   /* pool indexes of the names, resolved later */
    int kind;
    uint32_t ev_n;       /* evidence: ev_n ids from ev[ev_at] of the list */
    double w, cg, cf;
    size_t ev_at;
    size_t at;           /* byte offset, for the error line */
} tmp_edge;

typedef struct tmp_edges {
    tmp_edge *e;
    size_t n, cap;
    const char **ev;     /* every edge's evidence ids, one after another */
    size_t n_ev, ev_cap;
} tmp_edges;

typedef struct tmp_window {
    int32_t start, end;
    uint32_t statements;
    sg_wstance *st;      /* node and topic hold pool indexes until resolved */
    size_t n_st, st_cap;
    tmp_edges edges;
    size_t at;
} tmp_window;

typedef struct tmp_move {
    sg_move m;           /* node and topic hold pool indexes until resolved */
    size_t at;
} tmp_move;

typedef struct pctx {
    sg_graph *g;
    const char *name, *json;
    size_t len;
    int magic;
    uint32_t *topics;    /* pool indexes named in "topics" */
    size_t n_topics, topics_cap;
    size_t nodes_cap;
    tmp_edges edges;
    tmp_window *wins;
    size_t n_wins, wins_cap;
    tmp_move *moves;
    size_t n_moves, moves_cap;
} pctx;

static sg_status fail(pctx *p, size_t at, sg_error *err, const char *what)
{
    return sg_error_set(err, SG_EINPUT, p->name, sg_graph__line_of(p->json, p->len, at), "%s",
                        what);
}

static sg_status oom(sg_error *err)
{
    return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
}

static sg_status intern(pctx *p, const char *s, uint32_t *idx)
{
    return sg_graph__pool_intern(&p->g->pool, s, strlen(s), idx);
}

static const char *str_of(const cJSON *obj, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(it) ? it->valuestring : NULL;
}

static int num_of(const cJSON *obj, const char *key, double *v)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
        return 0;
    *v = it->valuedouble;
    return 1;
}

static double num_or(const cJSON *obj, const char *key, double dflt)
{
    double v;
    return num_of(obj, key, &v) ? v : dflt;
}

/* A count read from JSON: clamped to [0, max] before any integer conversion (casting
 * an out-of-range double to an integer is undefined). */
static double clamp_count(double v, double max)
{
    return !(v >= 0) ? 0 : v > max ? max : v;
}

/* A JSON array of strings -> interned ids (malloc'd pointer array). */
static sg_status idlist_parse(pctx *p, const cJSON *arr, sg_idlist *out, size_t at,
                              sg_error *err)
{
    out->ids = NULL;
    out->n = 0;
    if (arr == NULL || cJSON_IsNull(arr))
        return SG_OK;
    if (!cJSON_IsArray(arr))
        return fail(p, at, err, "\"evidence\" must be an array of statement ids");
    int n = cJSON_GetArraySize(arr);
    out->ids = calloc(n > 0 ? (size_t)n : 1, sizeof(char *));
    if (out->ids == NULL)
        return oom(err);
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        uint32_t idx;
        if (!cJSON_IsString(it))
            return fail(p, at, err, "\"evidence\" must be an array of statement ids");
        if (intern(p, it->valuestring, &idx) != SG_OK)
            return oom(err);
        out->ids[out->n++] = p->g->pool.strs[idx];
    }
    return SG_OK;
}

/* What an edge object says, read from cJSON or from a flat scan: a string member that
 * is absent or not a string is NULL, a number absent, not a number or not finite is
 * missing (has_* = 0), just as str_of and num_of see them. */
typedef struct edge_fields {
    const char *src, *dst, *kind; /* not NUL-terminated: with their lengths */
    size_t src_len, dst_len, kind_len;
    int has_w, has_cg, has_cf;
    double w, cg, cf;
} edge_fields;

/* Checks and appends the edge (its evidence still empty); *out is the new edge. */
static sg_status edge_add(pctx *p, tmp_edges *list, const edge_fields *f, size_t at,
                          tmp_edge **out, sg_error *err)
{
    double w = f->w;
    if (f->src == NULL || f->dst == NULL || !f->has_w)
        return fail(p, at, err, "an edge needs \"source\", \"target\" and a numeric \"weight\"");
    if (sg_graph__round6(w) == 0.0 || fabs(w) > SG_MAX_WEIGHT)
        return fail(p, at, err, "edge weight must be non-zero (at 6 decimals) and at most 1e12");
    int k = (int)p->g->qualifier_aggregation;
    if (f->kind) {
        char name[32]; /* longer than any kind name: unknown */
        size_t n = f->kind_len < sizeof(name) ? f->kind_len : 0;
        memcpy(name, f->kind, n);
        name[n] = '\0';
        k = sg_graph__edge_kind_from_name(name);
    }
    if (k < 0)
        return fail(p, at, err, "unknown edge \"kind\"");
    if (sg_graph__grow((void **)&list->e, &list->cap, list->n + 1, sizeof(tmp_edge)) != SG_OK)
        return oom(err);
    tmp_edge *e = &list->e[list->n];
    memset(e, 0, sizeof(*e));
    if (sg_graph__pool_intern(&p->g->pool, f->src, f->src_len, &e->src) != SG_OK ||
        sg_graph__pool_intern(&p->g->pool, f->dst, f->dst_len, &e->dst) != SG_OK)
        return oom(err);
    e->kind = k;
    e->w = w;
    e->cg = f->has_cg ? f->cg : w > 0 ? w : 0;
    e->cf = f->has_cf ? f->cf : w < 0 ? -w : 0;
    if (fabs(e->cg) > SG_MAX_WEIGHT || fabs(e->cf) > SG_MAX_WEIGHT)
        return fail(p, at, err, "edge congruence/conflict must be at most 1e12");
    e->at = at;
    list->n++;
    *out = e;
    return SG_OK;
}

/* One more evidence id of edge e, the list's last. */
static sg_status edge_ev_push(pctx *p, tmp_edges *list, tmp_edge *e, const char *s, size_t n,
                             uint64_t hash)
{
    uint32_t idx;
    if (e->ev_n == UINT32_MAX ||
        sg_graph__grow((void **)&list->ev, &list->ev_cap, list->n_ev + 1, sizeof(char *)) ||
        sg_graph__pool_intern_hashed(&p->g->pool, s, n, hash, &idx) != SG_OK)
        return SG_ENOMEM;
    list->ev[list->n_ev++] = p->g->pool.strs[idx];
    e->ev_n++;
    return SG_OK;
}

static void str_field(const cJSON *o, const char *key, const char **s, size_t *len)
{
    *s = str_of(o, key);
    *len = *s ? strlen(*s) : 0;
}

static sg_status edge_parse(pctx *p, tmp_edges *list, const cJSON *o, size_t at,
                            sg_error *err)
{
    edge_fields f;
    memset(&f, 0, sizeof(f));
    str_field(o, "source", &f.src, &f.src_len);
    str_field(o, "target", &f.dst, &f.dst_len);
    str_field(o, "kind", &f.kind, &f.kind_len);
    f.has_w = num_of(o, "weight", &f.w);
    f.has_cg = num_of(o, "congruence", &f.cg);
    f.has_cf = num_of(o, "conflict", &f.cf);
    if (!cJSON_IsObject(o))
        f.src = NULL;
    tmp_edge *e;
    sg_status rc = edge_add(p, list, &f, at, &e, err);
    if (rc != SG_OK)
        return rc;
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(o, "evidence"), *it;
    if (arr == NULL || cJSON_IsNull(arr))
        return SG_OK;
    if (!cJSON_IsArray(arr))
        return fail(p, at, err, "\"evidence\" must be an array of statement ids");
    e->ev_at = list->n_ev;
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it))
            return fail(p, at, err, "\"evidence\" must be an array of statement ids");
        size_t n = strlen(it->valuestring);
        if (edge_ev_push(p, list, e, it->valuestring, n,
                         sg_graph__pool_hash(it->valuestring, n)) != SG_OK)
            return oom(err);
    }
    return SG_OK;
}

static void flat_str(const sg_flat *fl, const char *key, const char **s, size_t *len)
{
    const sg_flat_member *m = sg_graph__flat_get(fl, key);
    *s = m && m->type == SG_FLAT_STR ? m->s : NULL;
    *len = *s ? m->len : 0;
}

static int flat_num(const sg_flat *fl, const char *key, double *v)
{
    const sg_flat_member *m = sg_graph__flat_get(fl, key);
    if (m == NULL || m->type != SG_FLAT_NUM || !isfinite(m->num))
        return 0;
    *v = m->num;
    return 1;
}

/* edge_parse for a flat edge object (the usual case: no cJSON tree is built). */
static sg_status edge_parse_flat(pctx *p, tmp_edges *list, const sg_flat *fl, size_t at,
                                 sg_error *err)
{
    edge_fields f;
    memset(&f, 0, sizeof(f));
    flat_str(fl, "source", &f.src, &f.src_len);
    flat_str(fl, "target", &f.dst, &f.dst_len);
    flat_str(fl, "kind", &f.kind, &f.kind_len);
    f.has_w = flat_num(fl, "weight", &f.w);
    f.has_cg = flat_num(fl, "congruence", &f.cg);
    f.has_cf = flat_num(fl, "conflict", &f.cf);
    tmp_edge *e;
    sg_status rc = edge_add(p, list, &f, at, &e, err);
    if (rc != SG_OK)
        return rc;
    const sg_flat_member *ev = sg_graph__flat_get(fl, "evidence");
    if (ev == NULL)
        return SG_OK;
    if (ev->type != SG_FLAT_STRS)
        return fail(p, at, err, "\"evidence\" must be an array of statement ids");
    /* in batches: hash and prefetch each id's slot, then intern them */
    enum { BATCH = 16 };
    const char *s[BATCH];
    size_t pos = 0, len[BATCH];
    uint64_t h[BATCH];
    e->ev_at = list->n_ev;
    for (;;) {
        size_t n = 0;
        while (n < BATCH && sg_graph__flat_next(ev, &pos, &s[n], &len[n])) {
            h[n] = sg_graph__pool_hash(s[n], len[n]);
            sg_graph__pool_prefetch(&p->g->pool, h[n]);
            n++;
        }
        for (size_t i = 0; i < n; i++)
            if (edge_ev_push(p, list, e, s[i], len[i], h[i]) != SG_OK)
                return oom(err);
        if (n < BATCH)
            return SG_OK;
    }
}

/* Fields of a stance aggregate; *topic gets the pool index of its topic. */
static sg_status stance_parse(pctx *p, const cJSON *o, uint32_t *topic, double *w,
                              uint32_t *n, size_t at, sg_error *err)
{
    const char *t = str_of(o, "topic");
    double ws, wo, sup, opp;
    if (!cJSON_IsObject(o) || t == NULL || !num_of(o, "support", &sup) ||
        !num_of(o, "oppose", &opp))
        return fail(p, at, err, "a stance needs \"topic\", \"support\" and \"oppose\"");
    double neu = num_or(o, "neutral", 0);
    long nsup, nopp, nneu;
    if (!sg_num_to_long(sup, 0, UINT32_MAX, &nsup) || !sg_num_to_long(opp, 0, UINT32_MAX, &nopp) ||
        !sg_num_to_long(neu, 0, UINT32_MAX, &nneu))
        return fail(p, at, err, "stance counts must be whole numbers >= 0");
    /* files without weights (hand-written) get one unit per statement */
    ws = num_or(o, "weight_support", sup);
    wo = num_or(o, "weight_oppose", opp);
    w[SG_Q_SUPPORT] = ws;
    w[SG_Q_OPPOSE] = wo;
    w[SG_Q_NEUTRAL] = num_or(o, "weight_neutral", neu);
    for (int k = 0; k < 3; k++)
        if (!(w[k] >= 0 && w[k] <= SG_MAX_WEIGHT))
            return fail(p, at, err, "stance weights must be in [0, 1e12]");
    n[SG_Q_SUPPORT] = (uint32_t)nsup;
    n[SG_Q_OPPOSE] = (uint32_t)nopp;
    n[SG_Q_NEUTRAL] = (uint32_t)nneu;
    return intern(p, t, topic) == SG_OK ? SG_OK : oom(err);
}

static sg_status node_parse(pctx *p, const cJSON *o, size_t at, sg_error *err)
{
    sg_graph *g = p->g;
    const char *id = str_of(o, "id"), *kind = str_of(o, "kind");
    if (!cJSON_IsObject(o) || id == NULL || id[0] == '\0')
        return fail(p, at, err, "a node needs a non-empty \"id\"");
    if (sg_graph__grow((void **)&g->nodes, &p->nodes_cap, g->n_nodes + 1, sizeof(sg_node)))
        return oom(err);
    sg_node *nd = &g->nodes[g->n_nodes++];
    memset(nd, 0, sizeof(*nd));
    uint32_t idx;
    if (intern(p, id, &idx) != SG_OK)
        return oom(err);
    nd->id = g->pool.strs[idx];
    nd->kind = kind && strcmp(kind, "topic") == 0 ? SG_NODE_TOPIC : SG_NODE_ACTOR;
    nd->statements = (uint32_t)clamp_count(num_or(o, "statements", 0), UINT32_MAX);
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(o, "stances");
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(o, "evidence");
    if ((st && !cJSON_IsArray(st)) || (ev && !cJSON_IsArray(ev)))
        return fail(p, at, err, "node \"stances\" and \"evidence\" must be arrays");
    int ns = st ? cJSON_GetArraySize(st) : 0, ne = ev ? cJSON_GetArraySize(ev) : 0;
    if (ne > SG_GRAPH_NODE_EVIDENCE)
        ne = SG_GRAPH_NODE_EVIDENCE;
    nd->stances = calloc(ns > 0 ? (size_t)ns : 1, sizeof(sg_stance));
    nd->evidence = calloc(ne > 0 ? (size_t)ne : 1, sizeof(sg_evidence));
    if (nd->stances == NULL || nd->evidence == NULL)
        return oom(err);
    sg_status rc = SG_OK;
    for (int i = 0; i < ns && rc == SG_OK; i++) {
        sg_stance *s = &nd->stances[nd->n_stances++];
        const cJSON *so = cJSON_GetArrayItem(st, i);
        rc = stance_parse(p, so, &s->topic, s->w, s->n, at, err);
        /* optional: the stance's statement ids (build --for-merge) */
        if (rc == SG_OK)
            rc = idlist_parse(p, cJSON_GetObjectItemCaseSensitive(so, "evidence"), &s->evidence,
                              at, err);
    }
    for (int i = 0; i < ne && rc == SG_OK; i++) {
        rc = sg_graph__evidence_parse(&nd->evidence[nd->n_evidence], cJSON_GetArrayItem(ev, i),
                                      p->name, 0, err);
        if (rc == SG_OK)
            nd->n_evidence++;
        else if (err) /* the line is counted only when needed: it costs a scan */
            err->line = sg_graph__line_of(p->json, p->len, at);
    }
    return rc;
}

static sg_status date_of(pctx *p, const cJSON *o, const char *key, int32_t *day, size_t at,
                         sg_error *err)
{
    const char *s = str_of(o, key);
    if (s == NULL || sg_graph__date_parse(s, day) != 0)
        return fail(p, at, err, "window \"start\"/\"end\" must be YYYY-MM-DD dates");
    return SG_OK;
}

static sg_status window_parse(pctx *p, const cJSON *o, size_t at, sg_error *err)
{
    if (!cJSON_IsObject(o))
        return fail(p, at, err, "a window must be an object");
    if (sg_graph__grow((void **)&p->wins, &p->wins_cap, p->n_wins + 1, sizeof(tmp_window)))
        return oom(err);
    tmp_window *w = &p->wins[p->n_wins++];
    memset(w, 0, sizeof(*w));
    w->at = at;
    sg_status rc = date_of(p, o, "start", &w->start, at, err);
    if (rc == SG_OK)
        rc = date_of(p, o, "end", &w->end, at, err);
    w->statements = (uint32_t)clamp_count(num_or(o, "statements", 0), UINT32_MAX);
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(o, "stances");
    const cJSON *ed = cJSON_GetObjectItemCaseSensitive(o, "edges");
    if (rc == SG_OK && ((st && !cJSON_IsArray(st)) || (ed && !cJSON_IsArray(ed))))
        rc = fail(p, at, err, "window \"stances\" and \"edges\" must be arrays");
    const cJSON *it;
    cJSON_ArrayForEach(it, st) {
        if (rc != SG_OK)
            break;
        const char *actor = str_of(it, "actor");
        if (actor == NULL) {
            rc = fail(p, at, err, "a window stance needs an \"actor\"");
            break;
        }
        if (sg_graph__grow((void **)&w->st, &w->st_cap, w->n_st + 1, sizeof(sg_wstance)))
            return oom(err);
        sg_wstance *s = &w->st[w->n_st++];
        memset(s, 0, sizeof(*s));
        if (intern(p, actor, &s->node) != SG_OK)
            return oom(err);
        rc = stance_parse(p, it, &s->topic, s->w, s->n, at, err);
        if (rc == SG_OK)
            rc = idlist_parse(p, cJSON_GetObjectItemCaseSensitive(it, "evidence"), &s->evidence,
                              at, err);
    }
    cJSON_ArrayForEach(it, ed) {
        if (rc != SG_OK)
            break;
        rc = edge_parse(p, &w->edges, it, at, err);
    }
    return rc;
}

static int class_of(const char *s)
{
    return s && strcmp(s, "support") == 0 ? 1 : s && strcmp(s, "oppose") == 0 ? -1 : 0;
}

static sg_status move_parse(pctx *p, const cJSON *o, size_t at, sg_error *err)
{
    const char *actor = str_of(o, "actor"), *topic = str_of(o, "topic");
    double fw, tw;
    if (!cJSON_IsObject(o) || !actor || !topic || !num_of(o, "from_window", &fw) ||
        !num_of(o, "to_window", &tw) || fw < 0 || tw < 0 || fw > UINT32_MAX ||
        tw > UINT32_MAX)
        return fail(p, at, err,
                    "a move needs \"actor\", \"topic\", \"from_window\", \"to_window\"");
    if (sg_graph__grow((void **)&p->moves, &p->moves_cap, p->n_moves + 1, sizeof(tmp_move)))
        return oom(err);
    tmp_move *m = &p->moves[p->n_moves++];
    memset(m, 0, sizeof(*m));
    m->at = at;
    m->m.from_window = (uint32_t)fw;
    m->m.to_window = (uint32_t)tw;
    m->m.from = class_of(str_of(o, "from"));
    m->m.to = class_of(str_of(o, "to"));
    if (intern(p, actor, &m->m.node) != SG_OK || intern(p, topic, &m->m.topic) != SG_OK)
        return oom(err);
    return idlist_parse(p, cJSON_GetObjectItemCaseSensitive(o, "evidence"), &m->m.evidence, at,
                        err);
}

static sg_status on_element(void *ctx, const char *key, const cJSON *v, size_t at,
                            sg_error *err)
{
    pctx *p = ctx;
    if (strcmp(key, "nodes") == 0)
        return node_parse(p, v, at, err);
    if (strcmp(key, "edges") == 0)
        return edge_parse(p, &p->edges, v, at, err);
    if (strcmp(key, "windows") == 0)
        return window_parse(p, v, at, err);
    return move_parse(p, v, at, err);
}

static sg_status on_flat(void *ctx, const char *key, const sg_flat *f, size_t at,
                         sg_error *err)
{
    pctx *p = ctx;
    (void)key; /* only "edges" asks for flat elements */
    return edge_parse_flat(p, &p->edges, f, at, err);
}

static sg_status decision_parse(pctx *p, const cJSON *v, size_t at, sg_error *err)
{
    const char *body = str_of(v, "body"), *rule = str_of(v, "rule");
    const cJSON *mem = cJSON_GetObjectItemCaseSensitive(v, "members");
    if (cJSON_IsNull(v))
        return SG_OK;
    if (!cJSON_IsObject(v) || !body || !rule || (mem && !cJSON_IsArray(mem)))
        return fail(p, at, err, "\"decision\" needs \"body\", \"rule\" and a \"members\" array");
    const cJSON *wts = cJSON_GetObjectItemCaseSensitive(v, "weights");
    const cJSON *veto = cJSON_GetObjectItemCaseSensitive(v, "veto");
    int n = mem ? cJSON_GetArraySize(mem) : 0;
    if ((wts && (!cJSON_IsArray(wts) || cJSON_GetArraySize(wts) != n)) ||
        (veto && !cJSON_IsArray(veto)))
        return fail(p, at, err, "decision \"weights\" must hold one number per member and "
                                "\"veto\" an array of members");
    const char **names = calloc(n > 0 ? (size_t)n : 1, sizeof(char *));
    double *w = wts ? calloc(n > 0 ? (size_t)n : 1, sizeof(double)) : NULL;
    int *vt = veto ? calloc(n > 0 ? (size_t)n : 1, sizeof(int)) : NULL;
    sg_status rc = SG_OK;
    if (names == NULL || (wts && w == NULL) || (veto && vt == NULL))
        rc = oom(err);
    for (int i = 0; i < n && rc == SG_OK; i++) {
        const cJSON *it = cJSON_GetArrayItem(mem, i);
        names[i] = cJSON_IsString(it) ? it->valuestring : NULL;
        if (names[i] == NULL)
            rc = fail(p, at, err, "decision members must be strings");
        const cJSON *wi = wts ? cJSON_GetArrayItem(wts, i) : NULL;
        if (rc == SG_OK && wts && (!cJSON_IsNumber(wi) || !(wi->valuedouble >= 0)))
            rc = fail(p, at, err, "decision weights must be non-negative numbers");
        if (rc == SG_OK && w)
            w[i] = wi->valuedouble;
        const cJSON *vi;
        cJSON_ArrayForEach(vi, veto) {
            if (rc == SG_OK && !cJSON_IsString(vi))
                rc = fail(p, at, err, "decision \"veto\" must list member ids");
            else if (rc == SG_OK && strcmp(vi->valuestring, names[i]) == 0)
                vt[i] = 1;
        }
    }
    const char *src = str_of(v, "weight_source");
    sg_decision d = {body, rule, names, (size_t)n, w, vt, src};
    if (rc == SG_OK && sg_graph__set_decision(p->g, &d) != SG_OK)
        rc = oom(err);
    free(names);
    free(w);
    free(vt);
    return rc;
}

/* 1 when key is one of the four network settings (then *rc says how it went). */
static int option_member(pctx *p, const char *key, const cJSON *v, size_t at, sg_error *err,
                         sg_status *rc)
{
    static const char *const keys[][2] = {{"network_type", "network-type"},
                                          {"qualifier_aggregation", "qualifier-aggregation"},
                                          {"normalization", "normalization"},
                                          {"duplicates", "duplicates"}};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(key, keys[i][0]) != 0)
            continue;
        sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
        *rc = SG_OK;
        if (!cJSON_IsString(v) || sg_graph_option_set(&o, keys[i][1], v->valuestring, NULL)) {
            *rc = fail(p, at, err, "unknown network setting");
            return 1;
        }
        sg_graph *g = p->g;
        if (i == 0)
            g->network_type = o.network_type;
        else if (i == 1)
            g->qualifier_aggregation = o.qualifier_aggregation;
        else if (i == 2)
            g->normalization = o.normalization;
        else
            g->duplicates = o.duplicates;
        return 1;
    }
    return 0;
}

static sg_status topics_member(pctx *p, const cJSON *v, size_t at, sg_error *err)
{
    const cJSON *it;
    if (!cJSON_IsArray(v))
        return fail(p, at, err, "\"topics\" must be an array of strings");
    cJSON_ArrayForEach(it, v) {
        if (!cJSON_IsString(it))
            return fail(p, at, err, "\"topics\" must be an array of strings");
        if (sg_graph__grow((void **)&p->topics, &p->topics_cap, p->n_topics + 1,
                           sizeof(uint32_t)) != SG_OK ||
            intern(p, it->valuestring, &p->topics[p->n_topics]) != SG_OK)
            return oom(err);
        p->n_topics++;
    }
    return SG_OK;
}

static sg_status range_member(pctx *p, const cJSON *v, size_t at, sg_error *err)
{
    if (cJSON_IsNull(v))
        return SG_OK;
    const cJSON *a = cJSON_GetArrayItem(v, 0), *b = cJSON_GetArrayItem(v, 1);
    if (!cJSON_IsArray(v) || !cJSON_IsString(a) || !cJSON_IsString(b) ||
        sg_graph__date_parse(a->valuestring, &p->g->date_min) != 0 ||
        sg_graph__date_parse(b->valuestring, &p->g->date_max) != 0)
        return fail(p, at, err, "\"date_range\" must be null or two YYYY-MM-DD dates");
    p->g->have_dates = 1;
    return SG_OK;
}

static sg_status on_member(void *ctx, const char *key, const cJSON *v, size_t at,
                           sg_error *err)
{
    pctx *p = ctx;
    sg_graph *g = p->g;
    sg_status rc;
    if (option_member(p, key, v, at, err, &rc))
        return rc;
    if (strcmp(key, "stancegraph") == 0) {
        if (!cJSON_IsString(v) || strcmp(v->valuestring, "graph") != 0)
            return fail(p, at, err, "not a graph.json (\"stancegraph\" is not \"graph\")");
        p->magic = 1;
    } else if (strcmp(key, "version") == 0) {
        if (!cJSON_IsNumber(v) || v->valuedouble != 1)
            return fail(p, at, err, "unsupported graph.json version (expected 1)");
    } else if (strcmp(key, "topics") == 0) {
        return topics_member(p, v, at, err);
    } else if (strcmp(key, "date_range") == 0) {
        return range_member(p, v, at, err);
    } else if (strcmp(key, "decision") == 0) {
        return decision_parse(p, v, at, err);
    } else if (strcmp(key, "topic_labels") == 0) {
        const cJSON *l;
        if (!cJSON_IsObject(v))
            return fail(p, at, err, "\"topic_labels\" must map topic ids to labels");
        cJSON_ArrayForEach(l, v) {
            if (!cJSON_IsString(l))
                return fail(p, at, err, "\"topic_labels\" must map topic ids to labels");
            if (sg_graph__set_label(g, l->string, l->valuestring) != SG_OK)
                return oom(err);
        }
    } else if (strcmp(key, "statements") == 0 && cJSON_IsNumber(v) && v->valuedouble >= 0) {
        g->n_statements = (uint64_t)clamp_count(v->valuedouble, 1e18);
    } else if (strcmp(key, "max_edge_evidence") == 0 && cJSON_IsNumber(v) && v->valuedouble >= 0) {
        g->max_edge_evidence = (size_t)clamp_count(v->valuedouble, 1000);
    } else if (strcmp(key, "topic_partners") == 0 && cJSON_IsNumber(v) && v->valuedouble >= 0) {
        g->topic_partners = (size_t)clamp_count(v->valuedouble, 1e9);
    } else if (strcmp(key, "window_networks") == 0 && cJSON_IsBool(v)) {
        g->window_networks = cJSON_IsTrue(v);
    } else if (strcmp(key, "window_days") == 0 && cJSON_IsNumber(v) && v->valuedouble > 0) {
        g->window_days = (int)clamp_count(v->valuedouble, 100000);
    } else if (strcmp(key, "step_days") == 0 && cJSON_IsNumber(v) && v->valuedouble > 0) {
        g->step_days = (int)clamp_count(v->valuedouble, 100000);
    } else if (strcmp(key, "nodes") == 0 || strcmp(key, "edges") == 0 ||
               strcmp(key, "windows") == 0 || strcmp(key, "moved") == 0) {
        return fail(p, at, err, "\"nodes\", \"edges\", \"windows\" and \"moved\" must be arrays");
    }
    return SG_OK;
}

static void ctx_destroy(pctx *p)
{
    free(p->edges.e);
    free(p->edges.ev);
    for (size_t w = 0; w < p->n_wins; w++) {
        free(p->wins[w].edges.e);
        free(p->wins[w].edges.ev);
        for (size_t i = 0; i < p->wins[w].n_st; i++)
            free(p->wins[w].st[i].evidence.ids);
        free(p->wins[w].st);
    }
    free(p->wins);
    for (size_t i = 0; i < p->n_moves; i++)
        free(p->moves[i].m.evidence.ids);
    free(p->moves);
    free(p->topics);
}

static sg_status resolve(pctx *p, sg_error *err);

sg_status sg_graph_from_json(sg_graph **out, const char *json, size_t len, const char *name,
                             sg_error *err)
{
    static const char *const streamed[] = {"nodes", "edges", "windows", "moved", NULL};
    *out = NULL;
    pctx p;
    memset(&p, 0, sizeof(p));
    p.name = name ? name : "<input>";
    p.json = json;
    p.len = len;
    size_t bad_at = 0;
    if (!sg_utf8_valid(json, len, &bad_at)) /* names are copied into JSON output */
        return sg_error_set(err, SG_EINPUT, p.name, sg_graph__line_of(json, len, bad_at),
                            "invalid UTF-8");
    sg_status rc = sg_graph__new(&p.g, err);
    if (rc != SG_OK)
        return rc;
    p.g->window_networks = 1; /* files written before "window_networks" existed had them */
    static const char *const flat[] = {"edges", NULL};
    rc = sg_graph__jin_object(json, len, p.name, streamed, on_member, on_element, flat, on_flat,
                              &p, err);
    if (rc == SG_EINPUT && !p.magic && err) { /* e.g. a statements file given to analyze */
        char msg[sizeof(err->message)];
        memcpy(msg, err->message, sizeof(msg));
        sg_error_set(err, SG_EINPUT, p.name, err->line, "not a graph.json (%s)", msg);
    }
    if (rc == SG_OK && !p.magic)
        rc = sg_error_set(err, SG_EINPUT, p.name, 1,
                          "not a graph.json (no \"stancegraph\":\"graph\" member)");
    if (rc == SG_OK)
        rc = resolve(&p, err);
    ctx_destroy(&p);
    if (rc != SG_OK) {
        sg_graph_free(p.g);
        return rc;
    }
    *out = p.g;
    return SG_OK;
}

/* ---- resolving names to indexes ---- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_node(const void *a, const void *b)
{
    return strcmp(((const sg_node *)a)->id, ((const sg_node *)b)->id);
}

static int cmp_stance(const void *a, const void *b)
{
    uint32_t x = ((const sg_stance *)a)->topic, y = ((const sg_stance *)b)->topic;
    return (x > y) - (x < y);
}

static int cmp_wstance(const void *x, const void *y)
{
    const sg_wstance *a = x, *b = y;
    if (a->node != b->node)
        return a->node < b->node ? -1 : 1;
    return (a->topic > b->topic) - (a->topic < b->topic);
}

static int cmp_window(const void *a, const void *b)
{
    int32_t x = ((const tmp_window *)a)->start, y = ((const tmp_window *)b)->start;
    return (x > y) - (x < y);
}

typedef struct resolver {
    uint32_t *topic_of;  /* pool index -> topic index, UINT32_MAX when not a topic */
    uint32_t *node_of;   /* pool index -> node index, UINT32_MAX when not a node */
} resolver;

/* Topics: the "topics" list plus every topic a stance or move names; sorted. */
static sg_status resolve_topics(pctx *p, resolver *r, sg_error *err)
{
    sg_graph *g = p->g;
    size_t n_pool = g->pool.n;
    uint8_t *mark = calloc(n_pool ? n_pool : 1, 1);
    if (mark == NULL)
        return oom(err);
    for (size_t i = 0; i < p->n_topics; i++)
        mark[p->topics[i]] = 1;
    for (size_t i = 0; i < g->n_nodes; i++)
        for (uint32_t k = 0; k < g->nodes[i].n_stances; k++)
            mark[g->nodes[i].stances[k].topic] = 1;
    for (size_t w = 0; w < p->n_wins; w++)
        for (size_t k = 0; k < p->wins[w].n_st; k++)
            mark[p->wins[w].st[k].topic] = 1;
    for (size_t i = 0; i < p->n_moves; i++)
        mark[p->moves[i].m.topic] = 1;
    size_t n = 0;
    for (size_t i = 0; i < n_pool; i++)
        n += mark[i];
    g->topics = calloc(n ? n : 1, sizeof(char *));
    if (g->topics == NULL) {
        free(mark);
        return oom(err);
    }
    for (size_t i = 0; i < n_pool; i++)
        if (mark[i])
            g->topics[g->n_topics++] = g->pool.strs[i];
    free(mark);
    sg_graph__sort(g->topics, g->n_topics, sizeof(char *), cmp_str);
    for (size_t t = 0; t < g->n_topics; t++) {
        uint32_t idx;
        if (sg_graph__pool_find(&g->pool, g->topics[t], &idx))
            r->topic_of[idx] = (uint32_t)t;
    }
    return SG_OK;
}

static sg_status resolve_nodes(pctx *p, resolver *r, sg_error *err)
{
    sg_graph *g = p->g;
    sg_graph__sort(g->nodes, g->n_nodes, sizeof(sg_node), cmp_node);
    for (size_t i = 0; i < g->n_nodes; i++) {
        if (i > 0 && strcmp(g->nodes[i - 1].id, g->nodes[i].id) == 0)
            return sg_error_set(err, SG_EINPUT, p->name, 0, "duplicate node id \"%s\"",
                                g->nodes[i].id);
        uint32_t idx;
        if (sg_graph__pool_find(&g->pool, g->nodes[i].id, &idx))
            r->node_of[idx] = (uint32_t)i;
        sg_node *nd = &g->nodes[i];
        for (uint32_t k = 0; k < nd->n_stances; k++)
            nd->stances[k].topic = r->topic_of[nd->stances[k].topic];
        sg_graph__sort(nd->stances, nd->n_stances, sizeof(sg_stance), cmp_stance);
        for (uint32_t k = 1; k < nd->n_stances; k++)
            if (nd->stances[k].topic == nd->stances[k - 1].topic)
                return sg_error_set(err, SG_EINPUT, p->name, 0,
                                    "node \"%s\" has two stances on \"%s\"", nd->id,
                                    g->topics[nd->stances[k].topic]);
    }
    /* Stance evidence is kept (and written again) only when every stance has it. */
    g->stance_evidence = 1;
    for (size_t i = 0; i < g->n_nodes; i++)
        for (uint32_t k = 0; k < g->nodes[i].n_stances; k++)
            if (g->nodes[i].stances[k].evidence.ids == NULL)
                g->stance_evidence = 0;
    return SG_OK;
}

static int cmp_tmp_edge(const void *x, const void *y)
{
    const tmp_edge *a = x, *b = y;
    if (a->src != b->src)
        return a->src < b->src ? -1 : 1;
    if (a->dst != b->dst)
        return a->dst < b->dst ? -1 : 1;
    return (a->kind > b->kind) - (a->kind < b->kind);
}

/* Name indexes -> node indexes, sorted, then one edge set. */
static sg_status resolve_edges(pctx *p, const resolver *r, tmp_edges *l, sg_edgeset *es,
                               sg_error *err)
{
    sg_graph *g = p->g;
    for (size_t i = 0; i < l->n; i++) {
        tmp_edge *e = &l->e[i];
        uint32_t s = r->node_of[e->src], t = r->node_of[e->dst];
        if (s == UINT32_MAX || t == UINT32_MAX)
            return sg_error_set(err, SG_EINPUT, p->name,
                                sg_graph__line_of(p->json, p->len, e->at),
                                "edge refers to \"%s\", which is not a node",
                                g->pool.strs[s == UINT32_MAX ? e->src : e->dst]);
        e->src = s;
        e->dst = t;
    }
    sg_graph__sort(l->e, l->n, sizeof(tmp_edge), cmp_tmp_edge);
    size_t n = l->n ? l->n : 1;
    uint32_t *src = malloc(n * sizeof(uint32_t)), *dst = malloc(n * sizeof(uint32_t));
    double *w = malloc(n * sizeof(double)), *cg = malloc(n * sizeof(double));
    double *cf = malloc(n * sizeof(double));
    int *kind = malloc(n * sizeof(int));
    sg_idlist *ev = malloc(n * sizeof(sg_idlist));
    sg_status rc;
    if (l->ev == NULL) /* never a NULL id list, as edgeset_init gives none */
        l->ev = calloc(1, sizeof(char *));
    if (!(src && dst && w && cg && cf && kind && ev && l->ev)) {
        rc = oom(err);
    } else {
        sg_graph__huge_hint(w, n * sizeof(double)); /* the big ones */
        sg_graph__huge_hint(cg, n * sizeof(double));
        sg_graph__huge_hint(cf, n * sizeof(double));
        sg_graph__huge_hint(ev, n * sizeof(sg_idlist));
        size_t m = l->n;
        for (size_t i = 0; i < m; i++) {
            src[i] = l->e[i].src;
            dst[i] = l->e[i].dst;
            w[i] = l->e[i].w;
            cg[i] = l->e[i].cg;
            cf[i] = l->e[i].cf;
            kind[i] = l->e[i].kind;
            ev[i].ids = l->ev + l->e[i].ev_at;
            ev[i].n = l->e[i].ev_n;
        }
        /* the temporary edges are not needed any more: freed before the edge set is
         * built, which keeps them out of the peak memory (a million edges: 64 MiB) */
        free(l->e);
        l->e = NULL;
        l->n = l->cap = 0;
        const char **store = l->ev; /* the edge set takes it over */
        l->ev = NULL;
        l->n_ev = l->ev_cap = 0;
        rc = sg_graph__edgeset_init_store(es, g->n_nodes, m, src, dst, w, cg, cf, kind, ev,
                                          store, err);
    }
    free(src);
    free(dst);
    free(w);
    free(cg);
    free(cf);
    free(kind);
    free(ev);
    return rc;
}

static sg_status resolve_windows(pctx *p, const resolver *r, sg_error *err)
{
    sg_graph *g = p->g;
    sg_graph__sort(p->wins, p->n_wins, sizeof(tmp_window), cmp_window);
    g->windows = calloc(p->n_wins ? p->n_wins : 1, sizeof(sg_window));
    if (g->windows == NULL)
        return oom(err);
    for (size_t k = 0; k < p->n_wins; k++) {
        tmp_window *tw = &p->wins[k];
        for (size_t i = 0; i < tw->n_st; i++) {
            uint32_t nd = r->node_of[tw->st[i].node];
            if (nd == UINT32_MAX)
                return sg_error_set(err, SG_EINPUT, p->name,
                                    sg_graph__line_of(p->json, p->len, tw->at),
                                    "window stance of \"%s\", which is not a node",
                                    g->pool.strs[tw->st[i].node]);
            tw->st[i].node = nd;
            tw->st[i].topic = r->topic_of[tw->st[i].topic];
        }
        sg_graph__sort(tw->st, tw->n_st, sizeof(sg_wstance), cmp_wstance);
        sg_window *w = &g->windows[k];
        w->start = tw->start;
        w->end = tw->end;
        w->statements = tw->statements;
        w->stances = tw->st; /* moves to the graph */
        w->n_stances = tw->n_st;
        tw->st = NULL;
        tw->n_st = 0;
        g->n_windows = k + 1;
        sg_status rc = resolve_edges(p, r, &tw->edges, &w->edges, err);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

static sg_status resolve_moves(pctx *p, const resolver *r, sg_error *err)
{
    sg_graph *g = p->g;
    g->moved = calloc(p->n_moves ? p->n_moves : 1, sizeof(sg_move));
    if (g->moved == NULL)
        return oom(err);
    for (size_t i = 0; i < p->n_moves; i++) {
        sg_move m = p->moves[i].m;
        uint32_t nd = r->node_of[m.node];
        if (nd == UINT32_MAX || m.from_window >= g->n_windows || m.to_window >= g->n_windows)
            return sg_error_set(err, SG_EINPUT, p->name,
                                sg_graph__line_of(p->json, p->len, p->moves[i].at),
                                "a move names an unknown actor or window");
        m.node = nd;
        m.topic = r->topic_of[m.topic];
        g->moved[g->n_moved++] = m;
        p->moves[i].m.evidence.ids = NULL; /* moved */
    }
    return SG_OK;
}

static sg_status resolve(pctx *p, sg_error *err)
{
    sg_graph *g = p->g;
    resolver r;
    size_t n_pool = g->pool.n ? g->pool.n : 1;
    r.topic_of = malloc(n_pool * sizeof(uint32_t));
    r.node_of = malloc(n_pool * sizeof(uint32_t));
    sg_status rc;
    if (!(r.topic_of && r.node_of)) {
        rc = oom(err);
    } else {
        memset(r.topic_of, 0xff, n_pool * sizeof(uint32_t));
        memset(r.node_of, 0xff, n_pool * sizeof(uint32_t));
        rc = resolve_topics(p, &r, err);
        if (rc == SG_OK)
            rc = resolve_nodes(p, &r, err);
        if (rc == SG_OK)
            rc = resolve_edges(p, &r, &p->edges, &g->edges, err);
        if (rc == SG_OK)
            rc = resolve_windows(p, &r, err);
        if (rc == SG_OK)
            rc = resolve_moves(p, &r, err);
    }
    free(r.topic_of);
    free(r.node_of);
    return rc;
}
