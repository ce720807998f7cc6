/* cli_docs.c - documents from files (text or JSONL) into the extractor. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli_docs.h"
#include "cli/cli.h"
#include "cli/cli_feedback.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stancegraph/text.h"

sg_status sg_cli_load_lexicon(sg_lexicon **out, const sg_cli_extract_args *a, sg_error *err)
{
    sg_status rc = sg_lexicon_load(out, a->lexicon, a->topics_file, err);
    if (rc != SG_OK)
        return rc;
    for (size_t i = 0; i < sg_lexicon_overridden_count(*out); i++)
        sg_cli_note("%s redefines the built-in topic \"%s\"; its definition is used",
                    a->topics_file, sg_lexicon_overridden_topic(*out, i));
    if (a->topic && !sg_lexicon_has_topic(*out, a->topic)) {
        char known[2048];
        size_t len = 0;
        known[0] = '\0';
        for (size_t i = 0; i < sg_lexicon_topic_count(*out) && len + 2 < sizeof(known); i++)
            len += (size_t)snprintf(known + len, sizeof(known) - len, "%s%s", i ? ", " : "",
                                    sg_lexicon_topic_id(*out, i));
        sg_lexicon_free(*out);
        *out = NULL;
        return sg_error_set(err, SG_EUSAGE, a->topics_file ? a->topics_file : NULL, 0,
                            "unknown topic \"%s\"; known topics: %s (or define it in a "
                            "--topics file)", a->topic, known);
    }
    return SG_OK;
}

int sg_cli_extract_option(sg_cli_extract_args *a, int ch, const char *arg, const char *cmd)
{
    switch (ch) {
    case 't': a->topic = arg; return 1;
    case 'T': a->topics_file = arg; return 1;
    case 'L': a->lexicon = arg; return 1;
    case 'R': a->relations = 0; return 1;
    case 'd':
        if (!sg_date_valid(arg)) {
            sg_cli_usage_error(cmd, "--date needs a real date YYYY-MM-DD, not '%s'", arg);
            return -1;
        }
        a->date = arg;
        return 1;
    case 'f':
        if (strcmp(arg, "auto") != 0 && strcmp(arg, "text") != 0 && strcmp(arg, "jsonl") != 0) {
            sg_cli_usage_error(cmd, "--format must be auto, text or jsonl");
            return -1;
        }
        a->format = arg;
        return 1;
    case 'a':
        if (strcmp(arg, "person") != 0 && strcmp(arg, "group") != 0) {
            sg_cli_usage_error(cmd, "--actor-level must be group or person");
            return -1;
        }
        a->level_person = strcmp(arg, "person") == 0;
        return 1;
    case 'j': {
        char *end = NULL;
        long v = strtol(arg, &end, 10);
        if (end == arg || *end || v < 1 || v > 64) {
            sg_cli_usage_error(cmd, "--jobs needs a number from 1 to 64");
            return -1;
        }
        a->jobs = (int)v;
        return 1;
    }
    default:
        return 0;
    }
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Document id: the file name without directory and extension. */
static void doc_id(const char *path, char *buf, size_t n)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strcmp(path, "-") == 0)
        base = "stdin";
    snprintf(buf, n, "%s", base);
    char *dot = strrchr(buf, '.');
    if (dot && dot != buf)
        *dot = '\0';
}

/* A YYYY-MM-DD date in the file name, or "". */
static void date_from_name(const char *name, char *buf)
{
    buf[0] = '\0';
    size_t n = strlen(name);
    for (size_t i = 0; i + 10 <= n; i++) {
        const char *p = name + i;
        int ok = 1;
        for (int k = 0; k < 10 && ok; k++)
            ok = (k == 4 || k == 7) ? p[k] == '-' : isdigit((unsigned char)p[k]) != 0;
        if (ok && (i == 0 || !isdigit((unsigned char)p[-1])) &&
            (i + 10 == n || !isdigit((unsigned char)p[10]))) {
            memcpy(buf, p, 10);
            buf[10] = '\0';
            return;
        }
    }
}

