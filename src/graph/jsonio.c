/* jsonio.c - graph.json and report.json element by element: written straight through
 * the streaming writer (common/jsonw.h), read with cJSON one member or one array
 * element at a time.
 *
 * Why: graph.json and report.json of a million edges would be a cJSON tree of tens of
 * millions of nodes (gigabytes). Reading walks the top-level object and hands
 * cJSON_ParseWithLengthOpts() one member or one array element at a time (its `end`
 * pointer says where the value stopped, so we never use cJSON's global error pointer).
 * Flat elements (edges: strings, numbers, arrays of strings) of the members that ask for
 * it skip cJSON: sg_graph__flat_scan reads them in place; anything else still goes
 * through cJSON, so its messages stay as they were.
 * Also: the elements (evidence, id lists, edges) both documents write.
 */
#include "common/json.h"
#include "common/jsonw.h"
#include "common/num.h"
#include "graph/graph_internal.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ---- */

void sg_graph__jout_init(sg_jout *o, FILE *fp)
{
    memset(o, 0, sizeof(*o));
    sg_jsonw_init(&o->w, fp);
}

/* ---- reading ---- */

long sg_graph__line_of(const char *json, size_t len, size_t offset)
{
    long line = 1;
    for (size_t i = 0; i < offset && i < len; i++)
        line += json[i] == '\n';
    return line;
}

static size_t skip_ws(const char *j, size_t len, size_t i)
{
    while (i < len && (j[i] == ' ' || j[i] == '\t' || j[i] == '\n' || j[i] == '\r'))
        i++;
    return i;
}

typedef struct jin {
    const char *json, *name;
    size_t len;
    sg_error *err;
    const char *const *flat;
    sg_jin_flat_fn on_flat;
} jin;

/* ---- flat objects ---- */

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A string without escapes or control characters at json[i] == '"': its bytes are
 * json[i + 1 .. *end - 1). */
static int flat_string(const char *j, size_t len, size_t i, size_t *end)
{
    for (i++; i < len; i++) {
        unsigned char c = (unsigned char)j[i];
        if (c == '"') {
            *end = i + 1;
            return 1;
        }
        if (c == '\\' || c < 0x20)
            return 0;
    }
    return 0;
}

static size_t flat_digits(const char *j, size_t len, size_t i)
{
    while (i < len && j[i] >= '0' && j[i] <= '9')
        i++;
    return i;
}

/* A number by the JSON grammar, read as cJSON reads it (strtod on a copy of at most 63
 * characters; cJSON refuses longer ones, and so does common/json.c's check). */
static int flat_number(const char *j, size_t len, size_t i, size_t *end, double *v)
{
    size_t start = i, d;
    if (i < len && j[i] == '-')
        i++;
    if ((d = flat_digits(j, len, i)) == i)
        return 0;
    i = d;
    if (i < len && j[i] == '.') {
        if ((d = flat_digits(j, len, i + 1)) == i + 1)
            return 0;
        i = d;
    }
    if (i < len && (j[i] == 'e' || j[i] == 'E')) {
        i++;
        if (i < len && (j[i] == '+' || j[i] == '-'))
            i++;
        if ((d = flat_digits(j, len, i)) == i)
            return 0;
        i = d;
    }
    if (i - start > 63)
        return 0;
    *v = sg_num_json_strtod(j + start, i - start);
    *end = i;
    return 1;
}

