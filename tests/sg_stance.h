/* sg_stance.h - the extractor tests' reading of a statement list: the sign of an actor's
 * summed stance x weight on the topic, as ../shared/eval/score.py labels it. */
#ifndef SG_STANCE_H
#define SG_STANCE_H

#include <string.h>

#include "stancegraph/statements.h"

#define ABSENT 99 /* the actor holds no statement on the topic */

/* +1, -1 or 0 for actor's statements without a target in l, or ABSENT. */
static inline int sg_test_stance_sign(const sg_statement_list *l, const char *actor)
{
    double sum = 0;
    int seen = 0;
    for (size_t i = 0; i < l->n; i++) {
        const sg_statement *s = &l->items[i];
        if (s->target || strcmp(s->actor, actor) != 0)
            continue;
        seen = 1;
        sum += s->stance * s->weight;
    }
    if (!seen)
        return ABSENT;
    return sum > 1e-9 ? 1 : sum < -1e-9 ? -1 : 0;
}

#endif
