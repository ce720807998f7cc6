/* cjson_model.c - cJSON's global error state made visible to ThreadSanitizer.
 *
 * Every cJSON_Parse* call writes cJSON's file-level `global_error` (reset at the start of
 * each parse). Debian's libcjson is not built with -fsanitize=thread, so TSan cannot see
 * those writes, and two threads parsing at once would pass unnoticed. In the TSan build
 * only, the linker routes every parse entry point through these wrappers (-Wl,--wrap),
 * which make the same unsynchronised write in instrumented code before calling cJSON:
 * TSan then reports any two parses on two threads, as it would inside cJSON.
 */
#include <cjson/cJSON.h>
#include <stddef.h>

/* Stands for cJSON's global_error.json; extern and volatile so no store is optimised away. */
extern const char *volatile sg_model_global_error;
const char *volatile sg_model_global_error;

cJSON *__real_cJSON_Parse(const char *value);
cJSON *__real_cJSON_ParseWithLength(const char *value, size_t len);
cJSON *__real_cJSON_ParseWithOpts(const char *value, const char **end, cJSON_bool null_term);
cJSON *__real_cJSON_ParseWithLengthOpts(const char *value, size_t len, const char **end,
                                        cJSON_bool null_term);
cJSON *__wrap_cJSON_Parse(const char *value);
cJSON *__wrap_cJSON_ParseWithLength(const char *value, size_t len);
cJSON *__wrap_cJSON_ParseWithOpts(const char *value, const char **end, cJSON_bool null_term);
cJSON *__wrap_cJSON_ParseWithLengthOpts(const char *value, size_t len, const char **end,
                                        cJSON_bool null_term);

cJSON *__wrap_cJSON_Parse(const char *value)
{
    sg_model_global_error = value;
    return __real_cJSON_Parse(value);
}

cJSON *__wrap_cJSON_ParseWithLength(const char *value, size_t len)
{
    sg_model_global_error = value;
    return __real_cJSON_ParseWithLength(value, len);
}

cJSON *__wrap_cJSON_ParseWithOpts(const char *value, const char **end, cJSON_bool null_term)
{
    sg_model_global_error = value;
    return __real_cJSON_ParseWithOpts(value, end, null_term);
}

cJSON *__wrap_cJSON_ParseWithLengthOpts(const char *value, size_t len, const char **end,
                                        cJSON_bool null_term)
{
    sg_model_global_error = value;
    return __real_cJSON_ParseWithLengthOpts(value, len, end, null_term);
}