int sg_graph__flat_scan(const char *j, size_t len, size_t i, sg_flat *f, size_t *end)
{
    f->n = 0;
    if (i >= len || j[i] != '{')
        return 0;
    while (++i < len && is_ws(j[i]))
        ;
    if (i < len && j[i] == '}') {
        *end = i + 1;
        return 1;
    }
    for (;;) {
        if (f->n == SG_FLAT_MAX || i >= len || j[i] != '"')
            return 0;
        sg_flat_member *m = &f->m[f->n++];
        size_t e;
        if (!flat_string(j, len, i, &e))
            return 0;
        m->key = j + i + 1;
        m->key_len = e - i - 2;
        for (i = e; i < len && is_ws(j[i]); i++)
            ;
        if (i >= len || j[i] != ':')
            return 0;
        while (++i < len && is_ws(j[i]))
            ;
        if (i >= len)
            return 0;
        if (j[i] == '"') {
            if (!flat_string(j, len, i, &e))
                return 0;
            m->type = SG_FLAT_STR;
            m->s = j + i + 1;
            m->len = e - i - 2;
        } else if (j[i] == '[') {
            size_t open = i;
            while (++i < len && is_ws(j[i]))
                ;
            if (i < len && j[i] != ']') {
                for (;;) {
                    if (i >= len || j[i] != '"' || !flat_string(j, len, i, &e))
                        return 0;
                    for (i = e; i < len && is_ws(j[i]); i++)
                        ;
                    if (i < len && j[i] == ']')
                        break;
                    if (i >= len || j[i] != ',')
                        return 0;
                    while (++i < len && is_ws(j[i]))
                        ;
                }
            }
            if (i >= len)
                return 0;
            m->type = SG_FLAT_STRS;
            m->s = j + open + 1;
            m->len = i - open - 1;
            e = i + 1;
        } else {
            if (!flat_number(j, len, i, &e, &m->num))
                return 0;
            m->type = SG_FLAT_NUM;
        }
        for (i = e; i < len && is_ws(j[i]); i++)
            ;
        if (i < len && j[i] == '}') {
            *end = i + 1;
            return 1;
        }
        if (i >= len || j[i] != ',')
            return 0;
        while (++i < len && is_ws(j[i]))
            ;
    }
}

const sg_flat_member *sg_graph__flat_get(const sg_flat *f, const char *key)
{
    size_t n = strlen(key);
    for (size_t k = 0; k < f->n; k++)
        if (f->m[k].key_len == n && memcmp(f->m[k].key, key, n) == 0)
            return &f->m[k];
    return NULL;
}

int sg_graph__flat_next(const sg_flat_member *m, size_t *pos, const char **s, size_t *n)
{
    size_t i = *pos;
    while (i < m->len && m->s[i] != '"') /* whitespace and commas between the strings */
        i++;
    if (i >= m->len)
        return 0;
    const char *q = memchr(m->s + i + 1, '"', m->len - i - 1); /* scanned: no escapes */
    *s = m->s + i + 1;
    *n = (size_t)(q - *s);
    *pos = (size_t)(q - m->s) + 1;
    return 1;
}

static sg_status jin_fail(const jin *in, size_t at, const char *problem)
{
    return sg_error_set(in->err, SG_EINPUT, in->name, sg_graph__line_of(in->json, in->len, at),
                        "%s", problem);
}

/* Parse the value at *at; advance *at past it. */
static sg_status parse_value(const jin *in, size_t *at, cJSON **out)
{
    const char *end = NULL;
    *out = cJSON_ParseWithLengthOpts(in->json + *at, in->len - *at, &end, 0);
    if (*out == NULL) {
        /* cJSON returns NULL for bad syntax and for a failed allocation alike */
        if (sg_json_valid_prefix(in->json + *at, in->len - *at) > 0)
            return sg_error_set(in->err, SG_ENOMEM, NULL, 0, "out of memory");
        size_t bad = end ? (size_t)(end - in->json) : *at;
        return jin_fail(in, bad, "malformed JSON");
    }
    *at = (size_t)(end - in->json);
    return SG_OK;
}

static int is_streamed(const char *const *streamed, const char *key)
{
    for (size_t i = 0; streamed && streamed[i]; i++)
        if (strcmp(streamed[i], key) == 0)
            return 1;
    return 0;
}

static sg_status stream_array(const jin *in, size_t *at, const char *key, sg_jin_fn fn,
                              void *ctx)
{
    size_t i = skip_ws(in->json, in->len, *at + 1); /* past '[' */
    if (i < in->len && in->json[i] == ']') {
        *at = i + 1;
        return SG_OK;
    }
    for (;;) {
        cJSON *elem;
        size_t start = i, end;
        sg_flat flat;
        if (in->on_flat && is_streamed(in->flat, key) && i < in->len && in->json[i] == '{' &&
            sg_graph__flat_scan(in->json, in->len, i, &flat, &end)) {
            sg_status rc = in->on_flat(ctx, key, &flat, start, in->err);
            if (rc != SG_OK)
                return rc;
            i = end;
        } else {
            sg_status rc = parse_value(in, &i, &elem);
            if (rc != SG_OK)
                return rc;
            rc = fn(ctx, key, elem, start, in->err);
            cJSON_Delete(elem);
            if (rc != SG_OK)
                return rc;
        }
        i = skip_ws(in->json, in->len, i);
        if (i < in->len && in->json[i] == ',') {
            i = skip_ws(in->json, in->len, i + 1);
            continue;
        }
        if (i < in->len && in->json[i] == ']') {
            *at = i + 1;
            return SG_OK;
        }
        return jin_fail(in, i, "expected ',' or ']' in an array");
    }
}

