/* eval_fuzz.c - fuzz target: arbitrary bytes as an eval gold file (JSONL); when it loads,
 * a fixed prediction is scored against every document and the report printed. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_replay.h"
#include "stancegraph/eval.h"
#include "stancegraph/text.h"

static void add(sg_statement_list *l, const char *doc, const char *actor, const char *topic,
                int stance)
{
    sg_statement s;
    sg_statement_init(&s);
    s.doc = strdup(doc);
    s.actor = strdup(actor);
    s.topic = strdup(topic);
    s.stance = stance;
    if (s.doc == NULL || s.actor == NULL || s.topic == NULL ||
        sg_statement_list_take(l, &s) != SG_OK)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sg_eval *ev = NULL;
    sg_error err;
    sg_status rc = sg_eval_new(&ev, (const char *)data, size, "gold.jsonl", NULL, NULL, &err);
    if (rc != SG_OK) {
        if (rc != SG_EINPUT || ev != NULL)
            abort();
        return 0;
    }
    for (size_t i = 0; i < sg_eval_n_docs(ev); i++) {
        const char *topic = sg_eval_doc_topic(ev, i);
        sg_statement_list pred;
        sg_statement_list_init(&pred);
        add(&pred, "d", "Ukraine", topic ? topic : "t", 1);
        add(&pred, "d", "Hungary", topic ? topic : "t", -1);
        if (sg_eval_add(ev, i, &pred, &err) != SG_OK && err.code != SG_EINPUT)
            abort();
        sg_statement_list_destroy(&pred);
    }
    char *report = NULL;
    if (sg_eval_report(ev, &report) == SG_OK && !sg_utf8_valid(report, strlen(report), NULL))
        abort();
    free(report);
    sg_eval_free(ev);
    return 0;
}

SG_FUZZ_CLEANUP()
