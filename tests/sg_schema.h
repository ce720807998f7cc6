/* sg_schema.h - a small JSON Schema (draft 2020-12) validator for the test suites,
 * written with cJSON. It knows the subset docs/report.schema.json uses: type (a name
 * or a list of names), required, properties, items, enum; the annotations $schema,
 * $id, title and description are ignored, and any other keyword is reported as an
 * error, so a schema can never silently ask for more than is checked.
 *
 * sg_schema_validate() returns the number of problems and prints each on stderr
 * with the JSON path ("$.actors[2].stance: not one of the enum values").
 */
#ifndef SG_SCHEMA_H
#define SG_SCHEMA_H

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int sg_schema__type_is(const cJSON *v, const char *type)
{
    if (strcmp(type, "object") == 0)
        return cJSON_IsObject(v);
    if (strcmp(type, "array") == 0)
        return cJSON_IsArray(v);
    if (strcmp(type, "string") == 0)
        return cJSON_IsString(v);
    if (strcmp(type, "number") == 0)
        return cJSON_IsNumber(v);
    if (strcmp(type, "integer") == 0)
        return cJSON_IsNumber(v) && isfinite(v->valuedouble) &&
               floor(v->valuedouble) == v->valuedouble;
    if (strcmp(type, "boolean") == 0)
        return cJSON_IsBool(v);
    if (strcmp(type, "null") == 0)
        return cJSON_IsNull(v);
    return 0;
}

static int sg_schema__fail(const char *path, const char *what)
{
    fprintf(stderr, "schema: %s: %s\n", path, what);
    return 1;
}

static int sg_schema__check(const cJSON *schema, const cJSON *v, const char *path);

static int sg_schema__type(const cJSON *t, const cJSON *v, const char *path)
{
    if (cJSON_IsString(t))
        return sg_schema__type_is(v, t->valuestring) ? 0 : sg_schema__fail(path, "wrong type");
    const cJSON *it;
    cJSON_ArrayForEach(it, t)
    {
        if (cJSON_IsString(it) && sg_schema__type_is(v, it->valuestring))
            return 0;
    }
    return sg_schema__fail(path, "wrong type");
}

static int sg_schema__enum(const cJSON *e, const cJSON *v, const char *path)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, e)
    {
        if (cJSON_Compare(it, v, 1))
            return 0;
    }
    return sg_schema__fail(path, "not one of the enum values");
}

static int sg_schema__object(const cJSON *schema, const cJSON *v, const char *path)
{
    int n = 0;
    char sub[512];
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(schema, "required");
    const cJSON *it;
    if (cJSON_IsObject(v)) {
        cJSON_ArrayForEach(it, req)
        {
            if (cJSON_IsString(it) && !cJSON_HasObjectItem(v, it->valuestring)) {
                snprintf(sub, sizeof(sub), "missing required member \"%s\"", it->valuestring);
                n += sg_schema__fail(path, sub);
            }
        }
        const cJSON *props = cJSON_GetObjectItemCaseSensitive(schema, "properties");
        cJSON_ArrayForEach(it, props)
        {
            const cJSON *member = cJSON_GetObjectItemCaseSensitive(v, it->string);
            if (member == NULL)
                continue;
            snprintf(sub, sizeof(sub), "%s.%s", path, it->string);
            n += sg_schema__check(it, member, sub);
        }
    }
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(schema, "items");
    if (items != NULL && cJSON_IsArray(v)) {
        int i = 0;
        cJSON_ArrayForEach(it, v)
        {
            snprintf(sub, sizeof(sub), "%s[%d]", path, i++);
            n += sg_schema__check(items, it, sub);
        }
    }
    return n;
}

static int sg_schema__check(const cJSON *schema, const cJSON *v, const char *path)
{
    static const char *const known[] = {"$schema", "$id", "title", "description", "type",
                                        "required", "properties", "items", "enum"};
    int n = 0;
    if (!cJSON_IsObject(schema))
        return sg_schema__fail(path, "schema is not an object");
    const cJSON *kw;
    cJSON_ArrayForEach(kw, schema)
    {
        size_t k = 0;
        while (k < sizeof(known) / sizeof(known[0]) && strcmp(known[k], kw->string) != 0)
            k++;
        if (k == sizeof(known) / sizeof(known[0]))
            n += sg_schema__fail(path, "schema keyword not supported by this validator");
    }
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(schema, "type");
    if (t != NULL && sg_schema__type(t, v, path) != 0)
        return n + 1; /* the rest would only repeat the problem */
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(schema, "enum");
    if (e != NULL)
        n += sg_schema__enum(e, v, path);
    return n + sg_schema__object(schema, v, path);
}

/* Validate doc against schema; returns the number of problems (0 = valid). */
static inline int sg_schema_validate(const cJSON *schema, const cJSON *doc)
{
    return sg_schema__check(schema, doc, "$");
}

#endif
