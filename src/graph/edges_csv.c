/* edges_csv.c - a plain signed edge list (`build --edges FILE.csv`) into a builder.
 *
 * The first line names the columns: from (or source), to (or target), and sign or
 * weight; other columns are ignored. RFC 4180: fields separated by ',' (or ';', tab), a
 * double-quoted field may hold the delimiter, "" (a quote) and line breaks; CRLF or LF.
 * Each row becomes a relation: an undirected tie, or from -> to when the list is read as
 * directed; rows for the same pair add up. Blank lines are skipped.
 */
#define _POSIX_C_SOURCE 200809L
#include "graph/builder_internal.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_FIELDS 64

/* One CSV record (RFC 4180) from fp into rec: fields separated by delim, a field in
 * double quotes may hold delim, "" (a quote) and line breaks. fields[k] point into rec.
 * *line_no advances by the lines read. Returns 1 for a record, 0 at the end, -1 for a
 * bad quote or too many fields, -2 when out of memory. */
static int read_record(FILE *fp, char delim, char **rec, size_t *cap, char **fields, int *n,
                       long *line_no)
{
    size_t len = 0;
    size_t starts[MAX_FIELDS];
    int quoted = 0, at_start = 1, after_quote = 0, c, any = 0;
    *n = 0;
    starts[(*n)++] = 0;
    (*line_no)++;
    while ((c = getc(fp)) != EOF) {
        any = 1;
        if (len + 2 > *cap) {
            size_t nc = *cap ? 2 * *cap : 256;
            char *p = realloc(*rec, nc);
            if (p == NULL)
                return -2;
            *rec = p;
            *cap = nc;
        }
        if (quoted) {
            if (c == '"') {
                int d = getc(fp);
                if (d == '"') {
                    (*rec)[len++] = '"';
                } else {
                    quoted = 0;
                    after_quote = 1;
                    if (d != EOF)
                        ungetc(d, fp);
                }
            } else {
                if (c == '\n')
                    (*line_no)++;
                (*rec)[len++] = (char)c;
            }
            continue;
        }
        if (c == '\r')
            continue;
        if (c == '\n')
            break;
        if (c == delim) {
            if (*n == MAX_FIELDS)
                return -1;
            (*rec)[len++] = '\0';
            starts[(*n)++] = len;
            at_start = 1;
            after_quote = 0;
            continue;
        }
        if (c == '"' && at_start) {
            quoted = 1;
            at_start = 0;
            continue;
        }
        if (after_quote && c != ' ' && c != '\t')
            return -1; /* text after a closing quote */
        at_start = at_start && (c == ' ' || c == '\t');
        (*rec)[len++] = (char)c;
    }
    if (quoted)
        return -1;
    if (!any)
        return 0;
    if (*rec == NULL || len + 1 > *cap) {
        char *p = realloc(*rec, len + 1);
        if (p == NULL)
            return -2;
        *rec = p;
        *cap = len + 1;
    }
    (*rec)[len] = '\0';
    for (int k = 0; k < *n; k++)
        fields[k] = *rec + starts[k];
    return 1;
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
                          int directed, const char *name, long line_no, sg_error *err)
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
    char *end = NULL;
    errno = 0;
    double v = strtod(val, &end);
    if (end == val || *end != '\0' || errno == ERANGE || !isfinite(v))
        return sg_error_set(err, SG_EINPUT, name, line_no, "%s \"%s\" is not a number",
                            c->is_sign ? "sign" : "weight", val);
    if (c->is_sign && v != 1 && v != -1 && v != 0)
        return sg_error_set(err, SG_EINPUT, name, line_no, "sign must be -1, 0 or 1, not %s",
                            val);
    sg_status rc = sg_graph_builder_add_relation(b, from, to, v, directed, err);
    if (rc != SG_OK && err) {
        char msg[sizeof(err->message)];
        memcpy(msg, err->message, sizeof(msg));
        sg_error_set(err, rc, name, line_no, "%s", msg);
    }
    return rc;
}

sg_status sg_graph_builder_read_edge_list(sg_graph_builder *b, FILE *fp, const char *name,
                                          char delim, int directed, sg_error *err)
{
    char *rec = NULL;
    size_t cap = 0;
    long line_no = 0;
    int have_header = 0, got;
    columns cols = {-1, -1, -1, 0};
    sg_status rc = SG_OK;
    char *fields[MAX_FIELDS];
    int n;
    if (delim == 0)
        delim = ',';
    if (delim != ',' && delim != ';' && delim != '\t')
        return sg_error_set(err, SG_EUSAGE, NULL, 0, "the delimiter must be ',', ';' or a tab");
    while (rc == SG_OK) {
        long first_line = line_no + 1;
        got = read_record(fp, delim, &rec, &cap, fields, &n, &line_no);
        if (got == 0)
            break;
        if (got == -2) {
            rc = sg_error_set(err, SG_ENOMEM, name, first_line, "out of memory");
            break;
        }
        if (got < 0) {
            rc = sg_error_set(err, SG_EINPUT, name, first_line,
                              "malformed CSV (quotes or more than %d columns; is the "
                              "delimiter '%c'?)", MAX_FIELDS, delim);
            break;
        }
        char *l = fields[0];
        if (first_line == 1 && (unsigned char)l[0] == 0xEF && (unsigned char)l[1] == 0xBB &&
            (unsigned char)l[2] == 0xBF)
            fields[0] = l + 3;
        if (n == 1 && trim(fields[0])[0] == '\0')
            continue;
        if (!have_header) {
            if (find_columns(fields, n, &cols) != 0)
                rc = sg_error_set(err, SG_EINPUT, name, first_line,
                                  "the header must name the columns from,to and sign or "
                                  "weight (delimiter '%c')", delim);
            have_header = 1;
        } else {
            rc = edge_row(b, fields, n, &cols, directed, name, first_line, err);
        }
    }
    if (rc == SG_OK && ferror(fp))
        rc = sg_error_set(err, SG_EIO, name, line_no, "read error: %s", strerror(errno));
    if (rc == SG_OK && !have_header)
        rc = sg_error_set(err, SG_EINPUT, name, 1, "empty edge list (no header line)");
    free(rec);
    return rc;
}

sg_status sg_graph_builder_read_edges(sg_graph_builder *b, FILE *fp, const char *name,
                                      sg_error *err)
{
    return sg_graph_builder_read_edge_list(b, fp, name, ',', 1, err);
}
