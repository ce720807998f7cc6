/* render.c - the render module's entry points: sg_render() parses the report once and
 * hands it to the writer for the format; format names and file extensions; the title
 * and date range every writer shows.
 */
#define _POSIX_C_SOURCE 200809L /* strcasecmp */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/render_internal.h"

typedef struct sg_format_name {
    const char *name;
    sg_render_format fmt;
} sg_format_name;

static const sg_format_name sg_format_names[] = {
    {"dot", SG_RENDER_DOT},         {"svg", SG_RENDER_SVG},
    {"png", SG_RENDER_PNG},         {"pdf", SG_RENDER_PDF},
    {"graphml", SG_RENDER_GRAPHML}, {"csv-nodes", SG_RENDER_CSV_NODES},
    {"csv-edges", SG_RENDER_CSV_EDGES}, {"html", SG_RENDER_HTML},
    {"json", SG_RENDER_JSON},       {"csv", SG_RENDER_CSV_NODES},
    {"gv", SG_RENDER_DOT},          {"htm", SG_RENDER_HTML},
    {"matrix", SG_RENDER_MATRIX},   {"dl", SG_RENDER_DL},
};
#define SG_N_FORMAT_NAMES (sizeof(sg_format_names) / sizeof(sg_format_names[0]))

sg_status sg_render_format_from_name(sg_render_format *out, const char *name)
{
    if (name == NULL)
        return SG_EUSAGE;
    for (size_t i = 0; i < SG_N_FORMAT_NAMES; i++)
        if (strcasecmp(name, sg_format_names[i].name) == 0) {
            *out = sg_format_names[i].fmt;
            return SG_OK;
        }
    return SG_EUSAGE;
}

const char *sg_render_format_name(sg_render_format fmt)
{
    for (size_t i = 0; i < SG_N_FORMAT_NAMES; i++)
        if (sg_format_names[i].fmt == fmt)
            return sg_format_names[i].name;
    return "?";
}

/* 1 when s ends with suffix, ignoring case. */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

sg_status sg_render_format_from_path(sg_render_format *out, const char *path)
{
    if (path == NULL)
        return SG_EUSAGE;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (ends_with(base, "edges.csv")) {
        *out = SG_RENDER_CSV_EDGES;
        return SG_OK;
    }
    if (ends_with(base, "matrix.csv")) {
        *out = SG_RENDER_MATRIX;
        return SG_OK;
    }
    const char *dot = strrchr(base, '.');
    if (dot == NULL || dot[1] == '\0')
        return SG_EUSAGE;
    if (strcasecmp(dot + 1, "csv") == 0) {
        *out = SG_RENDER_CSV_NODES;
        return SG_OK;
    }
    if (strncasecmp(dot + 1, "csv-", 4) == 0)
        return SG_EUSAGE; /* not an extension anyone writes */
    return sg_render_format_from_name(out, dot + 1);
}

void sg_render__title(sg_buf *b, const sg_report *r, const sg_render_options *opts)
{
    if (opts != NULL && opts->title != NULL && opts->title[0] != '\0') {
        sg_buf_puts(b, opts->title);
        return;
    }
    if (r->title != NULL && r->title[0] != '\0') {
        sg_buf_puts(b, r->title);
        return;
    }
    sg_buf_puts(b, "Stances on ");
    if (r->n_topics == 0)
        sg_buf_puts(b, "the question");
    for (size_t i = 0; i < r->n_topics; i++) {
        if (i > 0)
            sg_buf_puts(b, ", ");
        sg_buf_puts(b, r->topics[i]);
    }
}

/* "A, B and C", at most five names then "and N more". */
static void name_list(sg_buf *b, const char *const *names, size_t n)
{
    size_t shown = n > 5 ? 4 : n;
    for (size_t i = 0; i < shown; i++) {
        if (i > 0)
            sg_buf_puts(b, i + 1 == n ? " and " : ", ");
        sg_buf_puts(b, names[i]);
    }
    if (shown < n)
        sg_buf_printf(b, " and %zu more", n - shown);
}

