/* chart.c - the two other diagrams, built with cgraph like the camps diagram:
 * - two-mode: actors and topics as two kinds of nodes, an actor-topic line per stance,
 *   coloured by the stance on that topic;
 * - timeline: one row per actor, one column per time window, the actor's score drawn
 *   as height within its row (above the dotted line = support), coloured by stance.
 *   Positions are computed here and pinned; Graphviz's "nop" engine only draws.
 */
#include <graphviz/cgraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/dot_internal.h"

/* ---- two-mode ------------------------------------------------------------------- */

/* Every topic: the report's, then any further ones actors took a stance on. */
static sg_status collect_topics(const char ***out, size_t *n_out, const sg_report *r,
                                sg_error *err)
{
    size_t cap = r->n_topics;
    for (size_t i = 0; i < r->n_actors; i++)
        cap += r->actors[i].n_topics;
    const char **t = calloc(cap ? cap : 1, sizeof(*t));
    if (t == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i <= r->n_actors; i++) {
        size_t k = i == 0 ? r->n_topics : r->actors[i - 1].n_topics;
        for (size_t j = 0; j < k; j++) {
            const char *id = i == 0 ? r->topics[j] : r->actors[i - 1].topics[j].topic;
            size_t m = 0;
            while (m < n && strcmp(t[m], id) != 0)
                m++;
            if (m == n)
                t[n++] = id;
        }
    }
    *out = t;
    *n_out = n;
    return SG_OK;
}

static void link_tooltip(sg_buf *t, const sg_ractor *a, const sg_rtopic *tp)
{
    sg_buf_text(t, a->id, SG_TEXT_TOOLTIP);
    sg_buf_puts(t, " on ");
    sg_buf_text(t, tp->topic, SG_TEXT_TOOLTIP);
    sg_buf_printf(t, ": %s (score ", tp->score > 0 ? "supports" : tp->score < 0 ? "opposes"
                                                                               : "undecided");
    sg_buf_num(t, tp->score, 3);
    sg_buf_printf(t, ", %ld statement%s)", tp->n, tp->n == 1 ? "" : "s");
    size_t shown = 0;
    for (size_t i = 0; i < a->n_ev && shown < SG_DOT_MAX_EVIDENCE; i++) {
        if (a->ev[i].topic == NULL || strcmp(a->ev[i].topic, tp->topic) != 0)
            continue;
        sg_dot_evidence_line(t, &a->ev[i], 0);
        shown++;
    }
}

static void style_link(Agedge_t *e, const sg_ractor *a, const sg_rtopic *tp, size_t k,
                       double max_s)
{
    sg_rstance s = tp->score > 0 ? SG_RS_SUPPORT : tp->score < 0 ? SG_RS_OPPOSE : SG_RS_NEUTRAL;
    sg_buf t;
    sg_buf_init(&t);
    sg_dot_set(e, "color", s == SG_RS_NEUTRAL ? "#777777" : sg_dot_fill(s));
    sg_dot_set(e, "style", s == SG_RS_SUPPORT ? "solid" : s == SG_RS_OPPOSE ? "dashed"
                                                                            : "dotted");
    sg_dot_setnum(e, "penwidth", 1 + 4 * (max_s > 0 ? fabs(tp->score) / max_s : 0), 2);
    sg_buf_printf(&t, "link-%zu", k);
    sg_dot_setbuf(e, "id", &t);
    link_tooltip(&t, a, tp);
    sg_dot_setbuf(e, "tooltip", &t);
    sg_dot_set(e, "stance", sg_render__stance_name(s));
    sg_dot_setnum(e, "score", tp->score, 6);
    sg_buf_free(&t);
}

