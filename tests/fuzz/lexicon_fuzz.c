/* lexicon_fuzz.c - fuzz target: arbitrary bytes as a lexicon or topics file, loaded on
 * top of a tiny base lexicon; when it loads, a fixed document is extracted with it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_replay.h"
#include "stancegraph/extract.h"
#include "stancegraph/lexicon.h"

static const char base[] =
    "{\"actors\":[{\"id\":\"Ukraine\",\"type\":\"country\",\"aliases\":[\"Ukraine\",\"Kyiv\"]},"
    "{\"id\":\"Hungary\",\"type\":\"country\",\"aliases\":[\"Hungary\"]},"
    "{\"id\":\"NATO\",\"type\":\"organisation\",\"aliases\":[\"NATO\"],\"members\":[\"Hungary\"]}],"
    "\"cues\":[{\"forms\":[\"supports\",\"support\"],\"polarity\":1},"
    "{\"forms\":[\"opposes\"],\"polarity\":-1}],\"negators\":[\"not\"],"
    "\"speech\":[\"said\"],\"pronouns\":[{\"forms\":[\"it\"],\"refers\":\"actor\"}]}";

static const char text[] =
    "Hungary opposes Ukraine joining NATO. It said it does not support Kyiv. "
    "\"We support it,\" Hungary said. Ukraine, Hungary and NATO support membership.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    if (sg_lexicon_new(&lex, &err) != SG_OK)
        abort();
    if (sg_lexicon_add_json(lex, base, strlen(base), "base.json", &err) != SG_OK)
        abort();
    sg_status rc = sg_lexicon_add_json(lex, (const char *)data, size, "fuzz.json", &err);
    if (rc == SG_OK)
        rc = sg_lexicon_finish(lex, &err);
    if (rc == SG_OK) {
        sg_lexicon_stats st;
        sg_lexicon_stats_get(lex, &st);
        sg_statement_list out;
        sg_statement_list_init(&out);
        sg_document doc = {"fuzz", "2024-01-01", NULL, text, strlen(text)};
        if (sg_extract_document(&out, lex, &doc, NULL, &err) != SG_OK && err.code != SG_EINPUT)
            abort();
        sg_statement_list_destroy(&out);
    } else if (rc != SG_EINPUT) {
        abort(); /* a bad file is SG_EINPUT */
    }
    sg_lexicon_free(lex);
    return 0;
}

SG_FUZZ_CLEANUP()