static void support_count(sg_buf *b, const sg_report *r)
{
    if (r->block_supporters < 0 || r->block_members < 0)
        return;
    sg_buf_printf(b, "%ld of %ld support", r->block_supporters, r->block_members);
    if (r->block_needed >= 0)
        sg_buf_printf(b, " (%ld needed)", r->block_needed);
    if (r->pop_support >= 0) {
        sg_buf_puts(b, ", ");
        sg_buf_num(b, 100 * r->pop_support, 1);
        sg_buf_puts(b, " % of the population (65 % needed)");
    }
}

void sg_render__decision(sg_buf *b, const sg_report *r)
{
    if (r->blocking == NULL)
        return;
    if (r->block_body) {
        sg_buf_puts(b, r->block_body);
        if (r->block_rule) {
            sg_buf_puts(b, " (");
            sg_buf_puts(b, r->block_rule);
            sg_buf_puts(b, ")");
        }
        sg_buf_puts(b, ": ");
    }
    const char *out = r->block_outcome;
    if (out == NULL)
        out = r->block_passes == 1 ? "passes" : r->block_passes == 0 ? "blocked" : "undecided";
    if (strcmp(out, "blocked") == 0 && r->n_blockers > 0) {
        sg_buf_puts(b, "blocked: ");
        name_list(b, r->blockers, r->n_blockers);
        sg_buf_puts(b, r->n_blockers == 1 ? " can stop it alone" : " can each stop it alone");
    } else if (strcmp(out, "blocked") == 0 && r->n_minority > 0) {
        sg_buf_puts(b, "blocked by a blocking minority: ");
        name_list(b, r->minority, r->n_minority);
    } else {
        sg_buf_puts(b, out);
        sg_buf_puts(b, ": ");
        support_count(b, r);
        if (r->n_opponents > 0 && r->n_blockers == 0) {
            sg_buf_puts(b, "; opposed by ");
            name_list(b, r->opponents, r->n_opponents);
            sg_buf_puts(b, strcmp(out, "blocked") == 0 ? "" : ", not enough to block");
        } else if (r->n_blockers > 0) {
            sg_buf_puts(b, "; ");
            name_list(b, r->blockers, r->n_blockers);
            sg_buf_puts(b, r->n_blockers == 1 ? " can stop it alone" : " can each stop it alone");
        }
    }
}

void sg_render__dates(sg_buf *b, const sg_report *r)
{
    if (r->date_from == NULL && r->date_to == NULL)
        return;
    if (r->date_from && r->date_to && strcmp(r->date_from, r->date_to) != 0) {
        sg_buf_puts(b, r->date_from);
        sg_buf_puts(b, " to ");
        sg_buf_puts(b, r->date_to);
    } else {
        sg_buf_puts(b, r->date_from ? r->date_from : r->date_to);
    }
}

/* The diagram kind asked for, or SG_EUSAGE when the format does not draw one. */
static sg_status diagram_kind(sg_diagram *kind, sg_render_format fmt,
                              const sg_render_options *opts, sg_error *err)
{
    if (opts->twomode && opts->timeline)
        return sg_error_set(err, SG_EUSAGE, NULL, 0,
                            "choose one of the two-mode diagram and the timeline");
    *kind = opts->twomode ? SG_DIAGRAM_TWOMODE
                          : opts->timeline ? SG_DIAGRAM_TIMELINE : SG_DIAGRAM_CAMPS;
    int draws = fmt == SG_RENDER_DOT || fmt == SG_RENDER_SVG || fmt == SG_RENDER_PNG ||
                fmt == SG_RENDER_PDF || fmt == SG_RENDER_HTML;
    int matrix = fmt == SG_RENDER_MATRIX || fmt == SG_RENDER_DL;
    if (*kind != SG_DIAGRAM_CAMPS && !draws && !(matrix && opts->twomode))
        return sg_error_set(err, SG_EUSAGE, NULL, 0,
                            "%s applies to diagrams (dot, svg, png, pdf, html) and matrices "
                            "(matrix, dl), not to %s",
                            opts->twomode ? "the two-mode view" : "the timeline",
                            sg_render_format_name(fmt));
    return SG_OK;
}

