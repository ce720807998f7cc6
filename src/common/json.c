/* json.c - one JSON document per buffer, trailing text refused; see json.h. */
#include "common/json.h"

cJSON *sg_json_parse_one(const char *json, size_t len, size_t *bad_at, const char **problem)
{
    const char *end = NULL;
    *bad_at = 0;
    *problem = "malformed JSON";
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (root == NULL) {
        *bad_at = end && end >= json ? (size_t)(end - json) : 0;
        return NULL;
    }
    size_t at = end ? (size_t)(end - json) : len;
    while (at < len && (json[at] == ' ' || json[at] == '\t' || json[at] == '\r' ||
                        json[at] == '\n'))
        at++;
    if (at < len) {
        cJSON_Delete(root);
        *bad_at = at;
        *problem = json[at] == '{' || json[at] == '[' ? "a second JSON value after the first"
                                                       : "text after the JSON value";
        return NULL;
    }
    return root;
}
