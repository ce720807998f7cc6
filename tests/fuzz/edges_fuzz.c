/* edges_fuzz.c - fuzz target: arbitrary bytes as a signed edge list CSV (build --edges);
 * what builds must write a graph.json that reads back and analyses. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_replay.h"
#include "stancegraph/analyze.h"
#include "stancegraph/graph.h"
#include "stancegraph/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)data, size, "r");
    if (fp == NULL)
        return 0;
    sg_error err;
    sg_graph_builder *b = NULL;
    sg_graph *g = NULL;
    if (sg_graph_builder_new(&b, NULL, &err) != SG_OK)
        abort();
    sg_status rc = sg_graph_builder_read_edges(b, fp, "fuzz.csv", &err);
    if (rc == SG_OK)
        rc = sg_graph_builder_finish(b, &g, &err);
    if (rc == SG_OK) {
        char *json = NULL;
        if (sg_graph_to_json(g, &json, &err) == SG_OK) {
            sg_graph *back = NULL;
            if (!sg_utf8_valid(json, strlen(json), NULL))
                abort(); /* JSON output is RFC 8259 */
            if (sg_graph_from_json(&back, json, strlen(json), "again", &err) != SG_OK)
                abort();
            sg_analyze_options o = SG_ANALYZE_OPTIONS_INIT;
            o.exact_frustration_max = 12;
            sg_report *r = NULL;
            if (sg_analyze(&r, back, &o, &err) != SG_OK && err.code == SG_EINTERNAL)
                abort();
            sg_report_free(r);
            sg_graph_free(back);
        } else if (err.code != SG_EINPUT) {
            abort();
        }
        free(json);
        sg_graph_free(g);
    } else if (rc != SG_EINPUT) {
        abort();
    }
    sg_graph_builder_free(b);
    fclose(fp);
    return 0;
}

SG_FUZZ_CLEANUP()
