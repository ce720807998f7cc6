/* model.c - reads report.json (docs/formats.md, docs/report.schema.json) into the render
 * module's sg_report model with cJSON, checking what the writers rely on: the document
 * is a report, every actor has an id and a known stance, every edge joins two listed
 * actors. Optional fields may be missing; the model records them as absent.
 *
 * A graph.json (build's output) is refused with a message saying to run `analyze`.
 * Strings are borrowed from the cJSON tree, which the report owns until destroyed.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

/* The error context: the input name and, for syntax errors, the line. */
static sg_status bad(sg_error *err, const sg_report *r, const char *fmt, ...) SG_PRINTF(3, 4);
static sg_status bad(sg_error *err, const sg_report *r, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return sg_error_set(err, SG_EINPUT, r->name[0] ? r->name : NULL, 0, "%s", msg);
}

static const char *opt_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double opt_num(const cJSON *obj, const char *key, double dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsNumber(v) && isfinite(v->valuedouble) ? v->valuedouble : dflt;
}

static long opt_long(const cJSON *obj, const char *key, long dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || fabs(v->valuedouble) > 1e15)
        return dflt;
    return (long)v->valuedouble;
}

static int opt_bool(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsBool(v) ? cJSON_IsTrue(v) : -1;
}

const char *sg_render__stance_name(sg_rstance s)
{
    return s == SG_RS_SUPPORT ? "support" : s == SG_RS_OPPOSE ? "oppose" : "neutral";
}

static int stance_parse(const char *s, sg_rstance *out)
{
    if (s == NULL)
        return 0;
    if (strcmp(s, "support") == 0)
        *out = SG_RS_SUPPORT;
    else if (strcmp(s, "oppose") == 0)
        *out = SG_RS_OPPOSE;
    else if (strcmp(s, "neutral") == 0)
        *out = SG_RS_NEUTRAL;
    else
        return 0;
    return 1;
}

/* A malloc'd array of the strings in arr (non-strings are refused). n_out may be 0. */
static sg_status str_array(const char ***out, size_t *n_out, const cJSON *arr,
                           const sg_report *r, const char *what, sg_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (arr == NULL || cJSON_IsNull(arr))
        return SG_OK;
    if (!cJSON_IsArray(arr))
        return bad(err, r, "%s must be an array of strings", what);
    int n = cJSON_GetArraySize(arr);
    if (n == 0)
        return SG_OK;
    const char **v = calloc((size_t)n, sizeof(*v));
    if (v == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    size_t i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (!cJSON_IsString(it)) {
            free(v);
            return bad(err, r, "%s must be an array of strings", what);
        }
        v[i++] = it->valuestring;
    }
    *out = v;
    *n_out = i;
    return SG_OK;
}

static sg_status parse_evidence(sg_ractor *a, const cJSON *arr, const sg_report *r,
                                sg_error *err)
{
    if (arr == NULL || cJSON_IsNull(arr))
        return SG_OK;
    if (!cJSON_IsArray(arr))
        return bad(err, r, "actor \"%s\": \"evidence\" must be an array", a->id);
    int n = cJSON_GetArraySize(arr);
    if (n == 0)
        return SG_OK;
    a->ev = calloc((size_t)n, sizeof(*a->ev));
    if (a->ev == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (!cJSON_IsObject(it))
            return bad(err, r, "actor \"%s\": evidence items must be objects", a->id);
        sg_rev *e = &a->ev[a->n_ev++];
        e->id = opt_str(it, "id");
        e->doc = opt_str(it, "doc");
        e->date = opt_str(it, "date");
        e->source = opt_str(it, "source");
        e->topic = opt_str(it, "topic");
        e->cue = opt_str(it, "cue");
        e->mention = opt_str(it, "mention");
        e->text = opt_str(it, "text");
        long st = opt_long(it, "stance", 0);
        e->stance = st > 0 ? 1 : st < 0 ? -1 : 0;
        e->weight = opt_num(it, "weight", 1.0);
    }
    return SG_OK;
}

/* The actor's per-topic stances: "stances" when given, else summed from evidence, else
 * the actor's own score on the report's only topic. */
