/* html.c - the HTML report: one self-contained page that works offline. It holds the
 * diagram as inline SVG, the camps, the decision and its blockers, tables of
 * supporters, opponents and undecided actors with their evidence (quote, document, date,
 * source), the relations, structural balance, and a small script that shows the
 * evidence of an actor or line when it is hovered or clicked.
 *
 * Safety: every string from the report goes through sg_buf_xml; the evidence shown by
 * the script is pre-rendered, escaped HTML that the script clones (it never parses text
 * as markup); a Content-Security-Policy forbids loading anything from outside.
 */
#include <string.h>

#include "render/render_internal.h"

static const char sg_html_css[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
    "margin:0;color:#222;background:#fff;line-height:1.45}"
    "header,main,footer{max-width:1200px;margin:0 auto;padding:0 1.2rem}"
    "header{padding-top:1rem}h1{margin:.4rem 0;font-size:1.6rem}h2{margin-top:2rem;"
    "border-bottom:1px solid #ddd;padding-bottom:.2rem}.meta{color:#555;margin:.2rem 0}"
    ".layout{display:flex;gap:1rem;align-items:flex-start;flex-wrap:wrap}"
    "figure.diagram{flex:3 1 560px;margin:0;border:1px solid #ddd;border-radius:6px;"
    "padding:.5rem;overflow:auto}figure.diagram svg{max-width:100%;height:auto}"
    "aside#evidence-panel{flex:1 1 280px;position:sticky;top:.5rem;border:1px solid #ddd;"
    "border-radius:6px;padding:.6rem .9rem;background:#fafafa;max-height:90vh;overflow:auto}"
    "aside h3{margin:.2rem 0}.hint{color:#666;font-size:.9rem}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.93rem}"
    "th,td{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}"
    "th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}"
    "ul.ev{margin:0;padding-left:1.1rem}ul.ev li{margin:.2rem 0}"
    ".src{color:#555;font-size:.85rem}q{font-style:italic}"
    ".chip{display:inline-block;border-radius:1rem;padding:.05rem .6rem;margin:.1rem;"
    "border:1px solid #333;font-size:.9rem}"
    ".support{background:#0072B2;color:#fff}.oppose{background:#D55E00;color:#000}"
    ".neutral{background:#F0E442;color:#000;border-style:dashed}"
    ".blocker{border:3px solid #000;font-weight:bold}"
    ".badge{font-size:.75rem;border:2px solid #000;border-radius:3px;padding:0 .3rem;"
    "margin-left:.4rem;font-weight:bold}"
    "button.actor{font:inherit;background:none;border:none;padding:0;color:#0b4f8a;"
    "text-decoration:underline;cursor:pointer}"
    "svg g.node,svg g.edge{cursor:pointer}svg g.sg-selected path,"
    "svg g.sg-selected polygon,svg g.sg-selected ellipse{stroke-width:4px}"
    "footer{color:#666;font-size:.85rem;margin-top:2rem;padding-bottom:2rem}";

/* Shows the pre-rendered evidence of a diagram element or table row in the side panel;
 * data-sg-ready on <body> tells a test how many elements were wired up. */
static const char sg_html_js[] =
    "(function(){'use strict';"
    "var panel=document.getElementById('evidence-body');var pinned=null;"
    "function show(key,pin){var src=document.getElementById('ev-'+key);"
    "if(!src||!panel)return;if(pinned&&!pin)return;"
    "while(panel.firstChild)panel.removeChild(panel.firstChild);"
    "var c=src.cloneNode(true);c.removeAttribute('id');c.hidden=false;panel.appendChild(c);}"
    "function select(el){var old=document.querySelectorAll('.sg-selected');"
    "for(var i=0;i<old.length;i++)old[i].classList.remove('sg-selected');"
    "if(el)el.classList.add('sg-selected');}"
    "var n=0;var gs=document.querySelectorAll('figure.diagram g.node,figure.diagram g.edge');"
    "Array.prototype.forEach.call(gs,function(g){var id=g.getAttribute('id');"
    "if(!id||!document.getElementById('ev-'+id))return;n++;"
    "g.addEventListener('mouseenter',function(){show(id,false);});"
    "g.addEventListener('click',function(e){e.preventDefault();"
    "pinned=pinned===id?null:id;show(id,true);select(pinned?g:null);});});"
    "var bs=document.querySelectorAll('[data-ev]');"
    "Array.prototype.forEach.call(bs,function(b){var id=b.getAttribute('data-ev');"
    "b.addEventListener('click',function(){pinned=id;show(id,true);"
    "select(document.getElementById(id));"
    "var p=document.getElementById('evidence-panel');if(p&&p.scrollIntoView)"
    "p.scrollIntoView({block:'nearest'});});});"
    "document.body.setAttribute('data-sg-ready',String(n));})();";

static void h_text(sg_buf *b, const char *s)
{
    sg_buf_xml(b, s);
}

/* <li> for one evidence statement: the quote, then source, date, document, cue. */
static void h_evidence_item(sg_buf *b, const sg_rev *e)
{
    sg_buf_puts(b, "<li><q>");
    h_text(b, e->text ? e->text : "(no sentence)");
    sg_buf_puts(b, "</q> <span class=\"src\">");
    const char *parts[] = {e->source, e->date, e->doc};
    int first = 1;
    for (size_t i = 0; i < 3; i++) {
        if (parts[i] == NULL)
            continue;
        sg_buf_puts(b, first ? "" : " &#183; ");
        h_text(b, parts[i]);
        first = 0;
    }
    if (e->mention) {
        sg_buf_puts(b, first ? "" : " &#183; ");
        sg_buf_puts(b, "as &#8220;");
        h_text(b, e->mention);
        sg_buf_puts(b, "&#8221;");
        first = 0;
    }
    if (e->cue) {
        sg_buf_puts(b, first ? "" : " &#183; ");
        sg_buf_puts(b, "cue &#8220;");
        h_text(b, e->cue);
        sg_buf_puts(b, "&#8221;");
    }
    sg_buf_puts(b, e->stance > 0 ? " &#183; supports" : e->stance < 0 ? " &#183; opposes"
                                                                      : " &#183; neutral");
    sg_buf_puts(b, "</span></li>");
}

static const char *verb(sg_rstance s)
{
    return s == SG_RS_SUPPORT ? "supports" : s == SG_RS_OPPOSE ? "opposes" : "undecided";
}

/* The hidden evidence blocks the script shows: one per actor, edge and two-mode link. */
static void h_store(sg_buf *b, const sg_report *r)
{
    sg_buf_puts(b, "<div id=\"evidence-store\" hidden>\n");
    for (size_t i = 0; i < r->n_actors; i++) {
        const sg_ractor *a = &r->actors[i];
        sg_buf_printf(b, "<div id=\"ev-actor-%zu\"><h4>", i);
        h_text(b, a->id);
        sg_buf_printf(b, ": %s (score ", verb(a->stance));
        sg_buf_num(b, a->score, 3);
        sg_buf_puts(b, ")");
        if (a->blocker)
            sg_buf_puts(b, "<span class=\"badge\">blocker</span>");
        sg_buf_puts(b, "</h4><ul class=\"ev\">");
        for (size_t k = 0; k < a->n_ev; k++)
            h_evidence_item(b, &a->ev[k]);
        if (a->n_ev == 0)
            sg_buf_puts(b, "<li>No evidence listed.</li>");
        sg_buf_puts(b, "</ul></div>\n");
    }
    for (size_t i = 0; i < r->n_edges; i++) {
        const sg_redge *e = &r->edges[i];
        sg_buf_printf(b, "<div id=\"ev-edge-%zu\"><h4>", i);
        h_text(b, e->source);
        sg_buf_puts(b, e->kind && strcmp(e->kind, "direct") == 0 ? " &#8594; " : " &#8212; ");
        h_text(b, e->target);
        sg_buf_printf(b, ": %s (weight ",
                      e->sign > 0 ? "alignment" : e->sign < 0 ? "conflict" : "no relation");
        sg_buf_num(b, e->weight, 3);
        sg_buf_puts(b, ")</h4><ul class=\"ev\">");
        size_t shown = 0;
        for (size_t k = 0; k < e->n_evidence; k++) {
            const sg_rev *ev = sg_render__report_evidence(r, e->evidence[k]);
            if (ev != NULL) {
                h_evidence_item(b, ev);
                shown++;
            }
        }
        if (shown == 0)
            sg_buf_puts(b, "<li>No evidence listed.</li>");
        sg_buf_puts(b, "</ul></div>\n");
    }
    size_t k = 0; /* same numbering as the two-mode diagram's link-<k> */
    for (size_t i = 0; i < r->n_actors; i++)
        for (size_t j = 0; j < r->actors[i].n_topics; j++, k++) {
            const sg_ractor *a = &r->actors[i];
            sg_buf_printf(b, "<div id=\"ev-link-%zu\"><h4>", k);
            h_text(b, a->id);
            sg_buf_puts(b, " on ");
            h_text(b, a->topics[j].topic);
            sg_buf_puts(b, "</h4><ul class=\"ev\">");
            for (size_t m = 0; m < a->n_ev; m++)
                if (a->ev[m].topic && strcmp(a->ev[m].topic, a->topics[j].topic) == 0)
                    h_evidence_item(b, &a->ev[m]);
            sg_buf_puts(b, "</ul></div>\n");
        }
    sg_buf_puts(b, "</div>\n");
}

static void h_chip(sg_buf *b, const sg_report *r, const char *id)
{
    size_t a = sg_render__report_actor(r, id);
    const char *cls = a == (size_t)-1 ? "" : sg_render__stance_name(r->actors[a].stance);
    sg_buf_printf(b, "<span class=\"chip %s%s\">", cls,
                  a != (size_t)-1 && r->actors[a].blocker ? " blocker" : "");
    h_text(b, id);
    sg_buf_puts(b, "</span>");
}

static void h_camps(sg_buf *b, const sg_report *r)
{
    sg_buf_puts(b, "<section id=\"camps\"><h2>Camps</h2>\n");
    if (r->method) {
        sg_buf_puts(b, "<p class=\"meta\">Found by ");
        h_text(b, r->method);
        if (r->seed >= 0)
            sg_buf_printf(b, " (seed %ld)", r->seed);
        sg_buf_puts(b, ".</p>\n");
    }
    if (r->n_camps == 0)
        sg_buf_puts(b, "<p>No camps in this report.</p>\n");
    else
        sg_buf_puts(b, "<table><tr><th>Camp</th><th>Stance</th><th>Members</th></tr>\n");
    for (size_t i = 0; i < r->n_camps; i++) {
        const sg_rcamp *c = &r->camps[i];
        if (c->unaligned)
            sg_buf_printf(b, "<tr id=\"camp-row-%ld\"><td>Undecided or without ties</td><td>",
                          c->id);
        else
            sg_buf_printf(b, "<tr id=\"camp-row-%ld\"><td class=\"num\">Camp %ld</td><td>",
                          c->id, c->id);
        h_text(b, c->stance ? c->stance : "");
        sg_buf_puts(b, "</td><td>");
        for (size_t m = 0; m < c->n_members; m++)
            h_chip(b, r, c->members[m]);
        sg_buf_puts(b, "</td></tr>\n");
    }
    if (r->n_camps > 0)
        sg_buf_puts(b, "</table>\n");
    sg_buf_puts(b, "</section>\n");
}

static void h_blocking(sg_buf *b, const sg_report *r)
{
    sg_buf_puts(b, "<section id=\"blocking\"><h2>Decision and blockers</h2>\n");
    if (r->blocking == NULL) {
        sg_buf_puts(b, "<p>No deciding body is named for this topic.</p></section>\n");
        return;
    }
    sg_buf_puts(b, "<table>");
    if (r->block_body) {
        sg_buf_puts(b, "<tr><th>Deciding body</th><td>");
        h_text(b, r->block_body);
        sg_buf_puts(b, "</td></tr>");
    }
    if (r->block_rule) {
        sg_buf_puts(b, "<tr><th>Rule</th><td>");
        h_text(b, r->block_rule);
        sg_buf_puts(b, "</td></tr>");
    }
    sg_buf t;
    sg_buf_init(&t);
    sg_render__decision(&t, r);
    sg_buf_puts(b, "<tr><th>Outcome</th><td>");
    h_text(b, t.len ? t.data : "");
    sg_buf_puts(b, "</td></tr>");
    sg_buf_free(&t);
    if (r->block_passes >= 0)
        sg_buf_printf(b, "<tr><th>Passes today</th><td>%s</td></tr>",
                      r->block_passes ? "yes" : "<strong>no</strong>");
    sg_buf_puts(b, "<tr><th>Blockers (each can stop it alone)</th><td>");
    for (size_t i = 0; i < r->n_blockers; i++)
        h_chip(b, r, r->blockers[i]);
    if (r->n_blockers == 0)
        sg_buf_puts(b, "none");
    if (r->n_minority > 0) {
        sg_buf_puts(b, "</td></tr><tr><th>Blocking minority (together)</th><td>");
        for (size_t i = 0; i < r->n_minority; i++)
            h_chip(b, r, r->minority[i]);
    }
    sg_buf_puts(b, "</td></tr><tr><th>Undecided members</th><td>");
    for (size_t i = 0; i < r->n_undecided; i++)
        h_chip(b, r, r->undecided[i]);
    if (r->n_undecided == 0)
        sg_buf_puts(b, "none");
    sg_buf_puts(b, "</td></tr></table></section>\n");
}

static void h_actor_row(sg_buf *b, const sg_report *r, const sg_ractor *a, size_t i)
{
    sg_buf_printf(b, "<tr><td><button type=\"button\" class=\"actor\" data-ev=\"actor-%zu\">",
                  i);
    h_text(b, a->id);
    sg_buf_puts(b, "</button>");
    if (a->blocker)
        sg_buf_puts(b, "<span class=\"badge\">blocker</span>");
    sg_buf_puts(b, "</td><td class=\"num\">");
    sg_buf_num(b, a->score, 3);
    sg_buf_puts(b, "</td><td class=\"num\">");
    if (a->has_interval) {
        sg_buf_num(b, a->interval[0], 2);
        sg_buf_puts(b, " &#8211; ");
        sg_buf_num(b, a->interval[1], 2);
    }
    sg_buf_puts(b, "</td><td class=\"num\">");
    if (a->statements >= 0)
        sg_buf_printf(b, "%ld", a->statements);
    sg_buf_puts(b, "</td><td class=\"num\">");
    if (a->camp > 0 && sg_render__report_camp(r, a->camp) != NULL)
        sg_buf_printf(b, "%ld", a->camp);
    sg_buf_puts(b, "</td><td><ul class=\"ev\">");
    for (size_t k = 0; k < a->n_ev; k++)
        h_evidence_item(b, &a->ev[k]);
    sg_buf_puts(b, "</ul></td></tr>\n");
}

static void h_stance_table(sg_buf *b, const sg_report *r, sg_rstance s, const char *id,
                           const char *title)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_actors; i++)
        n += r->actors[i].stance == s;
    sg_buf_printf(b, "<section id=\"%s\"><h2>%s (%zu)</h2>\n", id, title, n);
    if (n == 0) {
        sg_buf_puts(b, "<p>None.</p></section>\n");
        return;
    }
    sg_buf_puts(b, "<table><tr><th>Actor</th><th>Score</th><th>90% interval</th>"
                   "<th>Statements</th><th>Camp</th><th>Evidence</th></tr>\n");
    for (size_t i = 0; i < r->n_actors; i++)
        if (r->actors[i].stance == s)
            h_actor_row(b, r, &r->actors[i], i);
    sg_buf_puts(b, "</table></section>\n");
}

