/* cli_decision.h - the deciding body of a topic, resolved from the lexicon on the date of
 * the latest statement, for `report` and `build --topics`. */
#ifndef SG_CLI_DECISION_H
#define SG_CLI_DECISION_H

#include "stancegraph/graph.h"
#include "stancegraph/lexicon.h"

typedef struct sg_cli_decision {
    sg_lexicon_decision ld;   /* the arrays */
    sg_decision d;            /* the view handed to the graph options */
    int have;                 /* 0: the topic names no decision */
    char date[11];            /* the date the members were read on */
} sg_cli_decision;

/* Resolve topic's decision on date ("YYYY-MM-DD"; NULL or "" = today, UTC). */
SG_NODISCARD sg_status sg_cli_decision_get(sg_cli_decision *out, const sg_lexicon *lex,
                                           const char *topic, const char *date,
                                           sg_error *err);
void sg_cli_decision_destroy(sg_cli_decision *d);

/* Every topic's id and label from lex into opts (label_ids/label_texts, arrays malloc'd:
 * free them with sg_cli_labels_free). Returns -1 when out of memory. */
int sg_cli_labels_set(sg_graph_options *opts, const sg_lexicon *lex);
void sg_cli_labels_free(sg_graph_options *opts);

#endif
