/* graph_fuzz.c - fuzz target: arbitrary bytes as graph.json through sg_graph_from_json
 * (and, when it parses, the invariant check, a JSON round trip and sg_analyze), and as
 * a CSV edge list through the builder. Built with clang's libFuzzer by scripts/fuzz;
 * with SG_FUZZ_REPLAY a plain main() replays tests/fuzz/corpus/graph/ under ctest. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stancegraph/analyze.h"
#include "stancegraph/graph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(const sg_graph *g)
{
    sg_error err;
    char *a = NULL, *b = NULL;
    sg_graph *back = NULL;
    if (sg_graph_check(g, &err) != SG_OK)
        abort(); /* what we accept must be consistent */
    if (sg_graph_to_json(g, &a, &err) != SG_OK)
        abort();
    if (sg_graph_from_json(&back, a, strlen(a), "again", &err) != SG_OK)
        abort(); /* what we write we must read */
    if (sg_graph_to_json(back, &b, &err) != SG_OK || strcmp(a, b) != 0)
        abort(); /* and it must not change */
    sg_analyze_options o = SG_ANALYZE_OPTIONS_INIT;
    o.exact_frustration_max = 20;
    sg_report *r = NULL;
    char *rj = NULL;
    if (sg_analyze(&r, back, &o, &err) == SG_OK && sg_report_to_json(r, &rj, &err) != SG_OK)
        abort();
    free(rj);
    sg_report_free(r);
    sg_graph_free(back);
    free(a);
    free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sg_error err;
    sg_graph *g = NULL;
    if (sg_graph_from_json(&g, (const char *)data, size, "fuzz", &err) == SG_OK) {
        round_trip(g);
        sg_graph_free(g);
    } else if (err.code == SG_EINTERNAL) {
        abort();
    }
    FILE *fp = size ? fmemopen((void *)data, size, "r") : NULL;
    sg_graph_builder *b = NULL;
    if (fp && sg_graph_builder_new(&b, NULL, &err) == SG_OK &&
        sg_graph_builder_read_edges(b, fp, "fuzz.csv", &err) == SG_OK &&
        sg_graph_builder_finish(b, &g, &err) == SG_OK) {
        round_trip(g);
        sg_graph_free(g);
    }
    sg_graph_builder_free(b);
    if (fp)
        fclose(fp);
    return 0;
}

#ifdef SG_FUZZ_REPLAY
/* Replay every file named on the command line (the corpus) once. */
int main(int argc, char **argv)
{
    int n = 0;
    static uint8_t buf[1 << 20];
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (fp == NULL) {
            fprintf(stderr, "cannot open %s\n", argv[i]);
            return 1;
        }
        size_t len = fread(buf, 1, sizeof(buf), fp);
        fclose(fp);
        LLVMFuzzerTestOneInput(buf, len);
        n++;
    }
    printf("replayed %d inputs\n", n);
    return n > 0 ? 0 : 1;
}
#endif