static void h_relations(sg_buf *b, const sg_report *r)
{
    sg_buf_printf(b, "<section id=\"relations\"><h2>Relations (%zu)</h2>\n", r->n_edges);
    if (r->n_edges == 0) {
        sg_buf_puts(b, "<p>None.</p></section>\n");
        return;
    }
    sg_buf_puts(b, "<table><tr><th>Between</th><th>Relation</th><th>Weight</th>"
                   "<th>Across camps</th><th>Evidence</th></tr>\n");
    for (size_t i = 0; i < r->n_edges; i++) {
        const sg_redge *e = &r->edges[i];
        sg_buf_printf(b, "<tr><td><button type=\"button\" class=\"actor\" "
                         "data-ev=\"edge-%zu\">", i);
        h_text(b, e->source);
        sg_buf_puts(b, " &#8212; ");
        h_text(b, e->target);
        sg_buf_printf(b, "</button></td><td>%s</td><td class=\"num\">",
                      e->sign > 0 ? "alignment" : e->sign < 0 ? "conflict" : "none");
        sg_buf_num(b, e->weight, 3);
        sg_buf_printf(b, "</td><td>%s</td><td class=\"num\">%zu statements</td></tr>\n",
                      e->between_camps == 1 ? "yes" : e->between_camps == 0 ? "no" : "",
                      e->n_evidence);
    }
    sg_buf_puts(b, "</table></section>\n");
}