/* Member names of the top-level object seen so far: a name given twice ("decision"
 * twice, "nodes" twice) is refused instead of the later value silently replacing,
 * leaking or appending to the first. */
#define SG_JIN_MAX_MEMBERS 256
typedef struct jin_seen {
    char names[SG_JIN_MAX_MEMBERS][64];
    size_t n;
} jin_seen;

/* One "key": value member at *at. */
static sg_status member(const jin *in, size_t *at, const char *const *streamed,
                        sg_jin_fn on_member, sg_jin_fn on_element, void *ctx, jin_seen *seen)
{
    size_t i = *at;
    if (i >= in->len || in->json[i] != '"')
        return jin_fail(in, i, "expected a member name");
    cJSON *key;
    sg_status rc = parse_value(in, &i, &key);
    if (rc != SG_OK)
        return rc;
    char name[64];
    snprintf(name, sizeof(name), "%s", key->valuestring ? key->valuestring : "");
    cJSON_Delete(key);
    for (size_t k = 0; k < seen->n; k++)
        if (strcmp(seen->names[k], name) == 0)
            return jin_fail(in, *at, "a member name appears twice in the object");
    if (seen->n == SG_JIN_MAX_MEMBERS)
        return jin_fail(in, *at, "too many members in the object");
    memcpy(seen->names[seen->n++], name, sizeof(name));
    i = skip_ws(in->json, in->len, i);
    if (i >= in->len || in->json[i] != ':')
        return jin_fail(in, i, "expected ':' after a member name");
    i = skip_ws(in->json, in->len, i + 1);
    if (i < in->len && in->json[i] == '[' && is_streamed(streamed, name)) {
        rc = stream_array(in, &i, name, on_element, ctx);
    } else {
        cJSON *value;
        size_t start = i;
        rc = parse_value(in, &i, &value);
        if (rc == SG_OK) {
            rc = on_member(ctx, name, value, start, in->err);
            cJSON_Delete(value);
        }
    }
    *at = i;
    return rc;
}

static sg_status object_members(const jin *in_, size_t *at, const char *const *streamed,
                                sg_jin_fn on_member, sg_jin_fn on_element, void *ctx,
                                jin_seen *seen);

