/* options.c - the DNA names of the graph options and edge kinds, both directions.
 * Immutable tables only.
 */
#include "graph/graph_internal.h"

#include <string.h>

static const char *const network_names[] = {"onemode", "twomode"};
static const char *const qualifier_names[] = {"ignore", "congruence", "conflict", "subtract"};
static const char *const norm_names[] = {"no",     "average",  "jaccard",   "cosine",
                                         "cosine-vector", "activity", "prominence"};
static const char *const dup_names[] = {"include", "document", "week", "month", "year"};
static const char *const kind_names[] = {"ignore", "congruence", "conflict",
                                         "subtract", "direct", "twomode", "tie"};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *name_of(const char *const *names, size_t n, int v)
{
    return v >= 0 && (size_t)v < n ? names[v] : "?";
}

const char *sg_network_type_name(sg_network_type v)
{
    return name_of(network_names, N_OF(network_names), (int)v);
}
const char *sg_qualifier_aggregation_name(sg_qualifier_aggregation v)
{
    return name_of(qualifier_names, N_OF(qualifier_names), (int)v);
}
const char *sg_normalization_name(sg_normalization v)
{
    return name_of(norm_names, N_OF(norm_names), (int)v);
}
const char *sg_duplicates_name(sg_duplicates v)
{
    return name_of(dup_names, N_OF(dup_names), (int)v);
}
const char *sg_graph__edge_kind_name(int kind)
{
    return name_of(kind_names, N_OF(kind_names), kind);
}

static int index_of(const char *const *names, size_t n, const char *value)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], value) == 0)
            return (int)i;
    return -1;
}

int sg_graph__edge_kind_from_name(const char *name)
{
    return index_of(kind_names, N_OF(kind_names), name);
}

/* "a, b or c" for error messages. */
static void choices(char *buf, size_t len, const char *const *names, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < len; i++) {
        const char *sep = i == 0 ? "" : (i + 1 == n ? " or " : ", ");
        int w = snprintf(buf + used, len - used, "%s%s", sep, names[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

sg_status sg_graph_option_set(sg_graph_options *opts, const char *option, const char *value,
                              sg_error *err)
{
    const char *const *names;
    size_t n;
    if (strcmp(option, "network-type") == 0) {
        names = network_names, n = N_OF(network_names);
    } else if (strcmp(option, "qualifier-aggregation") == 0) {
        names = qualifier_names, n = N_OF(qualifier_names);
    } else if (strcmp(option, "normalization") == 0 || strcmp(option, "normalisation") == 0) {
        names = norm_names, n = N_OF(norm_names);
    } else if (strcmp(option, "duplicates") == 0) {
        names = dup_names, n = N_OF(dup_names);
    } else {
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "unknown graph option '%s'", option);
    }
    int v = index_of(names, n, value);
    if (v < 0) {
        char buf[256];
        choices(buf, sizeof(buf), names, n);
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "--%s must be %s, not '%s'", option, buf,
                            value);
    }
    if (names == network_names)
        opts->network_type = (sg_network_type)v;
    else if (names == qualifier_names)
        opts->qualifier_aggregation = (sg_qualifier_aggregation)v;
    else if (names == norm_names)
        opts->normalization = (sg_normalization)v;
    else
        opts->duplicates = (sg_duplicates)v;
    return SG_OK;
}