/* One document to extract: a whole text file, or one line of a JSONL file. */
typedef struct doc_job {
    const char *path;      /* file as given ("-" for stdin) */
    const char *data;      /* text, or the JSON line */
    size_t len;
    long line;             /* 0 for a text file */
    sg_statement_list out;
    char *jsonl;           /* the statements as JSON lines, when streaming */
    size_t jsonl_len;
    sg_error err;
    sg_status rc;
} doc_job;

static sg_extract_options extract_options(const sg_cli_extract_args *a)
{
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = a->topic;
    o.level = a->level_person ? SG_LEVEL_PERSON : SG_LEVEL_GROUP;
    o.include_relations = a->relations;
    return o;
}

static sg_status run_text(doc_job *j, const sg_lexicon *lex, const sg_cli_extract_args *a)
{
    char id[256], date[16];
    doc_id(j->path, id, sizeof(id));
    date_from_name(id, date);
    if (a->date)
        snprintf(date, sizeof(date), "%s", a->date);
    else if (date[0] && !sg_date_valid(date)) {
        sg_cli_warn("%s: %s in the file name is not a real date: the document has no date "
                    "(give --date)", sg_cli_name(j->path), date);
        date[0] = '\0';
    }
    const char *name = sg_cli_name(j->path);
    size_t bad = 0;
    if (j->len == 0)
        return sg_error_set(&j->err, SG_EINPUT, name, 0, "empty file");
    if (!sg_utf8_valid(j->data, j->len, &bad)) {
        long line = 1;
        for (size_t i = 0; i < bad; i++)
            line += j->data[i] == '\n';
        return sg_error_set(&j->err, SG_EINPUT, name, line,
                            "invalid UTF-8 (or binary data) at byte %zu", bad);
    }
    sg_document doc = {id, date[0] ? date : NULL, NULL, j->data, j->len};
    sg_extract_options o = extract_options(a);
    sg_status rc = sg_extract_document(&j->out, lex, &doc, &o, &j->err);
    if (rc != SG_OK && j->err.file[0] == '\0')
        snprintf(j->err.file, sizeof(j->err.file), "%s", name);
    return rc;
}

static const char *json_str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static sg_status run_jsonl(doc_job *j, const sg_lexicon *lex, const sg_cli_extract_args *a)
{
    const char *name = sg_cli_name(j->path);
    size_t bad = 0;
    if (!sg_utf8_valid(j->data, j->len, &bad))
        return sg_error_set(&j->err, SG_EINPUT, name, j->line,
                            "invalid UTF-8 at byte %zu of the line", bad);
    const char *stop = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(j->data, j->len, &stop, 0);
    if (o == NULL)
        return sg_error_set(&j->err, SG_EINPUT, name, j->line, "malformed JSON near byte %zu",
                            stop ? (size_t)(stop - j->data) : 0);
    const char *id = json_str(o, "id"), *body = json_str(o, "text");
    sg_status rc;
    if (!cJSON_IsObject(o) || id == NULL || body == NULL) {
        rc = sg_error_set(&j->err, SG_EINPUT, name, j->line,
                          "a document needs string fields \"id\" and \"text\"");
    } else {
        const char *date = a->date ? a->date : json_str(o, "date");
        if (date && !sg_date_valid(date)) {
            rc = sg_error_set(&j->err, SG_EINPUT, name, j->line,
                              "\"date\" must be a real date YYYY-MM-DD, not \"%.20s\"", date);
            cJSON_Delete(o);
            return rc;
        }
        sg_document doc = {id, date, json_str(o, "source"), body, strlen(body)};
        sg_extract_options opt = extract_options(a);
        rc = sg_extract_document(&j->out, lex, &doc, &opt, &j->err);
        if (rc != SG_OK) {
            snprintf(j->err.file, sizeof(j->err.file), "%s", name);
            j->err.line = j->line;
        }
    }
    cJSON_Delete(o);
    return rc;
}

typedef struct pool {
    doc_job *jobs;
    size_t n;
    size_t next;           /* next job to take, under lock */
    pthread_mutex_t lock;
    const sg_lexicon *lex;
    const sg_cli_extract_args *a;
    int serialize;         /* workers also turn statements into JSON lines */
} pool;

/* Serialise a job's statements into one JSONL buffer and free the records, so that the
 * costly printing runs on the worker threads too. */
