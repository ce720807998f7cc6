/* eval.c - gold stances (cJSON), per-document scoring and the confusion table. */
#define _POSIX_C_SOURCE 200809L
#include "stancegraph/eval.h"
#include "stancegraph/text.h"
#include "common/json.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ST_SUPPORT, ST_OPPOSE, ST_NEUTRAL, ST_MISSING, ST_N };
static const char *const st_names[ST_N] = {"support", "oppose", "neutral", "-"};

typedef struct gold_stance {
    char *actor;
    int stance;
} gold_stance;

typedef struct gold_doc {
    char *file, *topic;
    gold_stance *st;
    size_t n;
} gold_doc;

typedef struct actor_row {
    char *actor;
    size_t cell[ST_N][ST_N]; /* [gold][predicted] */
} actor_row;

struct sg_eval {
    gold_doc *docs;
    size_t n_docs;
    sg_eval_canon_fn canon;
    void *canon_ctx;
    sg_eval_result r;
    actor_row *rows;
    size_t n_rows;
    char *misses;      /* text of per-document misses */
    size_t misses_len;
};

static const char *canon(const sg_eval *ev, const char *name)
{
    const char *c = ev->canon ? ev->canon(ev->canon_ctx, name) : NULL;
    return c ? c : name;
}

void sg_eval_free(sg_eval *ev)
{
    if (ev == NULL)
        return;
    for (size_t i = 0; i < ev->n_docs; i++) {
        free(ev->docs[i].file);
        free(ev->docs[i].topic);
        for (size_t k = 0; k < ev->docs[i].n; k++)
            free(ev->docs[i].st[k].actor);
        free(ev->docs[i].st);
    }
    free(ev->docs);
    for (size_t i = 0; i < ev->n_rows; i++)
        free(ev->rows[i].actor);
    free(ev->rows);
    free(ev->misses);
    free(ev);
}

static int stance_index(const char *s)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, st_names[i]) == 0)
            return i;
    return -1;
}

/* A gold "file" names a document inside the corpus directory: a relative path without
 * "." or ".." components, so that `eval --corpus DIR` never reads outside DIR
 * ("../../../../etc/shadow", "/etc/passwd"). */
static int confined_path(const char *f)
{
    if (f[0] == '\0' || f[0] == '/' || f[0] == '\\' || strchr(f, '\\') != NULL)
        return 0;
    for (const char *p = f; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        p += n;
        if (*p == '/')
            p++;
    }
    return 1;
}

static sg_status parse_doc(sg_eval *ev, gold_doc *d, const cJSON *o, const char *name,
                           long line, sg_error *err)
{
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(o, "file");
    const cJSON *topic = cJSON_GetObjectItemCaseSensitive(o, "topic");
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(o, "stances");
    if (!cJSON_IsString(file) || !cJSON_IsString(topic) || !cJSON_IsArray(st))
        return sg_error_set(err, SG_EINPUT, name, line, "a gold line needs \"file\", \"topic\" and \"stances\"");
    if (!confined_path(file->valuestring))
        return sg_error_set(err, SG_EINPUT, name, line,
                            "\"file\" must be a relative path inside the corpus (no \"..\")");
    d->file = strdup(file->valuestring);
    d->topic = strdup(topic->valuestring);
    d->st = calloc((size_t)cJSON_GetArraySize(st) + 1, sizeof(gold_stance));
    if (!d->file || !d->topic || !d->st)
        return sg_error_set(err, SG_ENOMEM, name, line, "out of memory");
    const cJSON *s;
    cJSON_ArrayForEach(s, st) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(s, "actor");
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(s, "stance");
        int idx = cJSON_IsString(v) ? stance_index(v->valuestring) : -1;
        if (!cJSON_IsString(a) || idx < 0)
            return sg_error_set(err, SG_EINPUT, name, line,
                                "each stance needs \"actor\" and \"stance\" (support, oppose or neutral)");
        if ((d->st[d->n].actor = strdup(canon(ev, a->valuestring))) == NULL)
            return sg_error_set(err, SG_ENOMEM, name, line, "out of memory");
        d->st[d->n++].stance = idx;
    }
    return SG_OK;
}

