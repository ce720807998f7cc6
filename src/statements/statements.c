/* statements.c - the statement record: init/copy/free, JSON in (cJSON) and out (the
 * streaming writer, common/jsonw.h), JSONL streams. Knows nothing of how statements
 * were made. Thread-safe: cJSON is parsed with cJSON_ParseWithLengthOpts so no global
 * error pointer is read; each call writes with its own writer.
 */
#define _POSIX_C_SOURCE 200809L
#include "stancegraph/statements.h"
#include "stancegraph/text.h"
#include "common/json.h"
#include "common/jsonw.h"
#include "common/num.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const flag_names[SG_FLAG_COUNT] = {
    "negated", "hedged", "conditional", "reported", "deferral",
    "quote", "anaphor", "inferred", "reversed"};

const char *sg_flag_name(unsigned flag)
{
    for (unsigned i = 0; i < SG_FLAG_COUNT; i++)
        if (flag == (1u << i))
            return flag_names[i];
    return NULL;
}

unsigned sg_flag_from_name(const char *name)
{
    for (unsigned i = 0; i < SG_FLAG_COUNT; i++)
        if (strcmp(name, flag_names[i]) == 0)
            return 1u << i;
    return 0;
}

void sg_statement_init(sg_statement *s)
{
    memset(s, 0, sizeof(*s));
    s->weight = 1.0;
    s->span_start = s->span_end = -1;
}

#define SG_STATEMENT_STRINGS(X) \
    X(id) X(doc) X(date) X(source) X(actor) X(person) X(country) X(mention) \
    X(topic) X(target) X(cue) X(rule) X(text)

void sg_statement_destroy(sg_statement *s)
{
    if (s == NULL)
        return;
#define FREE_FIELD(f) free(s->f);
    SG_STATEMENT_STRINGS(FREE_FIELD)
#undef FREE_FIELD
    sg_statement_init(s);
}

static int dup_field(char **dst, const char *src)
{
    *dst = NULL;
    if (src == NULL)
        return 0;
    *dst = strdup(src);
    return *dst == NULL ? -1 : 0;
}

sg_status sg_statement_copy(sg_statement *out, const sg_statement *src)
{
    sg_statement_init(out);
    int bad = 0;
#define COPY_FIELD(f) bad |= dup_field(&out->f, src->f);
    SG_STATEMENT_STRINGS(COPY_FIELD)
#undef COPY_FIELD
    if (bad) {
        sg_statement_destroy(out);
        return SG_ENOMEM;
    }
    out->stance = src->stance;
    out->weight = src->weight;
    out->flags = src->flags;
    out->sentence = src->sentence;
    out->span_start = src->span_start;
    out->span_end = src->span_end;
    return SG_OK;
}

void sg_statement_list_init(sg_statement_list *list)
{
    memset(list, 0, sizeof(*list));
}

void sg_statement_list_destroy(sg_statement_list *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->n; i++)
        sg_statement_destroy(&list->items[i]);
    free(list->items);
    sg_statement_list_init(list);
}

sg_status sg_statement_list_take(sg_statement_list *list, sg_statement *s)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        if (cap > ((size_t)-1) / sizeof(sg_statement))
            return SG_ENOMEM;
        sg_statement *items = realloc(list->items, cap * sizeof(sg_statement));
        if (items == NULL)
            return SG_ENOMEM;
        list->items = items;
        list->cap = cap;
    }
    list->items[list->n++] = *s;
    sg_statement_init(s);
    return SG_OK;
}

/* The members a statement may have, found in one pass over the object (the first of
 * a repeated name counts, as with cJSON_GetObjectItemCaseSensitive). */
enum {
    F_ID, F_DOC, F_DATE, F_SOURCE, F_ACTOR, F_PERSON, F_COUNTRY, F_MENTION, F_TOPIC,
    F_TARGET, F_CUE, F_RULE, F_TEXT, F_STANCE, F_WEIGHT, F_SENTENCE, F_FLAGS, F_SPAN, F_N
};
static const char *const field_names[F_N] = {
    "id", "doc", "date", "source", "actor", "person", "country", "mention", "topic",
    "target", "cue", "rule", "text", "stance", "weight", "sentence", "flags", "span"};

