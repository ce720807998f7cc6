/* cli_decision.c - a topic's decision from the lexicon as graph options. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli_decision.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

sg_status sg_cli_decision_get(sg_cli_decision *out, const sg_lexicon *lex, const char *topic,
                              const char *date, sg_error *err)
{
    memset(out, 0, sizeof(*out));
    if (date && date[0]) {
        snprintf(out->date, sizeof(out->date), "%s", date);
    } else {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(out->date, sizeof(out->date), "%Y-%m-%d", &tm);
    }
    if (topic == NULL)
        return SG_OK;
    sg_status rc = sg_lexicon_decision_get(lex, topic, out->date, &out->ld, err);
    if (rc != SG_OK || out->ld.body == NULL)
        return rc;
    out->have = 1;
    out->d.body = out->ld.body;
    out->d.rule = out->ld.rule;
    out->d.members = out->ld.members;
    out->d.n_members = out->ld.n_members;
    out->d.weights = out->ld.weights;
    out->d.veto = out->ld.veto;
    out->d.weight_source = out->ld.weight_source;
    return SG_OK;
}

int sg_cli_labels_set(sg_graph_options *opts, const sg_lexicon *lex)
{
    size_t n = sg_lexicon_topic_count(lex);
    const char **ids = calloc(n + 1, sizeof(char *)), **texts = calloc(n + 1, sizeof(char *));
    if (ids == NULL || texts == NULL) {
        free(ids);
        free(texts);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        ids[i] = sg_lexicon_topic_id(lex, i);
        texts[i] = sg_lexicon_topic_label(lex, ids[i]);
    }
    opts->label_ids = ids;
    opts->label_texts = texts;
    opts->n_labels = n;
    return 0;
}

void sg_cli_labels_free(sg_graph_options *opts)
{
    free((void *)opts->label_ids);
    free((void *)opts->label_texts);
    opts->label_ids = opts->label_texts = NULL;
    opts->n_labels = 0;
}

void sg_cli_decision_destroy(sg_cli_decision *d)
{
    sg_lexicon_decision_destroy(&d->ld);
    memset(d, 0, sizeof(*d));
}