static sg_status actor_topics(sg_ractor *a, const cJSON *obj, const sg_report *r,
                              sg_error *err)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(obj, "stances");
    size_t cap = (size_t)(cJSON_IsArray(st) ? cJSON_GetArraySize(st) : 0) + a->n_ev + 1;
    a->topics = calloc(cap, sizeof(*a->topics));
    if (a->topics == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    if (cJSON_IsArray(st) && cJSON_GetArraySize(st) > 0) {
        const cJSON *it;
        cJSON_ArrayForEach(it, st)
        {
            const char *t = opt_str(it, "topic");
            if (t == NULL)
                continue;
            sg_rtopic *tp = &a->topics[a->n_topics++];
            tp->topic = t;
            tp->score = opt_num(it, "score", 0);
            tp->n = opt_long(it, "support", 0) + opt_long(it, "oppose", 0) +
                    opt_long(it, "neutral", 0);
        }
        return SG_OK;
    }
    for (size_t i = 0; i < a->n_ev; i++) {
        const char *t = a->ev[i].topic;
        if (t == NULL)
            continue;
        size_t j = 0;
        while (j < a->n_topics && strcmp(a->topics[j].topic, t) != 0)
            j++;
        if (j == a->n_topics)
            a->topics[a->n_topics++].topic = t;
        a->topics[j].score += a->ev[i].stance * a->ev[i].weight;
        a->topics[j].n++;
    }
    if (a->n_topics == 0 && r->n_topics == 1) {
        a->topics[0].topic = r->topics[0];
        a->topics[0].score = a->score;
        a->topics[0].n = a->statements > 0 ? a->statements : 0;
        a->n_topics = 1;
    }
    return SG_OK;
}

static sg_status parse_actor(sg_ractor *a, const cJSON *obj, const sg_report *r,
                             size_t index, sg_error *err)
{
    char where[32];
    snprintf(where, sizeof(where), "actors[%zu]", index);
    if (!cJSON_IsObject(obj))
        return bad(err, r, "%s must be an object", where);
    a->id = opt_str(obj, "id");
    if (a->id == NULL || a->id[0] == '\0')
        return bad(err, r, "%s has no \"id\" string", where);
    if (!stance_parse(opt_str(obj, "stance"), &a->stance))
        return bad(err, r, "actor \"%s\": \"stance\" must be support, oppose or neutral", a->id);
    a->score = opt_num(obj, "score", 0);
    a->statements = opt_long(obj, "statements", -1);
    a->support = opt_long(obj, "support", -1);
    a->oppose = opt_long(obj, "oppose", -1);
    a->neutral = opt_long(obj, "neutral", -1);
    const cJSON *iv = cJSON_GetObjectItemCaseSensitive(obj, "interval");
    if (cJSON_IsArray(iv) && cJSON_GetArraySize(iv) == 2 &&
        cJSON_IsNumber(cJSON_GetArrayItem(iv, 0)) && cJSON_IsNumber(cJSON_GetArrayItem(iv, 1))) {
        a->has_interval = 1;
        a->interval[0] = cJSON_GetArrayItem(iv, 0)->valuedouble;
        a->interval[1] = cJSON_GetArrayItem(iv, 1)->valuedouble;
    }
    a->camp = opt_long(obj, "camp", 0);
    a->betweenness = opt_num(obj, "betweenness", -1);
    a->swing = opt_bool(obj, "swing");
    sg_status rc = parse_evidence(a, cJSON_GetObjectItemCaseSensitive(obj, "evidence"), r, err);
    if (rc == SG_OK)
        rc = actor_topics(a, obj, r, err);
    return rc;
}

static int id_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Refuse an actor listed twice: edges and camps could not say which one they mean. */
static sg_status check_unique(const sg_report *r, sg_error *err)
{
    if (r->n_actors < 2)
        return SG_OK;
    const char **ids = malloc(r->n_actors * sizeof(*ids));
    if (ids == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < r->n_actors; i++)
        ids[i] = r->actors[i].id;
    qsort(ids, r->n_actors, sizeof(*ids), id_cmp);
    sg_status rc = SG_OK;
    for (size_t i = 1; i < r->n_actors && rc == SG_OK; i++)
        if (strcmp(ids[i - 1], ids[i]) == 0)
            rc = bad(err, r, "actor \"%s\" is listed twice", ids[i]);
    free(ids);
    return rc;
}