static sg_status serialize_job(doc_job *j)
{
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return SG_ENOMEM;
    for (size_t i = 0; i < j->out.n; i++) {
        char *line = NULL;
        if (sg_statement_to_json(&line, &j->out.items[i]) != SG_OK) {
            free(buf);
            return SG_ENOMEM;
        }
        size_t n = strlen(line);
        if (len + n + 2 > cap) {
            while (len + n + 2 > cap)
                cap *= 2;
            char *nb = realloc(buf, cap);
            if (nb == NULL) {
                free(line);
                free(buf);
                return SG_ENOMEM;
            }
            buf = nb;
        }
        memcpy(buf + len, line, n);
        len += n;
        buf[len++] = '\n';
        free(line);
    }
    j->jsonl = buf;
    j->jsonl_len = len;
    sg_statement_list_destroy(&j->out);
    return SG_OK;
}

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            return NULL;
        doc_job *j = &p->jobs[i];
        j->rc = j->line > 0 ? run_jsonl(j, p->lex, p->a) : run_text(j, p->lex, p->a);
        for (size_t k = 0; j->rc == SG_OK && k < j->out.n; k++)
            sg_cli_count_statement(&j->out.items[k]);
        sg_cli_progress_done(j->len);
        if (j->rc == SG_OK && p->serialize && serialize_job(j) != SG_OK)
            j->rc = sg_error_set(&j->err, SG_ENOMEM, NULL, 0, "out of memory");
    }
}

static int is_blank_line(const char *p, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!isspace((unsigned char)p[k]))
            return 0;
    return 1;
}

/* Does buf look like JSONL documents? Its first non-blank line is a JSON object with a
 * string "text" (so JSONL on stdin, or in a file without the .jsonl suffix, is read as
 * documents, not as one article). */
static int looks_jsonl(const char *buf, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && isspace((unsigned char)buf[i]))
        i++;
    if (i >= len || buf[i] != '{')
        return 0;
    const char *nl = memchr(buf + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - buf) : len;
    cJSON *o = cJSON_ParseWithLength(buf + i, end - i);
    int yes = cJSON_IsObject(o) && json_str(o, "text") != NULL;
    cJSON_Delete(o);
    return yes;
}

