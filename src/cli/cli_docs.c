/* cli_docs.c - documents from files into the extractor: the library's reader (docs.h)
 * reads one document at a time on this thread (it alone parses JSON: cJSON's error state
 * is global), a bounded ring of slots hands them to the worker threads (this thread takes
 * a short document itself whenever it cannot read on), and the results leave in input
 * order, so the output is the same for any -j and memory is bounded by the ring, not by
 * the input. A document longer than SG_DOC_WINDOW_BYTES is written window by window as
 * its worker finishes each (chunks, with a bounded backlog), so that its statements are
 * not all held until its end. With --strict every document is read once first, so that
 * a malformed line fails the run before any statement is written. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli_docs.h"
#include "cli/cli.h"
#include "cli/cli_feedback.h"

#include <errno.h>
#include <ctype.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stancegraph/docs.h"

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

static sg_extract_options extract_options(const sg_cli_extract_args *a)
{
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = a->topic;
    o.level = a->level_person ? SG_LEVEL_PERSON : SG_LEVEL_GROUP;
    o.include_relations = a->relations;
    return o;
}

/* The statements of one window of a long document as JSON lines, and their actor ids
 * (NUL-separated, for the counts), waiting for the writing thread. */
typedef struct chunk {
    struct chunk *next;
    char *jsonl, *actors;
    size_t jsonl_len, actors_len, n_statements;
} chunk;

/* JSON lines of a long document's windows a worker may have waiting before it pauses
 * for the writing thread. */
#define SG_WINDOW_BACKLOG ((size_t)4 << 20)

/* One document in flight and what became of it. */
typedef struct slot {
    sg_doc *doc;
    sg_statement_list out;
    chunk *chunks, **chunks_tail; /* under lock: windows done, not yet written */
    size_t backlog;               /* under lock: their bytes */
    char *jsonl;           /* the statements as JSON lines, when streaming */
    size_t jsonl_len;
    char *actors;          /* ... and their actor ids, NUL-separated, for the counts */
    size_t actors_len, n_statements;
    sg_error err;
    sg_status rc;
    int done;              /* under the lock */
} slot;

/* The ring: documents [n_written, n_read) are in slots (index mod cap); workers take
 * them in order from n_taken. */
typedef struct ring {
    slot *slots;
    size_t cap;
    size_t n_read, n_taken;  /* under lock */
    int eof, stop;           /* under lock */
    int main_waiting;        /* under lock: the writing thread waits on done */
    pthread_mutex_t lock;
    pthread_cond_t work, done, drained;
    const sg_lexicon *lex;
    const sg_cli_extract_args *a;
    int serialize;           /* workers also turn statements into JSON lines */
    FILE *inline_stream;     /* one thread: long documents' windows are written at once */
} ring;

/* Serialise statements into one JSONL buffer, so that the costly printing runs on the
 * worker threads too, and free them. Fills c's text, ids and count. */
static sg_status serialize_list(sg_statement_list *l, chunk *c)
{
    size_t cap = 0, len = 0;
    char *buf = NULL;
    for (size_t i = 0; i < l->n; i++)
        if (sg_statement_append_json(&buf, &len, &cap, &l->items[i]) != SG_OK) {
            free(buf);
            return SG_ENOMEM;
        }
    c->jsonl = buf;
    c->jsonl_len = len;
    /* what the counts need, in one block: the records are freed here, on the thread that
     * made them (a free on another thread would contend for this thread's arena) */
    size_t ids = 0;
    for (size_t i = 0; i < l->n; i++)
        ids += l->items[i].actor ? strlen(l->items[i].actor) + 1 : 0;
    if ((c->actors = malloc(ids + 1)) == NULL)
        return SG_ENOMEM;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].actor) {
            size_t n = strlen(l->items[i].actor) + 1;
            memcpy(c->actors + c->actors_len, l->items[i].actor, n);
            c->actors_len += n;
        }
    c->n_statements = l->n;
    sg_statement_list_destroy(l);
    return SG_OK;
}

static sg_status serialize_slot(slot *j)
{
    chunk c = {0};
    sg_status rc = serialize_list(&j->out, &c);
    j->jsonl = c.jsonl;
    j->jsonl_len = c.jsonl_len;
    j->actors = c.actors;
    j->actors_len = c.actors_len;
    j->n_statements = c.n_statements;
    return rc;
}

