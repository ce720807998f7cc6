/* matrix.c - the report's network as a matrix, for DNA/rDNA and UCINET users.
 *
 * One-mode: actors x actors, the signed weight of each relation (symmetric for ties;
 * a directed relation fills only row source, column target); 0 where there is none and
 * on the diagonal. Two-mode: actors x topics, the report's "twomode_edges" weights when
 * present (a two-mode network), else each actor's score on each topic.
 * CSV: DNA's layout (rDNA's dna_network() written with write.csv): an empty first cell,
 * the column labels, then one row per actor led by its label; RFC 4180 quoting.
 * DL: UCINET's "dl n=N format=fullmatrix" with quoted labels (nr/nc for two-mode).
 */
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

typedef struct matrix {
    size_t rows, cols;
    const char **row_label, **col_label;
    double *v; /* rows x cols */
} matrix;

static void matrix_free(matrix *m)
{
    free(m->row_label);
    free(m->col_label);
    free(m->v);
}

static int is_directed(const sg_redge *e)
{
    return e->kind != NULL && strcmp(e->kind, "direct") == 0;
}

static sg_status onemode(matrix *m, const sg_report *r, sg_error *err)
{
    m->rows = m->cols = r->n_actors;
    m->row_label = calloc(m->rows + 1, sizeof(char *));
    m->v = calloc(m->rows * m->cols + 1, sizeof(double));
    if (m->row_label == NULL || m->v == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < r->n_actors; i++)
        m->row_label[i] = r->actors[i].id;
    m->col_label = NULL; /* same as the rows */
    for (size_t i = 0; i < r->n_edges; i++) {
        const sg_redge *e = &r->edges[i];
        if (e->src == e->dst)
            continue;
        m->v[e->src * m->cols + e->dst] += e->weight;
        if (!is_directed(e))
            m->v[e->dst * m->cols + e->src] += e->weight;
    }
    return SG_OK;
}

static size_t label_index(const char **labels, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(labels[i], s) == 0)
            return i;
    return (size_t)-1;
}

/* Topics: the report's "topics", then any other topic an edge or stance names. */
static sg_status twomode(matrix *m, const sg_report *r, sg_error *err)
{
    size_t cap = r->n_topics + r->n_tm + 1;
    for (size_t a = 0; a < r->n_actors; a++)
        cap += r->actors[a].n_topics;
    m->rows = r->n_actors;
    m->row_label = calloc(m->rows + 1, sizeof(char *));
    m->col_label = calloc(cap, sizeof(char *));
    if (m->row_label == NULL || m->col_label == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < r->n_actors; i++)
        m->row_label[i] = r->actors[i].id;
    for (size_t i = 0; i < r->n_topics; i++)
        if (label_index(m->col_label, m->cols, r->topics[i]) == (size_t)-1)
            m->col_label[m->cols++] = r->topics[i];
    for (size_t i = 0; i < r->n_tm; i++)
        if (label_index(m->col_label, m->cols, r->tm[i].topic) == (size_t)-1)
            m->col_label[m->cols++] = r->tm[i].topic;
    for (size_t a = 0; r->n_tm == 0 && a < r->n_actors; a++)
        for (size_t k = 0; k < r->actors[a].n_topics; k++)
            if (label_index(m->col_label, m->cols, r->actors[a].topics[k].topic) == (size_t)-1)
                m->col_label[m->cols++] = r->actors[a].topics[k].topic;
    m->v = calloc(m->rows * m->cols + 1, sizeof(double));
    if (m->v == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    if (r->n_tm > 0) {
        for (size_t i = 0; i < r->n_tm; i++)
            m->v[r->tm[i].a * m->cols + label_index(m->col_label, m->cols, r->tm[i].topic)] +=
                r->tm[i].weight;
        return SG_OK;
    }
    for (size_t a = 0; a < r->n_actors; a++)
        for (size_t k = 0; k < r->actors[a].n_topics; k++)
            m->v[a * m->cols +
                 label_index(m->col_label, m->cols, r->actors[a].topics[k].topic)] +=
                r->actors[a].topics[k].score;
    return SG_OK;
}

static void write_csv(sg_buf *b, const matrix *m)
{
    const char **cols = m->col_label ? m->col_label : m->row_label;
    sg_buf_csv(b, "");
    for (size_t j = 0; j < m->cols; j++) {
        sg_buf_puts(b, ",");
        sg_buf_csv(b, cols[j]);
    }
    sg_buf_puts(b, "\r\n");
    for (size_t i = 0; i < m->rows; i++) {
        sg_buf_csv(b, m->row_label[i]);
        for (size_t j = 0; j < m->cols; j++) {
            sg_buf_puts(b, ",");
            sg_buf_num(b, m->v[i * m->cols + j], 6);
        }
        sg_buf_puts(b, "\r\n");
    }
}

/* A DL label: in double quotes, a quote inside becomes an apostrophe (DL has no escape);
 * line breaks become spaces. */
static void dl_label(sg_buf *b, const char *s)
{
    sg_buf t;
    sg_buf_init(&t);
    sg_buf_text(&t, s, SG_TEXT_RAW); /* valid UTF-8, control characters as spaces */
    sg_buf_puts(b, "\"");
    for (size_t i = 0; i < t.len; i++)
        sg_buf_put(b, t.data[i] == '"' ? "'" : &t.data[i], 1);
    sg_buf_puts(b, "\"");
    if (t.oom)
        b->oom = 1;
    sg_buf_free(&t);
}

static void dl_labels(sg_buf *b, const char **labels, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            sg_buf_puts(b, ",");
        dl_label(b, labels[i]);
    }
    sg_buf_puts(b, "\n");
}

static void write_dl(sg_buf *b, const matrix *m)
{
    if (m->col_label == NULL) {
        sg_buf_printf(b, "dl n=%zu\nformat = fullmatrix\nlabels:\n", m->rows);
        dl_labels(b, m->row_label, m->rows);
    } else {
        sg_buf_printf(b, "dl nr=%zu nc=%zu\nformat = fullmatrix\nrow labels:\n", m->rows,
                      m->cols);
        dl_labels(b, m->row_label, m->rows);
        sg_buf_puts(b, "column labels:\n");
        dl_labels(b, m->col_label, m->cols);
    }
    sg_buf_puts(b, "data:\n");
    for (size_t i = 0; i < m->rows; i++) {
        for (size_t j = 0; j < m->cols; j++) {
            if (j > 0)
                sg_buf_puts(b, " ");
            sg_buf_num(b, m->v[i * m->cols + j], 6);
        }
        sg_buf_puts(b, "\n");
    }
}

sg_status sg_render__matrix(sg_buf *b, const sg_report *r, int two, int dl, sg_error *err)
{
    matrix m;
    memset(&m, 0, sizeof(m));
    sg_status rc = two ? twomode(&m, r, err) : onemode(&m, r, err);
    if (rc == SG_OK) {
        if (dl)
            write_dl(b, &m);
        else
            write_csv(b, &m);
    }
    matrix_free(&m);
    return rc;
}