typedef struct { const char *key, *label; } h_label;

static const h_label balance_labels[] = {
    {"triangles", "Triangles (three actors all linked)"},
    {"triangles_balanced", "Share of balanced triangles"},
    {"frustration", "Frustration (fewest edges to remove for a balanced graph)"},
    {"frustration_exact", "Frustration is exact"},
    {"polarisation", "Polarisation"},
};

static void h_balance_row(void *ctx, const char *key, const char *value)
{
    sg_buf *b = ctx;
    const char *label = key;
    for (size_t i = 0; i < sizeof(balance_labels) / sizeof(balance_labels[0]); i++)
        if (strcmp(balance_labels[i].key, key) == 0)
            label = balance_labels[i].label;
    sg_buf_puts(b, "<tr><th>");
    h_text(b, label);
    sg_buf_puts(b, "</th><td class=\"num\">");
    h_text(b, value);
    sg_buf_puts(b, "</td></tr>\n");
}

static void h_balance(sg_buf *b, const sg_report *r)
{
    sg_buf_puts(b, "<section id=\"balance\"><h2>Structural balance</h2>\n");
    if (r->balance == NULL) {
        sg_buf_puts(b, "<p>Not computed for this report.</p></section>\n");
        return;
    }
    sg_buf_puts(b, "<table>\n");
    sg_render__balance_each(r, h_balance_row, b);
    sg_buf_puts(b, "</table></section>\n");
}