sg_status sg_eval_new(sg_eval **out, const char *gold, size_t len, const char *name,
                      sg_eval_canon_fn canon_fn, void *canon_ctx, sg_error *err)
{
    *out = NULL;
    sg_eval *ev = calloc(1, sizeof(*ev));
    if (ev == NULL)
        return sg_error_set(err, SG_ENOMEM, name, 0, "out of memory");
    ev->canon = canon_fn;
    ev->canon_ctx = canon_ctx;
    sg_status rc = SG_OK;
    size_t pos = 0;
    long line = 0;
    while (pos < len && rc == SG_OK) {
        const char *nl = memchr(gold + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - gold) : len;
        line++;
        const char *p = gold + pos;
        size_t n = end - pos;
        pos = end + 1;
        size_t k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
            k++;
        if (k == n)
            continue;
        size_t at = 0;
        const char *problem = NULL;
        if (memchr(p, '\0', n) != NULL || !sg_utf8_valid(p, n, &at)) {
            rc = sg_error_set(err, SG_EINPUT, name, line, "invalid UTF-8 or a NUL byte");
            break;
        }
        cJSON *o = NULL;
        sg_status prc = sg_json_parse_one(&o, p, n, &at, &problem);
        if (prc == SG_ENOMEM) {
            rc = sg_error_set(err, SG_ENOMEM, name, line, "out of memory");
            break;
        }
        if (o == NULL || !cJSON_IsObject(o)) {
            rc = sg_error_set(err, SG_EINPUT, name, line, "%s near byte %zu",
                              o ? "a gold line must be a JSON object" : problem, at);
            cJSON_Delete(o);
            break;
        }
        gold_doc *nd = realloc(ev->docs, (ev->n_docs + 1) * sizeof(gold_doc));
        if (nd == NULL) {
            cJSON_Delete(o);
            rc = sg_error_set(err, SG_ENOMEM, name, line, "out of memory");
            break;
        }
        ev->docs = nd;
        memset(&ev->docs[ev->n_docs], 0, sizeof(gold_doc));
        rc = parse_doc(ev, &ev->docs[ev->n_docs++], o, name, line, err);
        cJSON_Delete(o);
    }
    if (rc == SG_OK && ev->n_docs == 0)
        rc = sg_error_set(err, SG_EINPUT, name, 0, "no gold documents");
    if (rc != SG_OK) {
        sg_eval_free(ev);
        return rc;
    }
    *out = ev;
    return SG_OK;
}

size_t sg_eval_n_docs(const sg_eval *ev) { return ev->n_docs; }
const char *sg_eval_doc_file(const sg_eval *ev, size_t i) { return ev->docs[i].file; }
const char *sg_eval_doc_topic(const sg_eval *ev, size_t i) { return ev->docs[i].topic; }

static int note(sg_eval *ev, const char *fmt, ...)
{
    /* formatted at its full length: a fixed buffer cut long names mid-character */
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n < 0 ? NULL : realloc(ev->misses, ev->misses_len + (size_t)n + 1);
    if (p != NULL) {
        vsnprintf(p + ev->misses_len, (size_t)n + 1, fmt, again);
        ev->misses = p;
        ev->misses_len += (size_t)n;
    }
    va_end(again);
    return p == NULL ? -1 : 0;
}

static actor_row *row_for(sg_eval *ev, const char *actor)
{
    for (size_t i = 0; i < ev->n_rows; i++)
        if (strcmp(ev->rows[i].actor, actor) == 0)
            return &ev->rows[i];
    actor_row *p = realloc(ev->rows, (ev->n_rows + 1) * sizeof(actor_row));
    if (p == NULL)
        return NULL;
    ev->rows = p;
    actor_row *r = &ev->rows[ev->n_rows];
    memset(r, 0, sizeof(*r));
    if ((r->actor = strdup(actor)) == NULL)
        return NULL;
    ev->n_rows++;
    return r;
}

typedef struct pred {
    const char *actor;
    double sum;
} pred;

static int label(double sum)
{
    return sum > 1e-9 ? ST_SUPPORT : sum < -1e-9 ? ST_OPPOSE : ST_NEUTRAL;
}

sg_status sg_eval_add(sg_eval *ev, size_t i, const sg_statement_list *list, sg_error *err)
{
    const gold_doc *d = &ev->docs[i];
    pred *p = calloc(list->n + 1, sizeof(pred));
    size_t np = 0;
    if (p == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t k = 0; k < list->n; k++) {
        const sg_statement *s = &list->items[k];
        if (s->target || (s->topic && strcmp(s->topic, d->topic) != 0))
            continue;
        const char *a = canon(ev, s->actor);
        size_t j = 0;
        while (j < np && strcmp(p[j].actor, a) != 0)
            j++;
        if (j == np)
            p[np++].actor = a;
        p[j].sum += s->stance * s->weight;
    }
    int oom = 0;
    for (size_t g = 0; g < d->n; g++) {
        size_t j = 0;
        while (j < np && strcmp(p[j].actor, d->st[g].actor) != 0)
            j++;
        int got = j < np ? label(p[j].sum) : ST_MISSING;
        actor_row *r = row_for(ev, d->st[g].actor);
        oom |= r == NULL;
        if (r)
            r->cell[d->st[g].stance][got]++;
        if (got == ST_MISSING) {
            ev->r.fn++, ev->r.actor_fn++;
            oom |= note(ev, "%s: %s: gold %s, missed\n", d->file, d->st[g].actor, st_names[d->st[g].stance]);
        } else {
            ev->r.actor_tp++;
            if (got == d->st[g].stance) {
                ev->r.tp++;
            } else {
                ev->r.fp++, ev->r.fn++;
                oom |= note(ev, "%s: %s: gold %s, got %s\n", d->file, d->st[g].actor,
                            st_names[d->st[g].stance], st_names[got]);
            }
        }
    }
    for (size_t j = 0; j < np; j++) {
        size_t g = 0;
        while (g < d->n && strcmp(d->st[g].actor, p[j].actor) != 0)
            g++;
        if (g < d->n)
            continue;
        ev->r.fp++, ev->r.actor_fp++;
        actor_row *r = row_for(ev, p[j].actor);
        oom |= r == NULL;
        if (r)
            r->cell[ST_MISSING][label(p[j].sum)]++;
        oom |= note(ev, "%s: %s: not in gold, got %s\n", d->file, p[j].actor, st_names[label(p[j].sum)]);
    }
    free(p);
    return oom ? sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory") : SG_OK;
}

