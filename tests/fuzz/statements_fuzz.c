/* statements_fuzz.c - fuzz target: arbitrary bytes as a statements JSONL stream
 * (sg_statements_read); every statement read must write back as JSON that reads again
 * to the same JSON, and the list must build into a graph or fail cleanly. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_replay.h"
#include "stancegraph/graph.h"
#include "stancegraph/statements.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)data, size, "r");
    if (fp == NULL)
        return 0;
    sg_statement_list list;
    sg_statement_list_init(&list);
    sg_error err;
    sg_status rc = sg_statements_read(&list, fp, "fuzz.jsonl", &err);
    fclose(fp);
    if (rc != SG_OK && rc != SG_EINPUT)
        abort(); /* bad input is SG_EINPUT, never anything else */
    for (size_t i = 0; i < list.n; i++) {
        char *a = NULL, *b = NULL;
        sg_statement back;
        if (sg_statement_to_json(&a, &list.items[i]) != SG_OK)
            abort();
        if (sg_statement_parse(&back, a, strlen(a), "again", 1, &err) != SG_OK)
            abort(); /* what we write we must read */
        if (sg_statement_to_json(&b, &back) != SG_OK || strcmp(a, b) != 0)
            abort(); /* and it must not change */
        sg_statement_destroy(&back);
        free(a);
        free(b);
    }
    sg_graph *g = NULL;
    if (sg_graph_build(&g, &list, NULL, &err) == SG_OK) {
        char *json = NULL;
        if (sg_graph_to_json(g, &json, &err) == SG_OK) {
            sg_graph *back = NULL;
            if (sg_graph_from_json(&back, json, strlen(json), "again", &err) != SG_OK)
                abort(); /* build writes only what analyze reads */
            sg_graph_free(back);
        } else if (err.code != SG_EINPUT) {
            abort();
        }
        free(json);
        sg_graph_free(g);
    } else if (err.code != SG_EINPUT) {
        abort();
    }
    sg_statement_list_destroy(&list);
    return 0;
}

SG_FUZZ_CLEANUP()
