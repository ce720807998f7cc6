/* hs-scan.c - the reference "matching limit" for scripts/bench-extract: one Hyperscan
 * block-mode scan of a file for every lexicon phrase (caseless, word-bounded), counting
 * matches. Not part of stancegraph; built by the benchmark only when Hyperscan's header
 * is installed (Debian: libhyperscan-dev).
 *
 * usage: hs-scan PHRASES INPUT [RUNS]   (PHRASES: one literal phrase per line)
 * Compiles once (slow for thousands of word-bounded patterns), then scans RUNS times
 * (default 5) and prints the median: "phrases N compile_s X scan_s Y matches M".
 */
#define _POSIX_C_SOURCE 200809L
#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (p == NULL) {
                free(buf);
                buf = NULL;
            } else {
                buf = p;
            }
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* "\b" + the phrase with every regex metacharacter escaped + "\b". */
static char *word_bounded(const char *lit)
{
    char *out = malloc(strlen(lit) * 4 + 8), *o = out;
    if (out == NULL)
        return NULL;
    o += sprintf(o, "\\b");
    for (const unsigned char *p = (const unsigned char *)lit; *p; p++) {
        if (*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
            (*p >= 'A' && *p <= 'Z') || *p == ' ')
            *o++ = (char)*p;
        else
            o += sprintf(o, "\\x%02x", *p);
    }
    sprintf(o, "\\b");
    return out;
}

static int on_match(unsigned id, unsigned long long from, unsigned long long to,
                    unsigned flags, void *ctx)
{
    (void)id, (void)from, (void)to, (void)flags;
    ++*(unsigned long long *)ctx;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: hs-scan PHRASES INPUT [RUNS]\n");
        return 1;
    }
    size_t plen, ilen;
    char *phr = slurp(argv[1], &plen), *in = slurp(argv[2], &ilen);
    if (phr == NULL || in == NULL) {
        fprintf(stderr, "hs-scan: cannot read input\n");
        return 1;
    }
    size_t n = 0, cap = 1024;
    char **pats = malloc(cap * sizeof(char *));
    for (char *line = strtok(phr, "\n"); line && pats; line = strtok(NULL, "\n")) {
        if (n == cap)
            pats = realloc(pats, (cap *= 2) * sizeof(char *));
        if (pats && *line)
            pats[n++] = word_bounded(line);
    }
    unsigned *flags = malloc(n * sizeof(unsigned)), *ids = malloc(n * sizeof(unsigned));
    if (pats == NULL || flags == NULL || ids == NULL) {
        fprintf(stderr, "hs-scan: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        flags[i] = HS_FLAG_CASELESS;
        ids[i] = (unsigned)i;
    }
    double t0 = now();
    hs_database_t *db = NULL;
    hs_compile_error_t *cerr = NULL;
    if (hs_compile_multi((const char *const *)pats, flags, ids, (unsigned)n, HS_MODE_BLOCK,
                         NULL, &db, &cerr) != HS_SUCCESS) {
        fprintf(stderr, "hs-scan: compile failed: %s\n", cerr ? cerr->message : "?");
        return 1;
    }
    double t1 = now();
    hs_scratch_t *scratch = NULL;
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
        fprintf(stderr, "hs-scan: no scratch\n");
        return 1;
    }
    /* one scan per line (one document of the JSONL file), as the extractor sees them;
     * every occurrence of every phrase is reported */
    int runs = argc == 4 ? atoi(argv[3]) : 5;
    if (runs < 1 || runs > 99)
        runs = 5;
    double times[99];
    unsigned long long matches = 0;
    for (int r = 0; r < runs; r++) {
        matches = 0;
        double t2 = now();
        for (size_t a = 0; a < ilen;) {
            const char *nl = memchr(in + a, '\n', ilen - a);
            size_t b = nl ? (size_t)(nl - in) : ilen;
            if (hs_scan(db, in + a, (unsigned)(b - a), 0, scratch, on_match, &matches) !=
                HS_SUCCESS) {
                fprintf(stderr, "hs-scan: scan failed\n");
                return 1;
            }
            a = b + 1;
        }
        times[r] = now() - t2;
    }
    for (int i = 1; i < runs; i++) /* insertion sort for the median */
        for (int k = i; k > 0 && times[k] < times[k - 1]; k--) {
            double t = times[k];
            times[k] = times[k - 1];
            times[k - 1] = t;
        }
    double t3 = times[runs / 2], t2 = 0;
    printf("phrases %zu compile_s %.3f scan_s %.3f matches %llu\n", n, t1 - t0, t3 - t2, matches);
    hs_free_scratch(scratch);
    hs_free_database(db);
    return 0;
}