static sg_status parse_actors(sg_report *r, const cJSON *root, sg_error *err)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "actors");
    if (!cJSON_IsArray(arr))
        return bad(err, r, "the report has no \"actors\" array");
    int n = cJSON_GetArraySize(arr);
    if (n == 0)
        return SG_OK;
    r->actors = calloc((size_t)n, sizeof(*r->actors));
    if (r->actors == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        sg_status rc = parse_actor(&r->actors[r->n_actors], it, r, r->n_actors, err);
        r->n_actors++;
        if (rc != SG_OK)
            return rc;
    }
    return check_unique(r, err);
}

static sg_status parse_camps(sg_report *r, const cJSON *root, sg_error *err)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "camps");
    if (arr == NULL || cJSON_IsNull(arr))
        return SG_OK;
    if (!cJSON_IsArray(arr))
        return bad(err, r, "\"camps\" must be an array");
    int n = cJSON_GetArraySize(arr);
    if (n == 0)
        return SG_OK;
    r->camps = calloc((size_t)n, sizeof(*r->camps));
    if (r->camps == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        sg_rcamp *c = &r->camps[r->n_camps++];
        c->id = opt_long(it, "id", -1);
        if (!cJSON_IsObject(it) || c->id < 0)
            return bad(err, r, "every camp needs a numeric \"id\"");
        c->stance = opt_str(it, "stance");
        c->unaligned = opt_bool(it, "unaligned") == 1;
        sg_status rc = str_array(&c->members, &c->n_members,
                                 cJSON_GetObjectItemCaseSensitive(it, "members"), r,
                                 "camp \"members\"", err);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

static sg_status parse_edge(sg_redge *e, const cJSON *it, const sg_report *r, sg_error *err)
{
    if (!cJSON_IsObject(it))
        return bad(err, r, "edges must be objects");
    e->source = opt_str(it, "source");
    e->target = opt_str(it, "target");
    if (e->source == NULL || e->target == NULL)
        return bad(err, r, "every edge needs \"source\" and \"target\" strings");
    e->src = sg_render__report_actor(r, e->source);
    e->dst = sg_render__report_actor(r, e->target);
    if (e->src == (size_t)-1)
        return bad(err, r, "edge %s - %s: the source is not in \"actors\"", e->source, e->target);
    if (e->dst == (size_t)-1)
        return bad(err, r, "edge %s - %s: the target is not in \"actors\"", e->source, e->target);
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(it, "weight");
    if (!cJSON_IsNumber(w) || !isfinite(w->valuedouble))
        return bad(err, r, "edge %s - %s: \"weight\" must be a number", e->source, e->target);
    e->weight = w->valuedouble;
    long s = opt_long(it, "sign", e->weight > 0 ? 1 : e->weight < 0 ? -1 : 0);
    e->sign = s > 0 ? 1 : s < 0 ? -1 : 0;
    e->kind = opt_str(it, "kind");
    e->between_camps = opt_bool(it, "between_camps");
    return str_array(&e->evidence, &e->n_evidence,
                     cJSON_GetObjectItemCaseSensitive(it, "evidence"), r, "edge \"evidence\"",
                     err);
}

static sg_status parse_twomode_edges(sg_report *r, const cJSON *root, sg_error *err)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "twomode_edges");
    if (arr == NULL || cJSON_IsNull(arr))
        return SG_OK;
    if (!cJSON_IsArray(arr))
        return bad(err, r, "\"twomode_edges\" must be an array");
    int n = cJSON_GetArraySize(arr);
    r->tm = calloc((size_t)n + 1, sizeof(*r->tm));
    if (r->tm == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        sg_rtmedge *e = &r->tm[r->n_tm];
        e->actor = opt_str(it, "actor");
        e->topic = opt_str(it, "topic");
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(it, "weight");
        if (e->actor == NULL || e->topic == NULL || !cJSON_IsNumber(w) ||
            !isfinite(w->valuedouble))
            return bad(err, r, "every two-mode edge needs \"actor\", \"topic\", \"weight\"");
        e->a = sg_render__report_actor(r, e->actor);
        if (e->a == (size_t)-1)
            return bad(err, r, "two-mode edge of %s: not in \"actors\"", e->actor);
        e->weight = w->valuedouble;
        e->sign = e->weight > 0 ? 1 : e->weight < 0 ? -1 : 0;
        r->n_tm++;
    }
    return SG_OK;
}