static void find_fields(const cJSON *obj, const cJSON *item[F_N])
{
    for (int f = 0; f < F_N; f++)
        item[f] = NULL;
    for (const cJSON *c = obj->child; c != NULL; c = c->next) {
        const char *k = c->string;
        if (k == NULL)
            continue;
        for (int f = 0; f < F_N; f++)
            if (k[0] == field_names[f][0] && strcmp(k, field_names[f]) == 0) {
                if (item[f] == NULL)
                    item[f] = c;
                break;
            }
    }
}

/* Copy an optional string member; a present non-string (other than null) is an error. */
static sg_status get_string(char **dst, const cJSON *item, const char *key, int required,
                            const char *name, long line_no, sg_error *err)
{
    if (item == NULL || cJSON_IsNull(item)) {
        if (required)
            return sg_error_set(err, SG_EINPUT, name, line_no, "missing required field \"%s\"", key);
        return SG_OK;
    }
    if (!cJSON_IsString(item) || item->valuestring == NULL)
        return sg_error_set(err, SG_EINPUT, name, line_no, "field \"%s\" must be a string", key);
    if (required && item->valuestring[0] == '\0')
        return sg_error_set(err, SG_EINPUT, name, line_no, "field \"%s\" is empty", key);
    *dst = strdup(item->valuestring);
    if (*dst == NULL)
        return sg_error_set(err, SG_ENOMEM, name, line_no, "out of memory");
    return SG_OK;
}

static sg_status get_number(double *dst, const cJSON *item, const char *key, int *present,
                            const char *name, long line_no, sg_error *err)
{
    *present = 0;
    if (item == NULL || cJSON_IsNull(item))
        return SG_OK;
    if (!cJSON_IsNumber(item) || !isfinite(item->valuedouble))
        return sg_error_set(err, SG_EINPUT, name, line_no, "field \"%s\" must be a number", key);
    *dst = item->valuedouble;
    *present = 1;
    return SG_OK;
}

