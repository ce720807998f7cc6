/* report_fuzz.c - fuzz target: arbitrary bytes as report.json through sg_render in every
 * format that needs no Graphviz layout (DOT, GraphML, CSV nodes and edges, JSON); text
 * output must be valid UTF-8, and the JSON output must parse again. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fuzz_replay.h"
#include "stancegraph/render.h"
#include "stancegraph/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const sg_render_format fmts[] = {SG_RENDER_DOT, SG_RENDER_GRAPHML,
                                            SG_RENDER_CSV_NODES, SG_RENDER_CSV_EDGES,
                                            SG_RENDER_JSON};
    for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
        char *out = NULL;
        size_t len = 0;
        sg_error err;
        sg_status rc = sg_render(&out, &len, (const char *)data, size, fmts[i], NULL, &err);
        if (rc == SG_OK) {
            if (!sg_utf8_valid(out, len, NULL))
                abort(); /* every text format is UTF-8 */
            if (fmts[i] == SG_RENDER_JSON) {
                cJSON *back = cJSON_ParseWithLength(out, len);
                if (back == NULL)
                    abort();
                cJSON_Delete(back);
            }
        } else if (rc != SG_EINPUT || out != NULL) {
            abort();
        }
        free(out);
    }
    return 0;
}

SG_FUZZ_CLEANUP()