static sg_status parse_edges(sg_report *r, const cJSON *root, sg_error *err)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "edges");
    if (arr == NULL || cJSON_IsNull(arr))
        return SG_OK;
    if (!cJSON_IsArray(arr))
        return bad(err, r, "\"edges\" must be an array");
    int n = cJSON_GetArraySize(arr);
    if (n == 0)
        return SG_OK;
    r->edges = calloc((size_t)n, sizeof(*r->edges));
    if (r->edges == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        sg_status rc = parse_edge(&r->edges[r->n_edges++], it, r, err);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

static sg_status parse_blocking(sg_report *r, const cJSON *root, sg_error *err)
{
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(root, "blocking");
    r->block_passes = -1;
    if (!cJSON_IsObject(b))
        return SG_OK;
    r->blocking = b;
    r->block_body = opt_str(b, "body");
    r->block_rule = opt_str(b, "rule");
    r->block_passes = opt_bool(b, "passes");
    r->block_outcome = opt_str(b, "outcome");
    r->block_needed = opt_long(b, "needed", -1);
    r->block_supporters = opt_long(b, "supporters", -1);
    r->block_members = opt_long(b, "members", -1);
    const cJSON *pop = cJSON_GetObjectItemCaseSensitive(b, "population");
    r->pop_support = opt_num(pop, "supporters_share", -1);
    r->pop_oppose = opt_num(pop, "opponents_share", -1);
    sg_status rc = str_array(&r->blockers, &r->n_blockers,
                             cJSON_GetObjectItemCaseSensitive(b, "blockers"), r,
                             "\"blocking.blockers\"", err);
    if (rc == SG_OK)
        rc = str_array(&r->minority, &r->n_minority,
                       cJSON_GetObjectItemCaseSensitive(b, "blocking_minority"), r,
                       "\"blocking.blocking_minority\"", err);
    if (rc == SG_OK)
        rc = str_array(&r->opponents, &r->n_opponents,
                       cJSON_GetObjectItemCaseSensitive(b, "opponents"), r,
                       "\"blocking.opponents\"", err);
    if (rc == SG_OK)
        rc = str_array(&r->undecided, &r->n_undecided,
                       cJSON_GetObjectItemCaseSensitive(b, "undecided"), r,
                       "\"blocking.undecided\"", err);
    for (size_t i = 0; rc == SG_OK && i < r->n_blockers; i++) {
        size_t a = sg_render__report_actor(r, r->blockers[i]);
        if (a != (size_t)-1)
            r->actors[a].blocker = 1;
    }
    return rc;
}

static sg_status parse_window(sg_rwindow *w, const cJSON *it, const sg_report *r,
                              sg_error *err)
{
    if (!cJSON_IsObject(it))
        return bad(err, r, "\"windows\" items must be objects");
    w->id = opt_str(it, "id");
    w->start = opt_str(it, "start");
    w->end = opt_str(it, "end");
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(it, "actors");
    if (!cJSON_IsArray(arr))
        return bad(err, r, "every window needs an \"actors\" array");
    int n = cJSON_GetArraySize(arr);
    if (n == 0)
        return SG_OK;
    w->actors = calloc((size_t)n, sizeof(*w->actors));
    if (w->actors == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    const cJSON *a;
    cJSON_ArrayForEach(a, arr)
    {
        sg_rwin_actor *wa = &w->actors[w->n_actors++];
        wa->id = opt_str(a, "id");
        if (wa->id == NULL)
            return bad(err, r, "every window actor needs an \"id\"");
        wa->score = opt_num(a, "score", 0);
        wa->statements = opt_long(a, "statements", -1);
        if (!stance_parse(opt_str(a, "stance"), &wa->stance))
            wa->stance = wa->score > 0 ? SG_RS_SUPPORT : wa->score < 0 ? SG_RS_OPPOSE
                                                                       : SG_RS_NEUTRAL;
    }
    return SG_OK;
}

static sg_status parse_windows(sg_report *r, const cJSON *root, sg_error *err)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "windows");
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0)
        return SG_OK;
    r->windows = calloc((size_t)cJSON_GetArraySize(arr), sizeof(*r->windows));
    if (r->windows == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        sg_status rc = parse_window(&r->windows[r->n_windows++], it, r, err);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

static int ev_cmp(const void *a, const void *b)
{
    const sg_rev *x = *(const sg_rev *const *)a, *y = *(const sg_rev *const *)b;
    return strcmp(x->id, y->id);
}

/* Sort every evidence statement that has an id, for sg_render__report_evidence. */
static sg_status index_evidence(sg_report *r, sg_error *err)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_actors; i++)
        n += r->actors[i].n_ev;
    if (n == 0)
        return SG_OK;
    r->ev_index = calloc(n, sizeof(*r->ev_index));
    if (r->ev_index == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < r->n_actors; i++)
        for (size_t j = 0; j < r->actors[i].n_ev; j++)
            if (r->actors[i].ev[j].id != NULL)
                r->ev_index[r->n_ev_index++] = &r->actors[i].ev[j];
    qsort(r->ev_index, r->n_ev_index, sizeof(*r->ev_index), ev_cmp);
    return SG_OK;
}

