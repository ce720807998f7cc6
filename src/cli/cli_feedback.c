/* cli_feedback.c - progress, warnings, notes and the closing summary line on stderr. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli_feedback.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct feedback {
    pthread_mutex_t lock;
    int quiet;
    size_t warnings;
    /* progress */
    int live;                  /* drawing progress (stderr is a terminal, not quiet) */
    size_t total_docs, total_bytes, done_docs, done_bytes;
    double t0, last;
    /* summary */
    size_t statements;
    char **actors;             /* open addressing set of distinct statement actors */
    size_t n_actors, cap_actors;
    int drawn;                 /* a progress line is on screen */
} feedback;

static feedback fb = {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0};

void sg_cli_set_quiet(int quiet)
{
    fb.quiet = quiet;
}

int sg_cli_is_quiet(void)
{
    return fb.quiet;
}

int sg_cli_strip_quiet(int argc, char **argv)
{
    int out = 0, rest = 0;
    for (int i = 0; i < argc; i++) {
        if (!rest && strcmp(argv[i], "--") == 0)
            rest = 1;
        if (!rest && i > 0 && (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0)) {
            fb.quiet = 1;
            continue;
        }
        argv[out++] = argv[i];
    }
    argv[out] = NULL;
    return out;
}

static void clear_line(void)
{
    if (fb.drawn) {
        fputs("\r\033[K", stderr);
        fb.drawn = 0;
    }
}

static void vmessage(const char *kind, const char *fmt, va_list ap)
{
    pthread_mutex_lock(&fb.lock);
    clear_line();
    fprintf(stderr, "stancegraph: %s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    pthread_mutex_unlock(&fb.lock);
}

void sg_cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("warning", fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&fb.lock);
    fb.warnings++;
    pthread_mutex_unlock(&fb.lock);
}

void sg_cli_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("note", fmt, ap);
    va_end(ap);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void sg_cli_progress_begin(size_t documents, size_t bytes)
{
    pthread_mutex_lock(&fb.lock);
    fb.live = !fb.quiet && isatty(STDERR_FILENO);
    fb.total_docs = documents;
    fb.total_bytes = bytes;
    fb.done_docs = fb.done_bytes = 0;
    fb.t0 = now();
    fb.last = fb.t0 - 1; /* the first finished document draws the line at once */
    pthread_mutex_unlock(&fb.lock);
}

/* "stancegraph: 1,234/43,000 documents, 8.1 MB/s, ETA 0:21" */
static void draw(double t)
{
    double secs = t - fb.t0 > 1e-6 ? t - fb.t0 : 1e-6;
    double rate = fb.done_bytes / secs / 1e6;
    if (fb.total_docs > 0 && fb.done_docs <= fb.total_docs)
        fprintf(stderr, "\r\033[Kstancegraph: %zu/%zu documents, %.1f MB/s", fb.done_docs,
                fb.total_docs, rate);
    else /* JSONL documents stream in: their number is known at the end only */
        fprintf(stderr, "\r\033[Kstancegraph: %zu documents, %.1f MB/s", fb.done_docs, rate);
    if (fb.done_bytes > 0 && fb.total_bytes > fb.done_bytes) {
        double eta = (fb.total_bytes - fb.done_bytes) / (fb.done_bytes / secs);
        fprintf(stderr, ", ETA %ld:%02ld", (long)eta / 60, (long)eta % 60);
    }
    fflush(stderr);
    fb.drawn = 1;
}

void sg_cli_progress_done(size_t bytes)
{
    pthread_mutex_lock(&fb.lock);
    fb.done_docs++;
    fb.done_bytes += bytes;
    if (fb.live) {
        double t = now();
        if (t - fb.last >= 0.25) {
            fb.last = t;
            draw(t);
        }
    }
    pthread_mutex_unlock(&fb.lock);
}

void sg_cli_progress_end(void)
{
    pthread_mutex_lock(&fb.lock);
    clear_line();
    fb.live = 0;
    pthread_mutex_unlock(&fb.lock);
}

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* Add id to the actor set (under fb.lock). Out of memory only loses a count. */
static void actor_add(const char *id)
{
    if (2 * (fb.n_actors + 1) > fb.cap_actors) {
        size_t cap = fb.cap_actors ? 2 * fb.cap_actors : 256;
        char **t = calloc(cap, sizeof(char *));
        if (t == NULL)
            return;
        for (size_t i = 0; i < fb.cap_actors; i++) {
            if (fb.actors[i] == NULL)
                continue;
            size_t k = hash(fb.actors[i]) & (cap - 1);
            while (t[k])
                k = (k + 1) & (cap - 1);
            t[k] = fb.actors[i];
        }
        free(fb.actors);
        fb.actors = t;
        fb.cap_actors = cap;
    }
    size_t k = hash(id) & (fb.cap_actors - 1);
    while (fb.actors[k]) {
        if (strcmp(fb.actors[k], id) == 0)
            return;
        k = (k + 1) & (fb.cap_actors - 1);
    }
    if ((fb.actors[k] = strdup(id)) != NULL)
        fb.n_actors++;
}

void sg_cli_count_statement(const sg_statement *s)
{
    pthread_mutex_lock(&fb.lock);
    fb.statements++;
    if (s->actor)
        actor_add(s->actor);
    pthread_mutex_unlock(&fb.lock);
}

void sg_cli_count_statements(size_t n, const char *ids, size_t len)
{
    pthread_mutex_lock(&fb.lock);
    fb.statements += n;
    for (size_t k = 0; k < len; k += strlen(ids + k) + 1)
        actor_add(ids + k);
    pthread_mutex_unlock(&fb.lock);
}

size_t sg_cli_statement_count(void)
{
    return fb.statements;
}

size_t sg_cli_document_count(void)
{
    return fb.done_docs;
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

void sg_cli_summary(long actors, long camps)
{
    if (!fb.quiet) {
        size_t n_actors = actors >= 0 ? (size_t)actors : fb.n_actors;
        fprintf(stderr, "stancegraph: ");
        if (fb.total_docs > 0 || fb.done_docs > 0)
            fprintf(stderr, "%zu document%s, ", fb.done_docs, plural(fb.done_docs));
        fprintf(stderr, "%zu statement%s, %zu actor%s", fb.statements, plural(fb.statements),
                n_actors, plural(n_actors));
        if (camps >= 0)
            fprintf(stderr, ", %ld camp%s", camps, plural((size_t)camps));
        fprintf(stderr, ", %zu warning%s\n", fb.warnings, plural(fb.warnings));
    }
    for (size_t i = 0; i < fb.cap_actors; i++)
        free(fb.actors[i]);
    free(fb.actors);
    fb.actors = NULL;
    fb.n_actors = fb.cap_actors = 0;
}