sg_status sg_dot_build_twomode(Agraph_t *g, const sg_report *r, const sg_render_options *opts,
                               const char *engine, sg_error *err)
{
    const char **topics = NULL;
    size_t n_topics = 0;
    sg_status rc = collect_topics(&topics, &n_topics, r, err);
    if (rc != SG_OK)
        return rc;
    Agnode_t **tn = calloc(n_topics ? n_topics : 1, sizeof(*tn));
    if (tn == NULL) {
        free(topics);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    sg_dot_graph_defaults(g, r, opts, engine, "actors and the topics they took a stance on");
    sg_dot_set(g, "overlap", "false");
    sg_dot_set(g, "sep", "+10");
    sg_buf t;
    sg_buf_init(&t);
    for (size_t i = 0; i < n_topics; i++) {
        sg_buf_puts(&t, "topic: ");
        sg_buf_puts(&t, topics[i]);
        tn[i] = t.oom ? NULL : sg_dot_fresh_node(g, t.data);
        t.len = 0;
        if (tn[i] == NULL)
            continue;
        sg_buf_text(&t, topics[i], SG_TEXT_LABEL);
        sg_dot_setbuf(tn[i], "label", &t);
        sg_buf_printf(&t, "topic-%zu", i);
        sg_dot_setbuf(tn[i], "id", &t);
        sg_buf_puts(&t, "topic: ");
        sg_buf_text(&t, topics[i], SG_TEXT_TOOLTIP);
        sg_dot_setbuf(tn[i], "tooltip", &t);
        sg_dot_set(tn[i], "shape", "box");
        sg_dot_set(tn[i], "style", "filled,bold");
        sg_dot_set(tn[i], "fillcolor", "white");
        sg_dot_set(tn[i], "fontsize", "16");
        sg_dot_set(tn[i], "kind", "topic");
    }
    double max_s = 0;
    for (size_t i = 0; i < r->n_actors; i++)
        for (size_t j = 0; j < r->actors[i].n_topics; j++)
            if (fabs(r->actors[i].topics[j].score) > max_s)
                max_s = fabs(r->actors[i].topics[j].score);
    size_t k = 0;
    for (size_t i = 0; i < r->n_actors; i++) {
        const sg_ractor *a = &r->actors[i];
        Agnode_t *an = sg_dot_actor_node(g, a->id);
        if (an == NULL)
            continue;
        sg_dot_style_actor(an, a, i, sg_dot_max_statements(r));
        sg_dot_set(an, "kind", "actor");
        for (size_t j = 0; j < a->n_topics; j++) {
            size_t m = 0;
            while (m < n_topics && strcmp(topics[m], a->topics[j].topic) != 0)
                m++;
            if (m == n_topics || tn[m] == NULL)
                continue;
            Agedge_t *e = agedge(g, an, tn[m], NULL, 1);
            if (e != NULL)
                style_link(e, a, &a->topics[j], k++, max_s);
        }
    }
    sg_buf_free(&t);
    free(tn);
    free(topics);
    sg_dot_legend(g, 0, 1);
    return SG_OK;
}

/* ---- timeline ------------------------------------------------------------------- */

#define TL_COL0 170.0 /* x of the first window, points */
#define TL_COLW 120.0 /* column width */
#define TL_ROWH 70.0  /* row height */
#define TL_AMP 24.0   /* half the height a score can move within its row */

/* The rows: every actor seen in a window, in report order, then unknown ids. */
static sg_status timeline_rows(const char ***out, size_t *n_out, const sg_report *r,
                               sg_error *err)
{
    size_t cap = r->n_actors;
    for (size_t w = 0; w < r->n_windows; w++)
        cap += r->windows[w].n_actors;
    const char **rows = calloc(cap ? cap : 1, sizeof(*rows));
    char *seen = calloc(r->n_actors ? r->n_actors : 1, 1);
    if (rows == NULL || seen == NULL) {
        free(rows);
        free(seen);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    size_t n = 0;
    for (size_t w = 0; w < r->n_windows; w++)
        for (size_t i = 0; i < r->windows[w].n_actors; i++) {
            size_t a = sg_render__report_actor(r, r->windows[w].actors[i].id);
            if (a != (size_t)-1)
                seen[a] = 1;
        }
    for (size_t a = 0; a < r->n_actors; a++)
        if (seen[a])
            rows[n++] = r->actors[a].id;
    for (size_t w = 0; w < r->n_windows; w++)
        for (size_t i = 0; i < r->windows[w].n_actors; i++) {
            const char *id = r->windows[w].actors[i].id;
            if (sg_render__report_actor(r, id) != (size_t)-1)
                continue;
            size_t m = 0;
            while (m < n && strcmp(rows[m], id) != 0)
                m++;
            if (m == n)
                rows[n++] = id;
        }
    free(seen);
    *out = rows;
    *n_out = n;
    return SG_OK;
}

static Agnode_t *pinned(Agraph_t *g, const char *base, double x, double y)
{
    Agnode_t *n = sg_dot_fresh_node(g, base);
    if (n == NULL)
        return NULL;
    sg_buf t;
    sg_buf_init(&t);
    sg_buf_num(&t, x, 1);
    sg_buf_puts(&t, ",");
    sg_buf_num(&t, y, 1);
    sg_buf_puts(&t, "!");
    sg_dot_setbuf(n, "pos", &t);
    sg_buf_free(&t);
    return n;
}

/* A window's name: its dates, else its id, else its number. */
static void window_label(sg_buf *t, const sg_rwindow *w, size_t j, sg_text_mode mode)
{
    if (w->start != NULL) {
        sg_buf_text(t, w->start, mode);
        if (w->end != NULL && strcmp(w->end, w->start) != 0) {
            sg_buf_puts(t, mode == SG_TEXT_LABEL ? "\\nto " : " to ");
            sg_buf_text(t, w->end, mode);
        }
    } else if (w->id != NULL) {
        sg_buf_text(t, w->id, mode);
    } else {
        sg_buf_printf(t, "window %zu", j + 1);
    }
}

static void label_node(Agnode_t *n, sg_buf *t, const char *fontsize)
{
    if (n == NULL) {
        t->len = 0;
        return;
    }
    sg_dot_setbuf(n, "label", t);
    sg_dot_set(n, "shape", "plaintext");
    sg_dot_set(n, "fontsize", fontsize);
}

/* One actor's point in one window, and the line from its previous point. */
static Agnode_t *timeline_point(Agraph_t *g, const sg_rwin_actor *wa, const char *row,
                                const sg_rwindow *w, size_t i, size_t j, double x, double y)
{
    sg_buf t;
    sg_buf_init(&t);
    sg_buf_printf(&t, "tl-%zu-%zu", i, j);
    Agnode_t *n = t.oom ? NULL : pinned(g, t.data, x, y);
    if (n != NULL) {
        sg_dot_setbuf(n, "id", &t);
        sg_dot_set(n, "label", "");
        sg_dot_set(n, "shape", "circle");
        sg_dot_set(n, "fixedsize", "true");
        double grow = wa->statements > 0 ? sqrt((double)wa->statements) : 1;
        sg_dot_setnum(n, "width", 0.16 + 0.06 * grow, 2);
        sg_dot_set(n, "style", "filled");
        sg_dot_set(n, "fillcolor", sg_dot_fill(wa->stance));
        sg_dot_set(n, "color", "#333333");
        sg_buf_text(&t, row, SG_TEXT_TOOLTIP);
        sg_buf_puts(&t, ", ");
        window_label(&t, w, j, SG_TEXT_TOOLTIP);
        sg_buf_printf(&t, ": %s, score ", sg_render__stance_name(wa->stance));
        sg_buf_num(&t, wa->score, 3);
        if (wa->statements >= 0)
            sg_buf_printf(&t, ", %ld statements", wa->statements);
        sg_dot_setbuf(n, "tooltip", &t);
        sg_dot_setnum(n, "score", wa->score, 6);
    }
    sg_buf_free(&t);
    return n;
}

static void timeline_row(Agraph_t *g, const sg_report *r, const char *row, size_t i,
                         double cy, double max_s)
{
    sg_buf t;
    sg_buf_init(&t);
    sg_buf_printf(&t, "row-%zu", i);
    Agnode_t *lab = t.oom ? NULL : pinned(g, t.data, 70, cy);
    t.len = 0;
    sg_buf_text(&t, row, SG_TEXT_LABEL);
    label_node(lab, &t, "12");
    /* the zero line: above it support, below it opposition */
    double x_end = TL_COL0 + (double)(r->n_windows - 1) * TL_COLW + 40;
    sg_buf_printf(&t, "zero-%zu-a", i);
    Agnode_t *z0 = t.oom ? NULL : pinned(g, t.data, TL_COL0 - 40, cy);
    t.len = 0;
    sg_buf_printf(&t, "zero-%zu-b", i);
    Agnode_t *z1 = t.oom ? NULL : pinned(g, t.data, x_end, cy);
    t.len = 0;
    if (z0 && z1) {
        sg_dot_set(z0, "shape", "point");
        sg_dot_set(z0, "width", "0.01");
        sg_dot_set(z1, "shape", "point");
        sg_dot_set(z1, "width", "0.01");
        Agedge_t *e = agedge(g, z0, z1, NULL, 1);
        if (e) {
            sg_dot_set(e, "style", "dotted");
            sg_dot_set(e, "color", "#999999");
        }
    }
    Agnode_t *prev = NULL;
    for (size_t j = 0; j < r->n_windows; j++) {
        const sg_rwindow *w = &r->windows[j];
        const sg_rwin_actor *wa = NULL;
        for (size_t k = 0; k < w->n_actors && wa == NULL; k++)
            if (strcmp(w->actors[k].id, row) == 0)
                wa = &w->actors[k];
        if (wa == NULL) {
            prev = NULL; /* a gap: no statement in this window */
            continue;
        }
        double y = cy + (max_s > 0 ? TL_AMP * wa->score / max_s : 0);
        Agnode_t *n = timeline_point(g, wa, row, w, i, j, TL_COL0 + (double)j * TL_COLW, y);
        if (n && prev) {
            Agedge_t *e = agedge(g, prev, n, NULL, 1);
            if (e) {
                sg_dot_set(e, "color", "#555555");
                sg_dot_set(e, "penwidth", "1.5");
            }
        }
        prev = n;
    }
    sg_buf_free(&t);
}

sg_status sg_dot_build_timeline(Agraph_t *g, const sg_report *r, const sg_render_options *opts,
                                sg_error *err)
{
    if (r->n_windows == 0)
        return sg_error_set(err, SG_EINPUT, r->name[0] ? r->name : NULL, 0,
                            "the report has no \"windows\": a timeline needs a windowed "
                            "run (time windows in 'build'/'analyze')");
    const char **rows = NULL;
    size_t n_rows = 0;
    sg_status rc = timeline_rows(&rows, &n_rows, r, err);
    if (rc != SG_OK)
        return rc;
    sg_dot_graph_defaults(g, r, opts, "nop",
                          "stance over time: above the dotted line supports, below opposes");
    sg_dot_set(g, "splines", "false");
    double max_s = 0;
    for (size_t w = 0; w < r->n_windows; w++)
        for (size_t k = 0; k < r->windows[w].n_actors; k++)
            if (fabs(r->windows[w].actors[k].score) > max_s)
                max_s = fabs(r->windows[w].actors[k].score);
    double top = (double)n_rows * TL_ROWH;
    sg_buf t;
    sg_buf_init(&t);
    for (size_t j = 0; j < r->n_windows; j++) {
        sg_buf_printf(&t, "col-%zu", j);
        Agnode_t *h = t.oom ? NULL : pinned(g, t.data, TL_COL0 + (double)j * TL_COLW, top + 10);
        t.len = 0;
        window_label(&t, &r->windows[j], j, SG_TEXT_LABEL);
        label_node(h, &t, "11");
    }
    sg_buf_free(&t);
    for (size_t i = 0; i < n_rows; i++)
        timeline_row(g, r, rows[i], i, top - TL_ROWH * ((double)i + 0.5), max_s);
    free(rows);
    return SG_OK;
}