static void chunks_free(chunk *c)
{
    while (c) {
        chunk *next = c->next;
        free(c->jsonl);
        free(c->actors);
        free(c);
        c = next;
    }
}

/* Write chunks in order and free them (the writing thread: it counts the statements). */
static sg_status write_chunks(chunk *c, FILE *stream, sg_error *err)
{
    sg_status rc = SG_OK;
    for (chunk *k = c; k && rc == SG_OK; k = k->next) {
        sg_cli_count_statements(k->n_statements, k->actors, k->actors_len);
        if (k->jsonl_len && fwrite(k->jsonl, 1, k->jsonl_len, stream) != k->jsonl_len)
            rc = sg_error_set(err, SG_EIO, NULL, 0, "writing output failed");
    }
    chunks_free(c);
    return rc;
}

/* Where a long document's windows go (sg_extract_document_windows). */
typedef struct window_sink {
    ring *p;
    slot *j;
    sg_error err; /* when the sink fails */
} window_sink;

/* One window of a long document: to the output at once when one thread does everything
 * (its document is then the one being written), else queued on the slot for the writing
 * thread, pausing while SG_WINDOW_BACKLOG bytes wait. */
static sg_status window_out(sg_statement_list *w, void *arg)
{
    window_sink *k = arg;
    ring *p = k->p;
    chunk *c = calloc(1, sizeof(*c));
    if (c == NULL || serialize_list(w, c) != SG_OK) {
        chunks_free(c);
        return sg_error_set(&k->err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    if (p->inline_stream)
        return write_chunks(c, p->inline_stream, &k->err);
    pthread_mutex_lock(&p->lock);
    *k->j->chunks_tail = c;
    k->j->chunks_tail = &c->next;
    k->j->backlog += c->jsonl_len;
    if (p->main_waiting)
        pthread_cond_signal(&p->done);
    while (k->j->backlog > SG_WINDOW_BACKLOG && !p->stop)
        pthread_cond_wait(&p->drained, &p->lock);
    int stop = p->stop;
    pthread_mutex_unlock(&p->lock);
    return stop ? sg_error_set(&k->err, SG_EINTERNAL, NULL, 0, "stopped") : SG_OK;
}

/* Is slot j's document written window by window as it is extracted? */
static int windowed(const ring *p, const slot *j)
{
    return p->serialize && j->doc->doc.len > SG_DOC_WINDOW_BYTES;
}

/* Extract one document (any thread: touches only the slot and the read-only lexicon). */
static void process(ring *p, slot *j)
{
    sg_extract_options o = extract_options(p->a);
    if (windowed(p, j)) {
        window_sink k = {p, j, {0}};
        j->rc = sg_extract_document_windows(p->lex, &j->doc->doc, &o, window_out, &k, &j->err);
        if (k.err.code != SG_OK)
            j->err = k.err;
    } else {
        j->rc = sg_extract_document(&j->out, p->lex, &j->doc->doc, &o, &j->err);
    }
    sg_cli_progress_done(j->doc->doc.len);
    if (j->rc != SG_OK) {
        snprintf(j->err.file, sizeof(j->err.file), "%s", j->doc->file);
        if (j->doc->line) /* a JSONL line; else the library's line in the text */
            j->err.line = j->doc->line;
    } else if (p->serialize && serialize_slot(j) != SG_OK) {
        j->rc = sg_error_set(&j->err, SG_ENOMEM, j->doc->file, j->doc->line, "out of memory");
    }
}

static void *worker(void *arg)
{
    ring *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (!p->stop && !p->eof && p->n_taken == p->n_read)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->stop || p->n_taken == p->n_read) {
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        slot *j = &p->slots[p->n_taken++ % p->cap];
        pthread_mutex_unlock(&p->lock);
        process(p, j);
        pthread_mutex_lock(&p->lock);
        j->done = 1;
        if (p->main_waiting) /* only the writing thread waits on done: no wake-up per doc */
            pthread_cond_signal(&p->done);
        pthread_mutex_unlock(&p->lock);
    }
}

static void slot_clear(slot *j)
{
    sg_doc_free(j->doc);
    sg_statement_list_destroy(&j->out);
    free(j->jsonl);
    free(j->actors);
    chunks_free(j->chunks);
    memset(j, 0, sizeof(*j));
    sg_statement_list_init(&j->out);
    j->chunks_tail = &j->chunks;
}

/* The documents of every file in turn, opening the next file when one ends. */
typedef struct doc_source {
    char **files;
    int n_files, f;
    FILE *fp;
    sg_doc_reader *rd;
    const sg_cli_extract_args *a;
    FILE *stdin_copy; /* --strict: standard input as read by the check, read again */
    char *iobuf;      /* the stdio buffer of the open file (glibc sizes its own by the
                         file system's block, 4 KiB, whatever setvbuf is asked) */
} doc_source;

#define SG_READ_BUFFER ((size_t)1 << 20)

static void source_close(doc_source *src)
{
    sg_doc_reader_free(src->rd);
    src->rd = NULL;
    if (src->fp && src->fp != stdin && src->fp != src->stdin_copy)
        fclose(src->fp);
    src->fp = NULL;
}

static sg_doc_format source_format(const sg_cli_extract_args *a)
{
    return strcmp(a->format, "jsonl") == 0  ? SG_DOC_JSONL
           : strcmp(a->format, "text") == 0 ? SG_DOC_TEXT
                                            : SG_DOC_AUTO;
}

/* Open path for reading: stdin ("-", or its copy, rewound), else the file. */
static sg_status source_open(doc_source *src, const char *path, sg_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    struct stat st;
    if (!is_stdin && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return sg_error_set(err, SG_EUSAGE, path, 0, "is a directory: give the files "
                                                     "in it (%s/*.txt, %s/*.jsonl)",
                            path, path);
    if (is_stdin && src->stdin_copy != NULL)
        rewind(src->stdin_copy);
    src->fp = !is_stdin ? fopen(path, "rb") : src->stdin_copy ? src->stdin_copy : stdin;
    if (src->fp == NULL)
        return sg_error_set(err, SG_EIO, path, 0, "cannot open: %s", strerror(errno));
    if (!is_stdin && (src->iobuf != NULL || (src->iobuf = malloc(SG_READ_BUFFER)) != NULL))
        setvbuf(src->fp, src->iobuf, _IOFBF, SG_READ_BUFFER); /* 1 MiB reads, before any I/O */
    return sg_doc_reader_open(&src->rd, src->fp, path, sg_cli_name(path),
                              source_format(src->a), src->a->date, err);
}

/* Copy standard input into an unnamed temporary file (tmpfile: gone when closed, also
 * when the process is killed), so that --strict can read it twice. */
static sg_status copy_stdin(FILE **out, sg_error *err)
{
    FILE *t = tmpfile();
    if (t == NULL)
        return sg_error_set(err, SG_EIO, "<stdin>", 0, "cannot make a temporary copy: %s",
                            strerror(errno));
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
        if (fwrite(buf, 1, n, t) != n) {
            fclose(t);
            return sg_error_set(err, SG_EIO, "<stdin>", 0, "cannot copy to a temporary "
                                "file: %s", strerror(errno));
        }
    if (ferror(stdin) || fflush(t) != 0) {
        fclose(t);
        return sg_error_set(err, SG_EIO, "<stdin>", 0, "read error: %s", strerror(errno));
    }
    *out = t;
    return SG_OK;
}

/* --strict: read every document of every file once, as the extraction will, and stop at
 * the first problem (file:line). One document in memory at a time. */
static sg_status check_all(doc_source *src, sg_error *err)
{
    sg_status rc = SG_OK;
    for (int f = 0; rc == SG_OK && f < src->n_files; f++) {
        if (strcmp(src->files[f], "-") == 0 && src->stdin_copy == NULL &&
            (rc = copy_stdin(&src->stdin_copy, err)) != SG_OK)
            break;
        if ((rc = source_open(src, src->files[f], err)) == SG_OK) {
            sg_doc *d = NULL;
            while ((rc = sg_doc_reader_next(src->rd, &d, err)) == SG_OK && d != NULL)
                sg_doc_free(d);
        }
        source_close(src);
    }
    return rc;
}

/* The next document in *out, or NULL after the last file. */
static sg_status source_next(doc_source *src, sg_doc **out, sg_error *err)
{
    *out = NULL;
    while (src->f < src->n_files) {
        const char *path = src->files[src->f];
        if (src->rd == NULL) {
            sg_status rc = source_open(src, path, err);
            if (rc != SG_OK)
                return rc;
        }
        sg_status rc = sg_doc_reader_next(src->rd, out, err);
        if (rc == SG_OK && *out != NULL && (*out)->bad_name_date)
            sg_cli_warn("%s: the date in the file name is not a real date: the document has "
                        "no date (give --date)", sg_cli_name(path));
        if (rc != SG_OK || *out != NULL)
            return rc;
        source_close(src);
        src->f++;
    }
    return SG_OK;
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* Documents in flight per worker thread: enough to keep every thread busy through a
 * scheduler time slice in which this thread (reading and writing, sharing the cores with
 * the workers) does not run: short news documents take well under a millisecond each. The
 * text in flight is also bounded in bytes, so that long documents do not pile up. */
#define SG_SLOTS_PER_THREAD 64
#define SG_BYTES_IN_FLIGHT ((size_t)32 << 20)

/* Hand a finished slot to the sink: stream (JSON lines) or out (records). */
static sg_status deliver(slot *j, FILE *stream, sg_statement_list *out, sg_error *err)
{
    /* counted here, on the one writing thread: no lock per statement on the workers */
    if (stream) {
        sg_cli_count_statements(j->n_statements, j->actors, j->actors_len);
        if (j->jsonl_len && fwrite(j->jsonl, 1, j->jsonl_len, stream) != j->jsonl_len)
            return sg_error_set(err, SG_EIO, NULL, 0, "writing output failed");
        return SG_OK;
    }
    for (size_t k = 0; k < j->out.n; k++) {
        sg_cli_count_statement(&j->out.items[k]); /* before take empties the record */
        if (sg_statement_list_take(out, &j->out.items[k]) != SG_OK)
            return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    return SG_OK;
}

static int start_workers(ring *p, pthread_t *th, int n)
{
    int started = 0;
    for (int t = 0; t < n; t++)
        if (pthread_create(&th[started], NULL, worker, p) == 0)
            started++;
    return started;
}

/* Shared driver: with stream set, statements are written to it document by document in
 * input order (and out stays empty); otherwise they are appended to out. The first
 * failing document in input order decides the error; what came before it is delivered. */
static sg_status extract_files(sg_statement_list *out, FILE *stream, const sg_lexicon *lex,
                               const sg_cli_extract_args *a, char **files, int n_files,
                               sg_error *err)
{
    doc_source src = {files, n_files, 0, NULL, NULL, a, NULL, NULL};
#ifdef __GLIBC__
    /* Each window of a long document allocates and frees the same large arrays again;
     * with glibc's defaults they were mapped and unmapped (or the heap trimmed) each
     * time, which doubled the CPU time of a long .txt once its statements no longer
     * pinned the heap. Freed memory stays in the heap for the next window instead. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    if (a->strict) { /* before anything is extracted or written */
        sg_status rc = check_all(&src, err);
        if (rc != SG_OK) {
            if (src.stdin_copy)
                fclose(src.stdin_copy);
            free(src.iobuf);
            return rc;
        }
    }
    int n_threads = a->jobs > 0 ? a->jobs : default_jobs();
    ring p;
    memset(&p, 0, sizeof(p));
    /* one thread alone needs one slot: it reads, extracts and writes each document in turn */
    p.cap = n_threads > 1 ? (size_t)n_threads * SG_SLOTS_PER_THREAD : 1;
    p.slots = calloc(p.cap, sizeof(slot));
    p.lex = lex;
    p.a = a;
    p.serialize = stream != NULL;
    for (size_t i = 0; p.slots && i < p.cap; i++)
        p.slots[i].chunks_tail = &p.slots[i].chunks;
    if (p.slots == NULL) {
        if (src.stdin_copy)
            fclose(src.stdin_copy);
        free(src.iobuf);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    pthread_cond_init(&p.drained, NULL);
    pthread_t th[64];
    /* n threads in all: n - 1 workers, and this one, which reads and writes and, whenever
     * the ring is full, extracts the next document itself instead of waiting (on n cores
     * no thread is left over for a reader that only reads) */
    int started = n_threads > 1 ? start_workers(&p, th, n_threads - 1) : 0;
    p.inline_stream = started == 0 ? stream : NULL; /* one thread: windows at once */
    /* for the progress line: the bytes to read, and the documents when every input is one
     * text file (JSONL documents are counted as they come) */
    size_t total_bytes = 0, total_docs = strcmp(a->format, "jsonl") == 0 ? 0 : (size_t)n_files;
    for (int i = 0; i < n_files; i++) {
        struct stat st;
        if (strcmp(files[i], "-") != 0 && stat(files[i], &st) == 0 && S_ISREG(st.st_mode))
            total_bytes += (size_t)st.st_size;
        size_t n = strlen(files[i]);
        if ((n >= 6 && strcmp(files[i] + n - 6, ".jsonl") == 0) ||
            (n >= 7 && strcmp(files[i] + n - 7, ".ndjson") == 0))
            total_docs = 0;
    }
    sg_cli_progress_begin(total_docs, total_bytes);
    sg_status rc = SG_OK, read_rc = SG_OK;
    sg_error read_err;
    sg_error_clear(&read_err);
    size_t n_written = 0, in_flight = 0; /* bytes of the documents read, not yet written */
    int eof = 0;
    for (;;) {
        /* read while there is room: n_read changes only here */
        while (!eof && p.n_read - n_written < p.cap &&
               (p.n_read == n_written || in_flight < SG_BYTES_IN_FLIGHT)) {
            sg_doc *d = NULL;
            read_rc = source_next(&src, &d, &read_err);
            if (d != NULL) {
                slot *j = &p.slots[p.n_read % p.cap];
                slot_clear(j);
                j->doc = d;
                in_flight += d->doc.len;
            }
            pthread_mutex_lock(&p.lock);
            if (d != NULL) {
                p.n_read++;
                if (started)
                    pthread_cond_signal(&p.work); /* one new document: one worker */
            } else {
                eof = p.eof = 1;
                pthread_cond_broadcast(&p.work);
            }
            pthread_mutex_unlock(&p.lock);
        }
        pthread_mutex_lock(&p.lock);
        if (eof && n_written == p.n_read) {
            pthread_mutex_unlock(&p.lock);
            break;
        }
        slot *j = &p.slots[n_written % p.cap], *mine = NULL;
        int must_wait = eof || p.n_read - n_written == p.cap || in_flight >= SG_BYTES_IN_FLIGHT;
        /* the ring is full: work instead of waiting, but leave a long document to a worker
         * (its windows wait for this thread to write them) unless no worker runs */
        if (must_wait && !j->done && j->chunks == NULL && p.n_taken < p.n_read &&
            (started == 0 || !windowed(&p, &p.slots[p.n_taken % p.cap]))) {
            mine = &p.slots[p.n_taken++ % p.cap];
        } else {
            while (must_wait && !j->done && j->chunks == NULL) {
                p.main_waiting = 1;
                pthread_cond_wait(&p.done, &p.lock);
                p.main_waiting = 0;
            }
        }
        int ready = mine == NULL && n_written < p.n_read && j->done;
        chunk *windows = mine == NULL && n_written < p.n_read ? j->chunks : NULL; /* a long document's */
        if (windows) {
            j->chunks = NULL;
            j->chunks_tail = &j->chunks;
            j->backlog = 0;
            pthread_cond_broadcast(&p.drained);
        }
        pthread_mutex_unlock(&p.lock);
        if (mine != NULL) {
            process(&p, mine);
            pthread_mutex_lock(&p.lock);
            mine->done = 1;
            pthread_mutex_unlock(&p.lock);
            continue;
        }
        if (windows && (rc = write_chunks(windows, stream, err)) != SG_OK)
            break;
        if (!ready)
            continue;
        if (j->rc != SG_OK) {
            if (err)
                *err = j->err;
            rc = j->rc;
            break;
        }
        in_flight -= j->doc->doc.len;
        rc = deliver(j, stream, out, err);
        slot_clear(j);
        n_written++;
        if (rc != SG_OK)
            break;
    }
    pthread_mutex_lock(&p.lock);
    p.stop = 1;
    pthread_cond_broadcast(&p.work);
    pthread_cond_broadcast(&p.drained);
    pthread_mutex_unlock(&p.lock);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    if (rc == SG_OK && read_rc != SG_OK) {
        rc = read_rc;
        if (err)
            *err = read_err;
    }
    sg_cli_progress_end();
    for (size_t i = 0; i < p.cap; i++)
        slot_clear(&p.slots[i]);
    free(p.slots);
    source_close(&src);
    free(src.iobuf); /* after the file that used it is closed */
    if (src.stdin_copy)
        fclose(src.stdin_copy);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    pthread_cond_destroy(&p.drained);
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