/* The header: title, dates, topics. */
static void h_head(sg_buf *b, const sg_report *r, const sg_render_options *opts)
{
    sg_buf t;
    sg_buf_init(&t);
    sg_render__title(&t, r, opts);
    sg_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"stancegraph\">\n<title>");
    h_text(b, t.data);
    sg_buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<header><h1>", sg_html_css);
    h_text(b, t.data);
    sg_buf_puts(b, "</h1>\n<p class=\"meta\">");
    t.len = 0;
    sg_render__dates(&t, r);
    if (t.len > 0) {
        h_text(b, t.data);
        sg_buf_puts(b, " &#183; ");
    }
    sg_buf_puts(b, "topics: ");
    for (size_t i = 0; i < r->n_topics; i++) {
        if (i > 0)
            sg_buf_puts(b, ", ");
        h_text(b, r->topics[i]);
    }
    sg_buf_printf(b, " &#183; %zu actors, %zu camps, %zu relations</p></header>\n<main>\n",
                  r->n_actors, r->n_camps, r->n_edges);
    if (t.oom)
        b->oom = 1;
    sg_buf_free(&t);
}

/* The diagram section: the SVG from Graphviz without its XML prolog and doctype. */
static sg_status h_diagram(sg_buf *b, const sg_report *r, sg_diagram kind,
                           const sg_render_options *opts, sg_error *err)
{
    sg_buf svg;
    sg_buf_init(&svg);
    sg_status rc = sg_render__diagram(&svg, r, kind, opts, "svg", err);
    if (rc == SG_OK && svg.oom)
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    if (rc == SG_OK) {
        const char *start = svg.data ? strstr(svg.data, "<svg") : NULL;
        sg_buf_puts(b, "<section id=\"diagram\"><h2>Diagram</h2>\n<div class=\"layout\">"
                       "<figure class=\"diagram\">\n");
        if (start != NULL)
            sg_buf_put(b, start, svg.len - (size_t)(start - svg.data));
        sg_buf_puts(b, "</figure>\n<aside id=\"evidence-panel\" aria-live=\"polite\">"
                       "<h3>Evidence</h3><p class=\"hint\">Hover over or click an actor or a "
                       "line in the diagram, or a name in the tables, to see the sentences "
                       "behind it. Camps are the shaded boxes; blockers are bold octagons."
                       "</p><div id=\"evidence-body\"></div></aside></div></section>\n");
    }
    sg_buf_free(&svg);
    return rc;
}

sg_status sg_render__html(sg_buf *b, const sg_report *r, sg_diagram kind,
                          const sg_render_options *opts, sg_error *err)
{
    h_head(b, r, opts);
    sg_status rc = h_diagram(b, r, kind, opts, err);
    if (rc != SG_OK)
        return rc;
    h_camps(b, r);
    h_blocking(b, r);
    h_stance_table(b, r, SG_RS_SUPPORT, "supporters", "Supporters");
    h_stance_table(b, r, SG_RS_OPPOSE, "opponents", "Opponents");
    h_stance_table(b, r, SG_RS_NEUTRAL, "undecided", "Undecided");
    h_relations(b, r);
    h_balance(b, r);
    sg_buf_puts(b, "</main>\n");
    h_store(b, r);
    sg_buf_puts(b, "<footer>Made by stancegraph from a report.json. Every quote is a sentence "
                   "from the analysed articles; scores are sums of signed statement "
                   "weights.</footer>\n<script>");
    sg_buf_puts(b, sg_html_js);
    sg_buf_puts(b, "</script>\n</body>\n</html>\n");
    return SG_OK;
}