struct sg_render_doc {
    sg_report r;
};

sg_status sg_render_doc_parse(sg_render_doc **out, const char *report_json, size_t len,
                              const char *input_name, sg_error *err)
{
    *out = NULL;
    if (report_json == NULL)
        return sg_error_set(err, SG_EINPUT, input_name, 0, "no input");
    sg_render_doc *d = calloc(1, sizeof(*d));
    if (d == NULL)
        return sg_error_set(err, SG_ENOMEM, input_name, 0, "out of memory");
    sg_status rc = sg_render__report_parse(&d->r, report_json, len, input_name, err);
    if (rc != SG_OK) {
        free(d);
        return rc;
    }
    *out = d;
    return SG_OK;
}

void sg_render_doc_free(sg_render_doc *doc)
{
    if (doc == NULL)
        return;
    sg_render__report_destroy(&doc->r);
    free(doc);
}

sg_status sg_render_doc_render(char **out, size_t *out_len, const sg_render_doc *doc,
                               sg_render_format fmt, const sg_render_options *opts,
                               sg_error *err)
{
    static const sg_render_options defaults = SG_RENDER_OPTIONS_INIT;
    if (opts == NULL)
        opts = &defaults;
    *out = NULL;
    *out_len = 0;
    sg_diagram kind = SG_DIAGRAM_CAMPS;
    sg_status rc = diagram_kind(&kind, fmt, opts, err);
    if (rc != SG_OK)
        return rc;
    const sg_report *r = &doc->r;
    sg_buf b;
    sg_buf_init(&b);
    switch (fmt) {
    case SG_RENDER_DOT: rc = sg_render__diagram(&b, r, kind, opts, NULL, err); break;
    case SG_RENDER_SVG: rc = sg_render__diagram(&b, r, kind, opts, "svg", err); break;
    case SG_RENDER_PNG: rc = sg_render__diagram(&b, r, kind, opts, "png", err); break;
    case SG_RENDER_PDF: rc = sg_render__diagram(&b, r, kind, opts, "pdf", err); break;
    case SG_RENDER_GRAPHML: rc = sg_render__graphml(&b, r, err); break;
    case SG_RENDER_CSV_NODES: rc = sg_render__csv_nodes(&b, r, err); break;
    case SG_RENDER_CSV_EDGES: rc = sg_render__csv_edges(&b, r, err); break;
    case SG_RENDER_HTML: rc = sg_render__html(&b, r, kind, opts, err); break;
    case SG_RENDER_JSON: rc = sg_render__json(&b, r, err); break;
    case SG_RENDER_MATRIX:
    case SG_RENDER_DL:
        rc = sg_render__matrix(&b, r, opts->twomode, fmt == SG_RENDER_DL, err);
        break;
    default: rc = sg_error_set(err, SG_EUSAGE, NULL, 0, "unknown output format"); break;
    }
    if (rc == SG_OK)
        rc = sg_buf_finish(&b, out, out_len, err);
    sg_buf_free(&b);
    return rc;
}

sg_status sg_render(char **out, size_t *out_len, const char *report_json, size_t len,
                    sg_render_format fmt, const sg_render_options *opts, sg_error *err)
{
    static const sg_render_options defaults = SG_RENDER_OPTIONS_INIT;
    if (opts == NULL)
        opts = &defaults;
    *out = NULL;
    *out_len = 0;
    sg_diagram kind = SG_DIAGRAM_CAMPS;
    sg_status rc = diagram_kind(&kind, fmt, opts, err);
    if (rc != SG_OK)
        return rc;
    sg_render_doc *doc = NULL;
    rc = sg_render_doc_parse(&doc, report_json, len, opts->input_name, err);
    if (rc == SG_OK)
        rc = sg_render_doc_render(out, out_len, doc, fmt, opts, err);
    sg_render_doc_free(doc);
    return rc;
}
