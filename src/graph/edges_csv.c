/* edges_csv.c - a plain signed edge list (`build --edges FILE.csv`) into a builder.
 *
 * The first line names the columns: from (or source), to (or target), and sign or
 * weight; other columns are ignored. Fields are comma separated; a field may be
 * double-quoted ("" is a quote inside). Each row becomes a direct relation from -> to;
 * rows for the same pair add up. Blank lines are skipped.
 */
#define _POSIX_C_SOURCE 200809L
#include "graph/builder_internal.h"
#include "common/num.h"
#include "stancegraph/text.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_FIELDS 64

/* Split line (modified in place) into at most MAX_FIELDS fields. -1 on a bad quote. */
static int split_csv(char *line, char **fields, int *n)
{
    *n = 0;
    char *r = line, *w = line;
    for (;;) {
        if (*n == MAX_FIELDS)
            return -1;
        fields[(*n)++] = w;
        if (*r == '"') {
            r++;
            for (;;) {
                if (*r == '\0')
                    return -1;
                if (*r == '"' && r[1] == '"') {
                    *w++ = '"';
                    r += 2;
                } else if (*r == '"') {
                    r++;
                    break;
                } else {
                    *w++ = *r++;
                }
            }
            if (*r != ',' && *r != '\0')
                return -1;
        } else {
            while (*r != ',' && *r != '\0')
                *w++ = *r++;
        }
        int more = *r == ',';
        *w++ = '\0';
        if (!more)
            return 0;
        r++;
    }
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

typedef struct columns {
    int from, to, value, is_sign;
} columns;

static int find_columns(char **f, int n, columns *c)
{
    c->from = c->to = c->value = -1;
    c->is_sign = 0;
    for (int i = 0; i < n; i++) {
        const char *h = trim(f[i]);
        if (strcasecmp(h, "from") == 0 || strcasecmp(h, "source") == 0)
            c->from = i;
        else if (strcasecmp(h, "to") == 0 || strcasecmp(h, "target") == 0)
            c->to = i;
        else if (strcasecmp(h, "sign") == 0 && c->value < 0)
            c->value = i, c->is_sign = 1;
        else if (strcasecmp(h, "weight") == 0)
            c->value = i, c->is_sign = 0;
    }
    return c->from >= 0 && c->to >= 0 && c->value >= 0 ? 0 : -1;
}

static sg_status edge_row(sg_graph_builder *b, char **f, int n, const columns *c,
                          const char *name, long line_no, sg_error *err)
{
    int need = c->from > c->to ? c->from : c->to;
    if (c->value > need)
        need = c->value;
    if (n <= need)
        return sg_error_set(err, SG_EINPUT, name, line_no, "expected %d columns, found %d",
                            need + 1, n);
    char *from = trim(f[c->from]), *to = trim(f[c->to]), *val = trim(f[c->value]);
    if (!from[0] || !to[0])
        return sg_error_set(err, SG_EINPUT, name, line_no, "empty node name");
    double v = 0;
    if (!sg_num_parse_double(val, -SG_MAX_WEIGHT, SG_MAX_WEIGHT, &v))
        return sg_error_set(err, SG_EINPUT, name, line_no,
                            "%s \"%s\" is not a number between -1e12 and 1e12",
                            c->is_sign ? "sign" : "weight", val);
    if (c->is_sign && v != 1 && v != -1 && v != 0)
        return sg_error_set(err, SG_EINPUT, name, line_no, "sign must be -1, 0 or 1, not %s",
                            val);
    sg_status rc = sg_graph_builder_add_edge(b, from, to, v, err);
    if (rc != SG_OK && err) {
        char msg[sizeof(err->message)];
        memcpy(msg, err->message, sizeof(msg));
        sg_error_set(err, rc, name, line_no, "%s", msg);
    }
    return rc;
}

sg_status sg_graph_builder_read_edges(sg_graph_builder *b, FILE *fp, const char *name,
                                      sg_error *err)
{
    char *line = NULL;
    size_t cap = 0;
    long line_no = 0;
    int have_header = 0;
    columns cols = {-1, -1, -1, 0};
    sg_status rc = SG_OK;
    char *fields[MAX_FIELDS];
    int n;
    ssize_t got;
    size_t bad = 0;
    while (rc == SG_OK && (got = getline(&line, &cap, fp)) >= 0) {
        line_no++;
        if (memchr(line, '\0', (size_t)got) != NULL) {
            rc = sg_error_set(err, SG_EINPUT, name, line_no, "NUL byte in a CSV line");
            break;
        }
        if (!sg_utf8_valid(line, (size_t)got, &bad)) {
            rc = sg_error_set(err, SG_EINPUT, name, line_no,
                              "invalid UTF-8 at byte %zu of the line", bad + 1);
            break;
        }
        chomp(line);
        char *l = line;
        if (line_no == 1 && (unsigned char)l[0] == 0xEF && (unsigned char)l[1] == 0xBB &&
            (unsigned char)l[2] == 0xBF)
            l += 3;
        if (trim(l)[0] == '\0')
            continue;
        if (split_csv(l, fields, &n) != 0) {
            rc = sg_error_set(err, SG_EINPUT, name, line_no, "malformed CSV (quotes or too "
                              "many columns)");
        } else if (!have_header) {
            if (find_columns(fields, n, &cols) != 0)
                rc = sg_error_set(err, SG_EINPUT, name, line_no,
                                  "the header must name the columns from,to and sign or weight");
            have_header = 1;
        } else {
            rc = edge_row(b, fields, n, &cols, name, line_no, err);
        }
    }
    if (rc == SG_OK && ferror(fp))
        rc = sg_error_set(err, SG_EIO, name, line_no, "read error: %s", strerror(errno));
    if (rc == SG_OK && !have_header)
        rc = sg_error_set(err, SG_EINPUT, name, 1, "empty edge list (no header line)");
    free(line);
    return rc;
}