const sg_rev *sg_render__report_evidence(const sg_report *r, const char *id)
{
    size_t lo = 0, hi = r->n_ev_index;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->ev_index[mid]->id, id);
        if (c == 0)
            return r->ev_index[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t sg_render__report_actor(const sg_report *r, const char *id)
{
    /* actors are sorted by id in a conforming report: try binary search first */
    size_t lo = 0, hi = r->n_actors;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->actors[mid].id, id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = 0; i < r->n_actors; i++) /* unsorted input still works */
        if (strcmp(r->actors[i].id, id) == 0)
            return i;
    return (size_t)-1;
}

const sg_rcamp *sg_render__report_camp(const sg_report *r, long id)
{
    for (size_t i = 0; i < r->n_camps; i++)
        if (r->camps[i].id == id)
            return &r->camps[i];
    return NULL;
}

/* The 1-based line of byte offset off in json. */
static long line_of(const char *json, size_t len, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off && i < len; i++)
        if (json[i] == '\n')
            line++;
    return line;
}

/* Parse the JSON text; refuse trailing data and documents that are not reports. */
static sg_status parse_root(sg_report *r, const char *json, size_t len, sg_error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (root == NULL) {
        size_t off = end != NULL && end >= json ? (size_t)(end - json) : 0;
        if (end == NULL || off > len)
            off = len;
        return sg_error_set(err, SG_EINPUT, r->name[0] ? r->name : NULL,
                            line_of(json, len, off), "invalid JSON%s",
                            len == 0 ? " (empty input)" : "");
    }
    r->root = root;
    size_t off = (size_t)(end - json);
    while (off < len && strchr(" \t\r\n", json[off]) != NULL && json[off] != '\0')
        off++;
    if (off < len)
        return sg_error_set(err, SG_EINPUT, r->name[0] ? r->name : NULL,
                            line_of(json, len, off), "unexpected data after the JSON document");
    const char *kind = opt_str(root, "stancegraph");
    if (kind != NULL && strcmp(kind, "graph") == 0)
        return bad(err, r, "this is a graph.json, not a report: run 'stancegraph analyze' "
                           "on it first and render the report it writes");
    if (!cJSON_IsObject(root) || kind == NULL || strcmp(kind, "report") != 0)
        return bad(err, r, "not a stancegraph report (expected \"stancegraph\": \"report\")");
    return SG_OK;
}

