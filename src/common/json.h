/* json.h - parsing exactly one JSON document from a buffer with cJSON. cJSON stops at
 * the end of the first value and ignores what follows, so `{...} garbage` or two
 * documents on one JSONL line would silently lose data; every reader goes through here.
 * Private to the library and the CLI (not installed).
 */
#ifndef SG_COMMON_JSON_H
#define SG_COMMON_JSON_H

#include <stddef.h>
#include <cjson/cJSON.h>

/* Parse json[0..len) as one JSON value followed only by whitespace. Returns the tree
 * (caller frees with cJSON_Delete) or NULL; then *bad_at is the byte offset of the
 * problem and *problem a constant description ("malformed JSON", "text after the JSON
 * value"). Errors are taken from cJSON's end pointer, never its global error state. */
cJSON *sg_json_parse_one(const char *json, size_t len, size_t *bad_at, const char **problem);

#endif