static sg_status parse_fields(sg_statement *s, const cJSON *obj, const char *name,
                              long line_no, sg_error *err)
{
    sg_status rc;
    const cJSON *item[F_N];
    find_fields(obj, item);
#define REQ(f, F) \
    if ((rc = get_string(&s->f, item[F], #f, 1, name, line_no, err)) != SG_OK) return rc;
#define OPT(f, F) \
    if ((rc = get_string(&s->f, item[F], #f, 0, name, line_no, err)) != SG_OK) return rc;
    REQ(doc, F_DOC) REQ(actor, F_ACTOR) REQ(topic, F_TOPIC)
    OPT(id, F_ID) OPT(date, F_DATE) OPT(source, F_SOURCE) OPT(person, F_PERSON)
    OPT(country, F_COUNTRY) OPT(mention, F_MENTION) OPT(target, F_TARGET)
    OPT(cue, F_CUE) OPT(rule, F_RULE) OPT(text, F_TEXT)
#undef REQ
#undef OPT
    double v = 0;
    int present = 0;
    if ((rc = get_number(&v, item[F_STANCE], "stance", &present, name, line_no, err)) != SG_OK)
        return rc;
    if (!present)
        return sg_error_set(err, SG_EINPUT, name, line_no, "missing required field \"stance\"");
    if (v != -1.0 && v != 0.0 && v != 1.0)
        return sg_error_set(err, SG_EINPUT, name, line_no, "\"stance\" must be -1, 0 or 1, not %g", v);
    s->stance = (int)v;
    if ((rc = get_number(&v, item[F_WEIGHT], "weight", &present, name, line_no, err)) != SG_OK)
        return rc;
    if (present) {
        if (!(v > 0.0) || v > SG_MAX_WEIGHT)
            return sg_error_set(err, SG_EINPUT, name, line_no,
                                "\"weight\" must be > 0 and at most 1e12, not %g", v);
        s->weight = v;
    }
    if ((rc = get_number(&v, item[F_SENTENCE], "sentence", &present, name, line_no, err)) !=
        SG_OK)
        return rc;
    if (present && !sg_num_to_long(v, 0, (long)SG_MAX_JSON_INT, &s->sentence))
        return sg_error_set(err, SG_EINPUT, name, line_no,
                            "\"sentence\" must be a whole number >= 0, not %g", v);
    const cJSON *flags = item[F_FLAGS];
    if (flags != NULL && !cJSON_IsNull(flags)) {
        if (!cJSON_IsArray(flags))
            return sg_error_set(err, SG_EINPUT, name, line_no, "\"flags\" must be an array");
        const cJSON *f;
        cJSON_ArrayForEach(f, flags) {
            unsigned bit = cJSON_IsString(f) ? sg_flag_from_name(f->valuestring) : 0;
            if (bit == 0)
                return sg_error_set(err, SG_EINPUT, name, line_no, "unknown flag in \"flags\"");
            s->flags |= bit;
        }
    }
    const cJSON *span = item[F_SPAN];
    if (span != NULL && !cJSON_IsNull(span)) {
        if (!cJSON_IsArray(span) || cJSON_GetArraySize(span) != 2 ||
            !cJSON_IsNumber(cJSON_GetArrayItem(span, 0)) ||
            !cJSON_IsNumber(cJSON_GetArrayItem(span, 1)))
            return sg_error_set(err, SG_EINPUT, name, line_no, "\"span\" must be [start, end]");
        double a = cJSON_GetArrayItem(span, 0)->valuedouble;
        double b = cJSON_GetArrayItem(span, 1)->valuedouble;
        if (!sg_num_to_long(a, 0, (long)SG_MAX_JSON_INT, &s->span_start) ||
            !sg_num_to_long(b, 0, (long)SG_MAX_JSON_INT, &s->span_end) ||
            s->span_end < s->span_start)
            return sg_error_set(err, SG_EINPUT, name, line_no,
                                "\"span\" must be two byte offsets 0 <= start <= end");
    }
    return SG_OK;
}

sg_status sg_statement_parse(sg_statement *out, const char *json, size_t len,
                             const char *name, long line_no, sg_error *err)
{
    sg_statement_init(out);
    size_t bad = 0;
    if (!sg_utf8_valid(json, len, &bad))
        return sg_error_set(err, SG_EINPUT, name, line_no, "invalid UTF-8 at byte %zu of the line", bad);
    size_t at = 0;
    const char *problem = NULL;
    cJSON *obj = NULL;
    sg_status prc = sg_json_parse_one(&obj, json, len, &at, &problem);
    if (prc == SG_ENOMEM)
        return sg_error_set(err, SG_ENOMEM, name, line_no, "out of memory");
    if (prc != SG_OK)
        return sg_error_set(err, SG_EINPUT, name, line_no, "%s near byte %zu", problem, at);
    sg_status rc = SG_OK;
    if (!cJSON_IsObject(obj)) {
        rc = sg_error_set(err, SG_EINPUT, name, line_no, "a statement must be a JSON object");
        goto done;
    }
    rc = parse_fields(out, obj, name, line_no, err);
done:
    cJSON_Delete(obj);
    if (rc != SG_OK)
        sg_statement_destroy(out);
    return rc;
}

/* A string member, or nothing when value is NULL (null_ok: a JSON null). */
static void put_string(sg_jsonw *w, const char *key, const char *value, int null_ok)
{
    if (value != NULL || null_ok)
        sg_jsonw_kstr(w, key, value);
}

/* Weights are rounded to 6 decimals so that output is stable and short (no "-0"). */
static double round6(double v)
{
    double r = round(v * 1e6) / 1e6;
    return r == 0.0 ? 0.0 : r;
}

/* One statement as one compact JSON object, fixed key order, through the writer. */
static void write_statement(sg_jsonw *w, const sg_statement *s)
{
    sg_jsonw_obj(w);
    put_string(w, "id", s->id, 0);
    put_string(w, "doc", s->doc, 0);
    put_string(w, "date", s->date, 0);
    put_string(w, "source", s->source, 0);
    put_string(w, "actor", s->actor, 0);
    put_string(w, "person", s->person, 0);
    put_string(w, "country", s->country, 0);
    put_string(w, "mention", s->mention, 0);
    put_string(w, "topic", s->topic, 0);
    put_string(w, "target", s->target, 1);
    sg_jsonw_kint(w, "stance", s->stance);
    sg_jsonw_knum(w, "weight", round6(s->weight));
    put_string(w, "cue", s->cue, 0);
    put_string(w, "rule", s->rule, 0);
    sg_jsonw_key(w, "flags");
    sg_jsonw_arr(w);
    for (unsigned i = 0; i < SG_FLAG_COUNT; i++)
        if (s->flags & (1u << i))
            sg_jsonw_str(w, flag_names[i]);
    sg_jsonw_arr_end(w);
    if (s->sentence > 0)
        sg_jsonw_kint(w, "sentence", s->sentence);
    if (s->span_start >= 0) {
        sg_jsonw_key(w, "span");
        sg_jsonw_arr(w);
        sg_jsonw_int(w, s->span_start);
        sg_jsonw_int(w, s->span_end);
        sg_jsonw_arr_end(w);
    }
    put_string(w, "text", s->text, 0);
    sg_jsonw_obj_end(w);
}

sg_status sg_statement_to_json(char **out, const sg_statement *s)
{
    sg_jsonw w;
    sg_jsonw_init(&w, NULL);
    write_statement(&w, s);
    return sg_jsonw_finish(&w, out, NULL);
}

sg_status sg_statement_append_json(char **buf, size_t *len, size_t *cap, const sg_statement *s)
{
    sg_jsonw w;
    sg_jsonw_init(&w, NULL);
    w.buf = *buf; /* the writer appends to the caller's buffer */
    w.len = *len;
    w.cap = *cap;
    write_statement(&w, s);
    sg_jsonw_raw(&w, "\n");
    sg_status st = w.status;
    *buf = w.buf; /* may have moved, even on failure */
    *cap = w.cap;
    if (st == SG_OK)
        *len = w.len;
    if (*buf != NULL && *cap > *len)
        (*buf)[*len] = '\0'; /* the writer keeps room for it */
    return st;
}

/* Skip a UTF-8 byte-order mark at the very start of a stream. */
static size_t skip_bom(const char *line, size_t len, long line_no)
{
    if (line_no == 1 && len >= 3 && (unsigned char)line[0] == 0xEF &&
        (unsigned char)line[1] == 0xBB && (unsigned char)line[2] == 0xBF)
        return 3;
    return 0;
}

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

sg_status sg_statements_each(FILE *fp, const char *name, sg_statement_fn fn, void *ctx,
                             sg_error *err)
{
    char *line = NULL;
    size_t cap = 0;
    long line_no = 0;
    sg_status rc = SG_OK;
    ssize_t got;
    errno = 0;
    while ((got = getline(&line, &cap, fp)) >= 0) {
        line_no++;
        size_t off = skip_bom(line, (size_t)got, line_no);
        size_t len = (size_t)got - off;
        if (memchr(line + off, '\0', len) != NULL) {
            rc = sg_error_set(err, SG_EINPUT, name, line_no, "NUL byte in a JSON line (binary input?)");
            break;
        }
        if (is_blank(line + off, len))
            continue;
        sg_statement s;
        rc = sg_statement_parse(&s, line + off, len, name, line_no, err);
        if (rc != SG_OK)
            break;
        rc = fn(ctx, &s, err);
        sg_statement_destroy(&s);
        if (rc != SG_OK)
            break;
    }
    if (rc == SG_OK && ferror(fp))
        rc = sg_error_set(err, SG_EIO, name, line_no, "read error: %s", strerror(errno));
    free(line);
    return rc;
}

static sg_status take_into_list(void *ctx, sg_statement *s, sg_error *err)
{
    sg_statement_list *list = ctx;
    if (sg_statement_list_take(list, s) != SG_OK)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    return SG_OK;
}

sg_status sg_statements_read(sg_statement_list *list, FILE *fp, const char *name, sg_error *err)
{
    return sg_statements_each(fp, name, take_into_list, list, err);
}

sg_status sg_statements_write(const sg_statement_list *list, FILE *fp, sg_error *err)
{
    sg_jsonw w;
    sg_jsonw_init(&w, fp);
    for (size_t i = 0; i < list->n && w.status == SG_OK; i++) {
        write_statement(&w, &list->items[i]);
        sg_jsonw_raw(&w, "\n");
    }
    sg_status st = sg_jsonw_finish(&w, NULL, NULL);
    if (st == SG_EIO)
        return sg_error_set(err, SG_EIO, NULL, 0, "write failed: %s", strerror(errno));
    if (st != SG_OK)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    return SG_OK;
}

int sg_date_valid(const char *s)
{
    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}