sg_status sg_graph__jin_object(const char *json, size_t len, const char *name,
                               const char *const *streamed, sg_jin_fn on_member,
                               sg_jin_fn on_element, const char *const *flat,
                               sg_jin_flat_fn on_flat, void *ctx, sg_error *err)
{
    jin in = {json, name ? name : "<input>", len, err, flat, on_flat};
    size_t i = 0;
    jin_seen *seen = calloc(1, sizeof(*seen));
    if (seen == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    sg_status rc = object_members(&in, &i, streamed, on_member, on_element, ctx, seen);
    free(seen);
    return rc;
}

static sg_status object_members(const jin *in_, size_t *at, const char *const *streamed,
                                sg_jin_fn on_member, sg_jin_fn on_element, void *ctx,
                                jin_seen *seen)
{
    const jin in = *in_;
    const char *json = in.json;
    size_t len = in.len, i = *at;
    if (len >= 3 && (unsigned char)json[0] == 0xEF && (unsigned char)json[1] == 0xBB &&
        (unsigned char)json[2] == 0xBF)
        i = 3;
    i = skip_ws(json, len, i);
    if (i >= len || json[i] != '{')
        return jin_fail(&in, i, "expected a JSON object");
    i = skip_ws(json, len, i + 1);
    if (i < len && json[i] == '}') {
        i++;
    } else {
        for (;;) {
            sg_status rc = member(&in, &i, streamed, on_member, on_element, ctx, seen);
            if (rc != SG_OK)
                return rc;
            i = skip_ws(json, len, i);
            if (i < len && json[i] == ',') {
                i = skip_ws(json, len, i + 1);
                continue;
            }
            if (i < len && json[i] == '}') {
                i++;
                break;
            }
            return jin_fail(&in, i, "expected ',' or '}' after a member");
        }
    }
    i = skip_ws(json, len, i);
    if (i < len && json[i] != '\0')
        return jin_fail(&in, i, "unexpected data after the JSON object");
    return SG_OK;
}

/* ---- elements shared by graph.json and report.json ---- */

/* A string member, or nothing when value is NULL. */
static void opt_str(sg_jsonw *w, const char *key, const char *value)
{
    if (value != NULL)
        sg_jsonw_kstr(w, key, value);
}

void sg_graph__evidence_write(sg_jsonw *w, const sg_evidence *ev)
{
    sg_jsonw_obj(w);
    opt_str(w, "id", ev->id);
    opt_str(w, "doc", ev->doc);
    opt_str(w, "date", ev->date);
    opt_str(w, "source", ev->source);
    opt_str(w, "topic", ev->topic);
    opt_str(w, "target", ev->target);
    sg_jsonw_kint(w, "stance", ev->stance);
    sg_jsonw_knum(w, "weight", sg_graph__round6(ev->weight));
    opt_str(w, "cue", ev->cue);
    opt_str(w, "mention", ev->mention);
    opt_str(w, "text", ev->text);
    sg_jsonw_obj_end(w);
}

void sg_graph__idlist_write(sg_jsonw *w, const sg_idlist *ids)
{
    sg_jsonw_arr(w);
    for (uint32_t i = 0; i < ids->n; i++)
        sg_jsonw_str(w, ids->ids[i]);
    sg_jsonw_arr_end(w);
}

void sg_graph__edge_write(sg_jsonw *w, const sg_graph *g, const sg_edgeset *es, size_t e)
{
    uint32_t s, t;
    sg_graph__edgeset_ends(es, e, &s, &t);
    double wt = sg_graph__round6(VECTOR(es->weight)[e]);
    sg_jsonw_obj(w);
    sg_jsonw_kstr(w, "source", g->nodes[s].id);
    sg_jsonw_kstr(w, "target", g->nodes[t].id);
    sg_jsonw_knum(w, "weight", wt);
    sg_jsonw_kint(w, "sign", wt > 0 ? 1 : -1);
    sg_jsonw_kstr(w, "kind", sg_graph__edge_kind_name((int)VECTOR(es->kind)[e]));
    sg_jsonw_knum(w, "congruence", sg_graph__round6(VECTOR(es->congruence)[e]));
    sg_jsonw_knum(w, "conflict", sg_graph__round6(VECTOR(es->conflict)[e]));
    sg_jsonw_key(w, "evidence");
    sg_graph__idlist_write(w, &es->evidence[e]);
    sg_jsonw_obj_end(w);
}

static sg_status get_opt_string(char **dst, const cJSON *obj, const char *key,
                                const char *name, long line, sg_error *err)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    *dst = NULL;
    if (it == NULL || cJSON_IsNull(it))
        return SG_OK;
    if (!cJSON_IsString(it))
        return sg_error_set(err, SG_EINPUT, name, line, "evidence \"%s\" must be a string", key);
    size_t n = strlen(it->valuestring) + 1;
    if ((*dst = malloc(n)) == NULL)
        return sg_error_set(err, SG_ENOMEM, name, line, "out of memory");
    memcpy(*dst, it->valuestring, n);
    return SG_OK;
}

sg_status sg_graph__evidence_parse(sg_evidence *ev, const cJSON *obj, const char *name,
                                   long line, sg_error *err)
{
    memset(ev, 0, sizeof(*ev));
    if (!cJSON_IsObject(obj))
        return sg_error_set(err, SG_EINPUT, name, line, "evidence must be an object");
    sg_status rc = SG_OK;
    char **fields[] = {&ev->id, &ev->doc, &ev->date, &ev->source, &ev->topic,
                       &ev->target, &ev->cue, &ev->mention, &ev->text};
    const char *keys[] = {"id", "doc", "date", "source", "topic",
                          "target", "cue", "mention", "text"};
    for (size_t i = 0; rc == SG_OK && i < sizeof(keys) / sizeof(keys[0]); i++)
        rc = get_opt_string(fields[i], obj, keys[i], name, line, err);
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(obj, "stance");
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(obj, "weight");
    if (rc == SG_OK && (!cJSON_IsNumber(st) || (w && !cJSON_IsNumber(w)) ||
                        (st->valuedouble != -1 && st->valuedouble != 0 && st->valuedouble != 1) ||
                        (w && !(w->valuedouble >= 0 && w->valuedouble <= 1e12))))
        rc = sg_error_set(err, SG_EINPUT, name, line, /* 0: a tiny weight, rounded */
                          "evidence needs a stance of -1, 0 or 1 and a weight in [0, 1e12]");
    if (rc == SG_OK) {
        ev->stance = st->valueint;
        ev->weight = w ? w->valuedouble : 1.0;
    } else {
        sg_graph__evidence_destroy(ev);
    }
    return rc;
}
