/* json.h - parsing exactly one JSON document from a buffer with cJSON. cJSON stops at
 * the end of the first value and ignores what follows, so `{...} garbage` or two
 * documents on one JSONL line would silently lose data; and cJSON returns NULL both for
 * bad syntax and for a failed allocation. Every reader goes through here.
 * Private to the library and the CLI (not installed).
 */
#ifndef SG_COMMON_JSON_H
#define SG_COMMON_JSON_H

#include <stddef.h>
#include <cjson/cJSON.h>

#include "stancegraph/error.h"

/* Parse json[0..len) as one JSON value followed only by whitespace into *out (caller
 * frees with cJSON_Delete). Returns SG_OK; SG_EINPUT with *bad_at the byte offset of the
 * problem and *problem a constant description ("malformed JSON", "text after the JSON
 * value"); or SG_ENOMEM when the text is valid JSON but cJSON ran out of memory. Errors
 * are taken from cJSON's end pointer, never its global error state. */
SG_NODISCARD sg_status sg_json_parse_one(cJSON **out, const char *json, size_t len,
                                         size_t *bad_at, const char **problem);

/* Length of the one JSON value at json[0..len) (leading whitespace included), checked
 * without allocating; 0 when it is not valid JSON (nesting deeper than cJSON's limit
 * counts as invalid). */
size_t sg_json_valid_prefix(const char *json, size_t len);

#endif