static void prf(size_t tp, size_t fp, size_t fn, double *P, double *R, double *F)
{
    *P = tp + fp ? (double)tp / (double)(tp + fp) : 0.0;
    *R = tp + fn ? (double)tp / (double)(tp + fn) : 0.0;
    *F = *P + *R > 0 ? 2 * *P * *R / (*P + *R) : 0.0;
}

void sg_eval_result_get(const sg_eval *ev, sg_eval_result *out)
{
    *out = ev->r;
    prf(out->tp, out->fp, out->fn, &out->precision, &out->recall, &out->f1);
    prf(out->actor_tp, out->actor_fp, out->actor_fn, &out->actor_precision,
        &out->actor_recall, &out->actor_f1);
}

static int cmp_rows(const void *a, const void *b)
{
    return strcmp(((const actor_row *)a)->actor, ((const actor_row *)b)->actor);
}

/* s cut to at most width characters (never inside a UTF-8 sequence: "%-24.24s" cuts
 * bytes and can leave invalid UTF-8) and padded with spaces to width characters.
 * out holds width * 4 + 1 bytes. */
static void fit_column(char *out, const char *s, size_t width)
{
    size_t o = 0, chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && chars < width; chars++) {
        size_t k = 1;
        while (p[k] && (p[k] & 0xC0) == 0x80 && k < 4)
            k++;
        memcpy(out + o, p, k);
        o += k;
        p += k;
    }
    for (; chars < width; chars++)
        out[o++] = ' ';
    out[o] = '\0';
}

sg_status sg_eval_report(const sg_eval *ev, char **out)
{
    sg_eval_result r;
    sg_eval_result_get(ev, &r);
    size_t cap = ev->misses_len + 512 + ev->n_rows * 160;
    char *buf = malloc(cap);
    if (buf == NULL)
        return SG_ENOMEM;
    actor_row *rows = malloc((ev->n_rows + 1) * sizeof(actor_row));
    if (rows == NULL) {
        free(buf);
        return SG_ENOMEM;
    }
    if (ev->n_rows)
        memcpy(rows, ev->rows, ev->n_rows * sizeof(actor_row));
    qsort(rows, ev->n_rows, sizeof(actor_row), cmp_rows);
    size_t n = 0;
    n += (size_t)snprintf(buf + n, cap - n, "%s", ev->misses ? ev->misses : "");
    n += (size_t)snprintf(buf + n, cap - n,
                          "actors: precision %.3f recall %.3f F1 %.3f\n"
                          "stances: precision %.3f recall %.3f F1 %.3f\n\n"
                          "per actor (gold -> predicted; '-' = missing):\n"
                          "%-24s %7s %7s %7s %7s %7s\n",
                          r.actor_precision, r.actor_recall, r.actor_f1, r.precision,
                          r.recall, r.f1, "actor", "correct", "wrong", "missed", "extra", "total");
    for (size_t i = 0; i < ev->n_rows && n < cap; i++) {
        size_t correct = 0, wrong = 0, missed = 0, extra = 0;
        for (int g = 0; g < ST_N; g++)
            for (int p = 0; p < ST_N; p++) {
                size_t v = rows[i].cell[g][p];
                if (g == ST_MISSING) extra += v;
                else if (p == ST_MISSING) missed += v;
                else if (g == p) correct += v;
                else wrong += v;
            }
        char name[24 * 4 + 1];
        fit_column(name, rows[i].actor, 24);
        n += (size_t)snprintf(buf + n, cap - n, "%s %7zu %7zu %7zu %7zu %7zu\n",
                              name, correct, wrong, missed, extra,
                              correct + wrong + missed + extra);
    }
    free(rows);
    *out = buf;
    return SG_OK;
}
