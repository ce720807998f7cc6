/* sg_stance.h - what the extractor tests share: the lexicon they run on (the default one,
 * or $SG_TEST_LEXICON, plus topics of their own), one document extracted into a statement
 * list, and the reading of that list: the sign of an actor's summed stance x weight on the
 * topic, as ../shared/eval/score.py labels it. Include after sg_test.h. */
#ifndef SG_STANCE_H
#define SG_STANCE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stancegraph/extract.h"
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

/* The test lexicon with topics_json (a {"topics":[...]} document, or NULL) added; prints
 * the error and returns 1 when it does not load (a CUnit suite set-up). */
static inline int sg_test_lexicon(sg_lexicon **lex, const char *topics_json)
{
    sg_error err;
    const char *env = getenv("SG_TEST_LEXICON");
    const char *path = env ? env : SG_SOURCE_DIR "/data/lexicon";
    if (sg_lexicon_new(lex, &err) != SG_OK || sg_lexicon_add_path(*lex, path, &err) != SG_OK ||
        (topics_json && sg_lexicon_add_json(*lex, topics_json, strlen(topics_json), "topics",
                                            &err) != SG_OK) ||
        sg_lexicon_finish(*lex, &err) != SG_OK) {
        fprintf(stderr, "lexicon: %s:%ld: %s\n", err.file, err.line, err.message);
        return 1;
    }
    return 0;
}

/* Replace *out with the statements of text (document "t") on topic at date and level. */
static inline void sg_test_extract(sg_statement_list *out, const sg_lexicon *lex,
                                   const char *text, const char *topic, const char *date,
                                   sg_actor_level level)
{
    sg_statement_list_destroy(out);
    sg_statement_list_init(out);
    sg_document doc = {"t", date, NULL, text, strlen(text)};
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = topic;
    o.level = level;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_extract_document(out, lex, &doc, &o, &err), SG_OK);
}

#endif