/* Split every input into jobs (a text file is one; a JSONL file one per non-blank line). */
static sg_status make_jobs(doc_job **out, size_t *n_out, char **bufs, size_t *lens,
                           char **files, int n_files, const sg_cli_extract_args *a, sg_error *err)
{
    size_t cap = 16, n = 0;
    doc_job *jobs = calloc(cap, sizeof(doc_job));
    if (jobs == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (int f = 0; f < n_files; f++) {
        int jsonl = strcmp(a->format, "jsonl") == 0 ||
                    (strcmp(a->format, "auto") == 0 &&
                     (ends_with(files[f], ".jsonl") || ends_with(files[f], ".ndjson") ||
                      looks_jsonl(bufs[f], lens[f])));
        size_t pos = 0, docs = 0;
        long line = 0;
        do {
            const char *data = bufs[f];
            size_t len = lens[f];
            if (jsonl) {
                const char *nl = memchr(bufs[f] + pos, '\n', lens[f] - pos);
                size_t end = nl ? (size_t)(nl - bufs[f]) : lens[f];
                data = bufs[f] + pos;
                len = end - pos;
                pos = end + 1;
                line++;
                if (is_blank_line(data, len))
                    continue;
            }
            if (n == cap) {
                doc_job *p = realloc(jobs, 2 * cap * sizeof(doc_job));
                if (p == NULL) {
                    free(jobs);
                    return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
                }
                memset(p + cap, 0, cap * sizeof(doc_job));
                jobs = p;
                cap *= 2;
            }
            jobs[n].path = files[f];
            jobs[n].data = data;
            jobs[n].len = len;
            jobs[n].line = jsonl ? line : 0;
            sg_statement_list_init(&jobs[n].out);
            n++;
            docs++;
        } while (jsonl && pos < lens[f]);
        if (jsonl && docs == 0) {
            free(jobs);
            return sg_error_set(err, SG_EINPUT, sg_cli_name(files[f]), 0, "no documents in this file");
        }
    }
    *out = jobs;
    *n_out = n;
    return SG_OK;
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* Run jobs [first, first + n) on the pool's threads. */
static void run_batch(pool *p, doc_job *jobs, size_t n, int n_threads)
{
    p->jobs = jobs;
    p->n = n;
    p->next = 0;
    if ((size_t)n_threads > n)
        n_threads = n > 0 ? (int)n : 1;
    pthread_t th[64];
    int started = 0;
    for (int t = 1; t < n_threads && t < 64; t++)
        if (pthread_create(&th[started], NULL, worker, p) == 0)
            started++;
    worker(p); /* the calling thread works too */
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
}

/* Documents per batch when streaming: bounds the statements held in memory. */
#define SG_STREAM_BATCH 4096

/* Shared driver: with stream set, statements are written to it batch by batch (and out
 * stays empty); otherwise they are appended to out. */
static sg_status extract_files(sg_statement_list *out, FILE *stream, const sg_lexicon *lex,
                               const sg_cli_extract_args *a, char **files, int n_files,
                               sg_error *err)
{
    char **bufs = calloc((size_t)n_files + 1, sizeof(char *));
    size_t *lens = calloc((size_t)n_files + 1, sizeof(size_t));
    doc_job *jobs = NULL;
    size_t n_jobs = 0;
    sg_status rc = SG_OK;
    if (bufs == NULL || lens == NULL) {
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    for (int i = 0; i < n_files && rc == SG_OK; i++)
        rc = sg_cli_read_file(files[i], &bufs[i], &lens[i], err);
    if (rc == SG_OK)
        rc = make_jobs(&jobs, &n_jobs, bufs, lens, files, n_files, a, err);
    if (rc != SG_OK)
        goto done;
    pool p = {NULL, 0, 0, PTHREAD_MUTEX_INITIALIZER, lex, a, stream != NULL};
    size_t total_bytes = 0;
    for (int i = 0; i < n_files; i++)
        total_bytes += lens[i];
    sg_cli_progress_begin(n_jobs, total_bytes);
    int n_threads = a->jobs > 0 ? a->jobs : default_jobs();
    size_t batch = stream ? SG_STREAM_BATCH : n_jobs;
    for (size_t b = 0; b < n_jobs && rc == SG_OK; b += batch) {
        size_t n = n_jobs - b < batch ? n_jobs - b : batch;
        run_batch(&p, jobs + b, n, n_threads);
        /* the first failing document in input order decides the error */
        for (size_t i = b; i < b + n && rc == SG_OK; i++) {
            if (jobs[i].rc != SG_OK) {
                if (err)
                    *err = jobs[i].err;
                rc = jobs[i].rc;
                break;
            }
            if (stream) {
                if (jobs[i].jsonl_len && fwrite(jobs[i].jsonl, 1, jobs[i].jsonl_len, stream) !=
                                             jobs[i].jsonl_len)
                    rc = sg_error_set(err, SG_EIO, NULL, 0, "writing output failed");
            } else {
                for (size_t k = 0; k < jobs[i].out.n && rc == SG_OK; k++)
                    if (sg_statement_list_take(out, &jobs[i].out.items[k]) != SG_OK)
                        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
            }
        }
        for (size_t i = b; i < b + n; i++) {
            sg_statement_list_destroy(&jobs[i].out);
            free(jobs[i].jsonl);
            jobs[i].jsonl = NULL;
        }
    }
    sg_cli_progress_end();
done:
    for (size_t i = 0; i < n_jobs; i++) {
        sg_statement_list_destroy(&jobs[i].out);
        free(jobs[i].jsonl);
    }
    free(jobs);
    for (int i = 0; bufs && i < n_files; i++)
        free(bufs[i]);
    free(bufs);
    free(lens);
    return rc;
}

sg_status sg_cli_extract_files(sg_statement_list *out, const sg_lexicon *lex,
                               const sg_cli_extract_args *a, char **files, int n_files,
                               sg_error *err)
{
    return extract_files(out, NULL, lex, a, files, n_files, err);
}

sg_status sg_cli_extract_stream(FILE *stream, const sg_lexicon *lex,
                                const sg_cli_extract_args *a, char **files, int n_files,
                                sg_error *err)
{
    return extract_files(NULL, stream, lex, a, files, n_files, err);
}