sg_status sg_render__report_parse(sg_report *r, const char *json, size_t len,
                                  const char *name, sg_error *err)
{
    memset(r, 0, sizeof(*r));
    r->name = name ? name : "";
    r->seed = -1;
    r->block_passes = -1;
    sg_status rc = parse_root(r, json, len, err);
    const cJSON *root = r->root;
    if (rc == SG_OK)
        rc = str_array(&r->topics, &r->n_topics,
                       cJSON_GetObjectItemCaseSensitive(root, "topics"), r, "\"topics\"", err);
    if (rc == SG_OK) {
        const cJSON *dr = cJSON_GetObjectItemCaseSensitive(root, "date_range");
        if (cJSON_IsArray(dr) && cJSON_GetArraySize(dr) == 2) {
            const cJSON *a = cJSON_GetArrayItem(dr, 0), *b = cJSON_GetArrayItem(dr, 1);
            r->date_from = cJSON_IsString(a) ? a->valuestring : NULL;
            r->date_to = cJSON_IsString(b) ? b->valuestring : NULL;
        }
        r->method = opt_str(root, "method");
        r->title = opt_str(root, "title");
        r->seed = opt_long(root, "seed", -1);
        const cJSON *bal = cJSON_GetObjectItemCaseSensitive(root, "balance");
        r->balance = cJSON_IsObject(bal) ? bal : NULL;
        rc = parse_actors(r, root, err);
    }
    if (rc == SG_OK)
        rc = parse_camps(r, root, err);
    if (rc == SG_OK)
        rc = parse_edges(r, root, err);
    if (rc == SG_OK)
        rc = parse_twomode_edges(r, root, err);
    if (rc == SG_OK)
        rc = parse_blocking(r, root, err);
    if (rc == SG_OK)
        rc = parse_windows(r, root, err);
    if (rc == SG_OK)
        rc = index_evidence(r, err);
    if (rc != SG_OK)
        sg_render__report_destroy(r);
    return rc;
}

void sg_render__report_destroy(sg_report *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n_actors; i++) {
        free(r->actors[i].ev);
        free(r->actors[i].topics);
    }
    free(r->actors);
    for (size_t i = 0; i < r->n_camps; i++)
        free(r->camps[i].members);
    free(r->camps);
    for (size_t i = 0; i < r->n_edges; i++)
        free(r->edges[i].evidence);
    free(r->edges);
    for (size_t i = 0; i < r->n_windows; i++)
        free(r->windows[i].actors);
    free(r->windows);
    free(r->topics);
    free(r->tm);
    free(r->blockers);
    free(r->minority);
    free(r->opponents);
    free(r->undecided);
    free(r->ev_index);
    cJSON_Delete(r->root);
    const char *name = r->name;
    memset(r, 0, sizeof(*r));
    r->name = name;
}

void sg_render__balance_each(const sg_report *r,
                             void (*fn)(void *ctx, const char *key, const char *value),
                             void *ctx)
{
    const cJSON *it;
    sg_buf v;
    sg_buf_init(&v);
    cJSON_ArrayForEach(it, (const cJSON *)r->balance)
    {
        v.len = 0;
        if (cJSON_IsNumber(it))
            sg_buf_num(&v, it->valuedouble, 6);
        else if (cJSON_IsBool(it))
            sg_buf_puts(&v, cJSON_IsTrue(it) ? "true" : "false");
        else if (cJSON_IsString(it))
            sg_buf_puts(&v, it->valuestring);
        else if (cJSON_IsNull(it))
            sg_buf_puts(&v, "n/a");
        else
            continue; /* nested values are for the JSON, not the table */
        if (!v.oom && it->string != NULL)
            fn(ctx, it->string, v.data ? v.data : "");
    }
    sg_buf_free(&v);
}

sg_status sg_render__json(sg_buf *b, const sg_report *r, sg_error *err)
{
    char *s = cJSON_Print(r->root);
    if (s == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory while printing JSON");
    sg_buf_puts(b, s);
    sg_buf_puts(b, "\n");
    cJSON_free(s);
    return SG_OK;
}
