/* cli_decision.c - a topic's decision from the lexicon as graph options. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli_decision.h"

#include <stdio.h>
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

void sg_cli_decision_destroy(sg_cli_decision *d)
{
    sg_lexicon_decision_destroy(&d->ld);
    memset(d, 0, sizeof(*d));
}
