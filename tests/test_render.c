/* test_render.c - CUnit suite of the render module: the DOT read back with cgraph
 * (camp clusters, dashed conflicts, blockers), escaping of hostile text in DOT, SVG,
 * HTML, CSV and GraphML, byte-identical output run to run, the report schema, and the
 * errors a user sees.
 */
#include <cjson/cJSON.h>
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_schema.h"
#include "sg_test.h"
#include "stancegraph/render.h"

#define SAMPLE SG_TEST_DATA "/render/sample_report.json"
#define INJECT SG_TEST_DATA "/render/injection_report.json"
#define WINDOWS SG_TEST_DATA "/render/windows_report.json"
#define SCHEMA SG_SOURCE_DIR "/docs/report.schema.json"

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(fp);
    if (buf != NULL) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

/* Render the report at path; NULL on failure (the error is printed). */
static char *render_file(const char *path, sg_render_format fmt, const sg_render_options *opts,
                         size_t *out_len)
{
    size_t len = 0, olen = 0;
    char *in = slurp(path, &len), *out = NULL;
    if (in == NULL)
        return NULL;
    sg_error err;
    sg_error_clear(&err);
    if (sg_render(&out, &olen, in, len, fmt, opts, &err) != SG_OK) {
        fprintf(stderr, "render %s: %s\n", path, err.message);
        out = NULL;
    }
    free(in);
    if (out_len)
        *out_len = olen;
    return out;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static char *attr(void *obj, const char *name)
{
    return agget(obj, (char *)name);
}

/* ---- DOT ------------------------------------------------------------------------ */

static void test_dot_has_a_cluster_per_camp_with_its_members(void)
{
    char *dot = render_file(SAMPLE, SG_RENDER_DOT, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    Agraph_t *g = agmemread(dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    static const char *const camp1[] = {"France", "Ukraine", "United Kingdom"};
    static const char *const camp2[] = {"Germany", "United States"};
    Agraph_t *c1 = agsubg(g, (char *)"cluster_1", 0), *c2 = agsubg(g, (char *)"cluster_2", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c2);
    CU_ASSERT_PTR_NOT_NULL(agsubg(g, (char *)"cluster_3", 0));
    CU_ASSERT_PTR_NOT_NULL(agsubg(g, (char *)"cluster_legend", 0));
    CU_ASSERT_EQUAL(agnnodes(c1), 3);
    CU_ASSERT_EQUAL(agnnodes(c2), 2);
    for (size_t i = 0; i < 3; i++)
        CU_ASSERT_PTR_NOT_NULL(agnode(c1, (char *)camp1[i], 0));
    for (size_t i = 0; i < 2; i++)
        CU_ASSERT_PTR_NOT_NULL(agnode(c2, (char *)camp2[i], 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(attr(c1, "label"), "supporters"));
    CU_ASSERT_PTR_NOT_NULL(strstr(attr(c2, "label"), "opponents"));
    /* title with topic and date */
    CU_ASSERT_PTR_NOT_NULL(strstr(attr(g, "label"), "ukraine-nato"));
    CU_ASSERT_PTR_NOT_NULL(strstr(attr(g, "label"), "2024-11-23"));
    agclose(g);
    free(dot);
}

static void test_dot_conflicts_are_dashed_and_alignments_solid(void)
{
    sg_render_options all = SG_RENDER_OPTIONS_INIT;
    all.backbone = -1; /* every tie */
    char *dot = render_file(SAMPLE, SG_RENDER_DOT, &all, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    Agraph_t *g = agmemread(dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    int conflicts = 0, alignments = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const char *sign = attr(e, "sign");
            const char *style = attr(e, "style");
            CU_ASSERT_PTR_NOT_NULL_FATAL(sign);
            if (strcmp(sign, "-1") == 0) {
                CU_ASSERT_STRING_EQUAL(style, "dashed");
                conflicts++;
            } else {
                CU_ASSERT_STRING_EQUAL(style, "solid");
                alignments++;
            }
            CU_ASSERT(strlen(attr(e, "tooltip")) > 0);
            CU_ASSERT(atof(attr(e, "penwidth")) >= 1.0);
        }
    CU_ASSERT_EQUAL(conflicts, 6);
    CU_ASSERT_EQUAL(alignments, 4);
    /* the conflict between the camps carries its sentences */
    Agedge_t *e = agedge(g, agnode(g, (char *)"France", 0), agnode(g, (char *)"Germany", 0),
                         NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_PTR_NOT_NULL(strstr(attr(e, "tooltip"), "had blocked NATO expansion"));
    agclose(g);
    free(dot);
}

static void test_dot_marks_blockers_and_colours_stances(void)
{
    char *dot = render_file(SAMPLE, SG_RENDER_DOT, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    Agraph_t *g = agmemread(dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    Agnode_t *us = agnode(g, (char *)"United States", 0), *fr = agnode(g, (char *)"France", 0);
    Agnode_t *nato = agnode(g, (char *)"NATO", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(us);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(nato);
    CU_ASSERT_STRING_EQUAL(attr(us, "shape"), "octagon");
    CU_ASSERT_STRING_EQUAL(attr(us, "blocker"), "true");
    CU_ASSERT_PTR_NOT_NULL(strstr(attr(us, "label"), "blocker"));
    CU_ASSERT_STRING_EQUAL(attr(fr, "shape"), "ellipse");
    CU_ASSERT_STRING_EQUAL(attr(us, "fillcolor"), "#D55E00");
    CU_ASSERT_STRING_EQUAL(attr(fr, "fillcolor"), "#0072B2");
    CU_ASSERT_STRING_EQUAL(attr(nato, "fillcolor"), "#F0E442");
    /* two statements make a bigger node than one */
    CU_ASSERT(atof(attr(us, "height")) > atof(attr(fr, "height")));
    CU_ASSERT_PTR_NOT_NULL(strstr(attr(us, "tooltip"), "decided against"));
    agclose(g);
    free(dot);
}

static void test_twomode_links_actors_to_topic_nodes(void)
{
    sg_render_options o = SG_RENDER_OPTIONS_INIT;
    o.twomode = 1;
    char *dot = render_file(SAMPLE, SG_RENDER_DOT, &o, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    Agraph_t *g = agmemread(dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    Agnode_t *t = agnode(g, (char *)"topic: ukraine-nato", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_STRING_EQUAL(attr(t, "shape"), "box");
    CU_ASSERT_EQUAL(agdegree(g, t, 1, 1), 6);
    Agedge_t *e = agedge(g, agnode(g, (char *)"Germany", 0), t, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(attr(e, "style"), "dashed");
    agclose(g);
    free(dot);
}

static void test_timeline_draws_each_window_and_needs_windows(void)
{
    sg_render_options o = SG_RENDER_OPTIONS_INIT;
    o.timeline = 1;
    char *svg = render_file(WINDOWS, SG_RENDER_SVG, &o, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT_PTR_NOT_NULL(strstr(svg, "2024&#45;11&#45;16"));
    CU_ASSERT_PTR_NOT_NULL(strstr(svg, "United Kingdom"));
    CU_ASSERT_EQUAL(count(svg, "id=\"tl&#45;"), 16); /* one point per actor and window */
    free(svg);
    size_t len;
    char *in = slurp(SAMPLE, &len), *out = (char *)"x";
    size_t out_len = 1;
    sg_error err;
    CU_ASSERT_EQUAL(sg_render(&out, &out_len, in, len, SG_RENDER_SVG, &o, &err), SG_EINPUT);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "windows"));
    free(in);
}

/* ---- escaping ------------------------------------------------------------------- */

static void test_hostile_names_round_trip_through_dot(void)
{
    char *dot = render_file(INJECT, SG_RENDER_DOT, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    Agraph_t *g = agmemread(dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g); /* quotes did not break the DOT */
    Agnode_t *s = agnode(g, (char *)"<script>document.title='PWNED'</script>", 0);
    Agnode_t *q = agnode(g, (char *)"Evil \"Quote\" & Co --> \\N \\G", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(q);
    /* backslashes are doubled in labels so \N is not replaced by the node name */
    CU_ASSERT_STRING_EQUAL(attr(q, "label"), "Evil \"Quote\" & Co --> \\\\N \\\\G");
    CU_ASSERT_PTR_NULL(strstr(attr(q, "tooltip"), "\\"));
    CU_ASSERT_EQUAL(agnnodes(g), 3); /* two actors and the legend: nothing injected */
    agclose(g);
    free(dot);
}

static void test_hostile_text_cannot_inject_into_svg(void)
{
    char *svg = render_file(INJECT, SG_RENDER_SVG, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT_PTR_NULL(strstr(svg, "<script"));
    CU_ASSERT_PTR_NULL(strstr(svg, "<img"));
    CU_ASSERT_PTR_NULL(strstr(svg, "<i>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(svg, "&lt;script&gt;document.title"));
    /* a "-->" in a name must not close Graphviz's comments early */
    CU_ASSERT_PTR_NULL(strstr(svg, "Co -->"));
    free(svg);
}

static void test_hostile_text_cannot_inject_into_html(void)
{
    char *html = render_file(INJECT, SG_RENDER_HTML, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    CU_ASSERT_EQUAL(count(html, "<script"), 1); /* ours, at the end */
    CU_ASSERT_EQUAL(count(html, "</script>"), 1);
    CU_ASSERT_PTR_NULL(strstr(html, "<img"));
    CU_ASSERT_PTR_NULL(strstr(html, "<b>Bold"));
    CU_ASSERT_PTR_NULL(strstr(html, "<i>Council"));
    CU_ASSERT_PTR_NULL(strstr(html, "</textarea>"));
    CU_ASSERT_PTR_NULL(strstr(html, "onerror=\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "&lt;script&gt;document.title=&#39;PWNED&#39;"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "He said &quot;yes&quot;"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "Content-Security-Policy"));
    free(html);
}

static void test_html_holds_diagram_tables_and_evidence(void)
{
    char *html = render_file(SAMPLE, SG_RENDER_HTML, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<svg"));
    CU_ASSERT_PTR_NULL(strstr(html, "<?xml")); /* inline SVG without its prolog */
    CU_ASSERT_PTR_NULL(strstr(html, "http://www.w3.org/Graphics")); /* no doctype */
    static const char *const ids[] = {"id=\"supporters\"", "id=\"opponents\"",
                                       "id=\"undecided\"", "id=\"camps\"", "id=\"blocking\"",
                                       "id=\"balance\"", "id=\"ev-actor-0\"", "id=\"ev-edge-0\""};
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
        CU_ASSERT_PTR_NOT_NULL(strstr(html, ids[i]));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "decided against risking an invitation"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "Le Monde"));
    CU_ASSERT_PTR_NULL(strstr(html, "src=\"http")); /* offline: nothing to fetch */
    CU_ASSERT_PTR_NULL(strstr(html, "href=\"http"));
    free(html);
}

/* 1 when s is valid UTF-8. */
static int utf8_valid(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                                : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (k == 0 || i + k > n)
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k;
    }
    return 1;
}

static void test_invalid_utf8_is_repaired_in_every_text_format(void)
{
    const char *doc = "{\"stancegraph\":\"report\",\"version\":1,\"actors\":["
                      "{\"id\":\"Bad\xff\xfe Name\",\"stance\":\"support\",\"score\":1,\"camp\":1,"
                      "\"evidence\":[{\"id\":\"a\",\"text\":\"bad \xc3 byte\\u0001\"}]}],"
                      "\"camps\":[{\"id\":1,\"members\":[\"Bad\xff\xfe Name\"]}],\"edges\":[]}";
    sg_render_format fmts[] = {SG_RENDER_SVG, SG_RENDER_HTML, SG_RENDER_GRAPHML,
                               SG_RENDER_CSV_NODES, SG_RENDER_DOT};
    for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
        char *out = NULL;
        size_t len = 0;
        sg_error err;
        CU_ASSERT_EQUAL_FATAL(sg_render(&out, &len, doc, strlen(doc), fmts[i], NULL, &err), SG_OK);
        CU_ASSERT(utf8_valid((const unsigned char *)out, len));
        if (fmts[i] == SG_RENDER_GRAPHML || fmts[i] == SG_RENDER_HTML)
            CU_ASSERT_PTR_NULL(memchr(out, '\x01', len));
        free(out);
    }
}

/* ---- CSV and GraphML -------------------------------------------------------------- */

/* Parse one RFC 4180 record at *p into fields (NUL-separated in buf); returns count. */
static int csv_record(const char **p, char fields[][256], int max)
{
    int n = 0;
    const char *s = *p;
    while (n < max) {
        size_t k = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                if (*s == '\0')
                    return -1;
                if (*s == '"' && s[1] == '"') {
                    fields[n][k++] = '"';
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    fields[n][k++] = *s++;
                }
            }
        } else {
            while (*s && *s != ',' && *s != '\r' && *s != '\n')
                fields[n][k++] = *s++;
        }
        fields[n++][k] = '\0';
        if (*s == ',') {
            s++;
            continue;
        }
        if (s[0] == '\r' && s[1] == '\n') {
            *p = s + 2;
            return n;
        }
        return -1; /* a bare LF or garbage: not RFC 4180 */
    }
    return -1;
}

static void test_csv_quotes_fields_as_rfc4180(void)
{
    char *csv = render_file(INJECT, SG_RENDER_CSV_EDGES, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    char f[16][256];
    const char *p = csv;
    CU_ASSERT_EQUAL(csv_record(&p, f, 16), 8);
    CU_ASSERT_STRING_EQUAL(f[0], "source");
    CU_ASSERT_EQUAL(csv_record(&p, f, 16), 8);
    CU_ASSERT_STRING_EQUAL(f[0], "<script>document.title='PWNED'</script>");
    CU_ASSERT_STRING_EQUAL(f[1], "Evil \"Quote\" & Co --> \\N \\G");
    CU_ASSERT_STRING_EQUAL(f[2], "-1");
    CU_ASSERT_STRING_EQUAL(f[7], "x:1 x:2");
    CU_ASSERT_EQUAL(*p, '\0');
    free(csv);
    csv = render_file(SAMPLE, SG_RENDER_CSV_NODES, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    p = csv;
    int rows = 0;
    while (*p) {
        CU_ASSERT_EQUAL_FATAL(csv_record(&p, f, 16), 14);
        rows++;
    }
    CU_ASSERT_EQUAL(rows, 7); /* header and six actors */
    free(csv);
}

/* Check tags balance, attribute quotes and that '&' always starts a reference. */
static int xml_balanced(const char *s)
{
    char stack[64][64];
    int depth = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '&') {
            const char *semi = strchr(p, ';');
            if (semi == NULL || semi - p > 8)
                return 0;
            continue;
        }
        if (*p == '>')
            return 0; /* every '>' in text is escaped by our writer */
        if (*p != '<')
            continue;
        const char *end = strchr(p, '>');
        if (end == NULL)
            return 0;
        if (p[1] == '?') {
            p = end;
            continue;
        }
        int closing = p[1] == '/', empty = end[-1] == '/';
        const char *name = p + 1 + closing;
        size_t len = strcspn(name, " \t\n/>");
        if (len == 0 || len >= 64)
            return 0;
        size_t quotes = 0;
        for (const char *q = p; q < end; q++)
            quotes += *q == '"';
        if (quotes % 2 != 0)
            return 0;
        if (closing) {
            if (depth == 0 || strncmp(stack[depth - 1], name, len) != 0 ||
                stack[depth - 1][len] != '\0')
                return 0;
            depth--;
        } else if (!empty) {
            if (depth == 64)
                return 0;
            memcpy(stack[depth], name, len);
            stack[depth++][len] = '\0';
        }
        p = end;
    }
    return depth == 0;
}

static void test_graphml_is_well_formed_and_escaped(void)
{
    char *xml = render_file(INJECT, SG_RENDER_GRAPHML, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
    CU_ASSERT(xml_balanced(xml));
    CU_ASSERT_PTR_NOT_NULL(strstr(xml, "&lt;script&gt;document.title=&#39;PWNED&#39;"));
    CU_ASSERT_EQUAL(count(xml, "<node "), 2);
    CU_ASSERT_EQUAL(count(xml, "<edge "), 1);
    free(xml);
    xml = render_file(SAMPLE, SG_RENDER_GRAPHML, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
    CU_ASSERT(xml_balanced(xml));
    CU_ASSERT_EQUAL(count(xml, "<node "), 6);
    CU_ASSERT_EQUAL(count(xml, "<edge "), 10);
    CU_ASSERT_PTR_NOT_NULL(strstr(xml, "attr.name=\"stance\""));
    free(xml);
}

static void test_xml_checker_rejects_broken_markup(void)
{
    CU_ASSERT(xml_balanced("<a><b x=\"1\"/>t &amp; u</a>"));
    CU_ASSERT(!xml_balanced("<a><b></a></b>"));
    CU_ASSERT(!xml_balanced("<a>x < y</a>"));
    CU_ASSERT(!xml_balanced("<a>fish & chips</a>"));
    CU_ASSERT(!xml_balanced("<a x=\"1>y</a>"));
}

/* ---- determinism ------------------------------------------------------------------ */

static void test_output_is_byte_identical_run_to_run(void)
{
    sg_render_format fmts[] = {SG_RENDER_DOT, SG_RENDER_SVG, SG_RENDER_PNG, SG_RENDER_PDF,
                               SG_RENDER_HTML, SG_RENDER_GRAPHML, SG_RENDER_CSV_NODES};
    for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
        size_t la = 0, lb = 0;
        char *a = render_file(SAMPLE, fmts[i], NULL, &la);
        char *b = render_file(SAMPLE, fmts[i], NULL, &lb);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        CU_ASSERT_PTR_NOT_NULL_FATAL(b);
        CU_ASSERT_EQUAL(la, lb);
        CU_ASSERT(la == lb && memcmp(a, b, la) == 0);
        if (la != lb || memcmp(a, b, la) != 0)
            fprintf(stderr, "format %s differs between two runs\n", sg_render_format_name(fmts[i]));
        free(a);
        free(b);
    }
    static const char *const engines[] = {"neato", "sfdp", "dot"};
    for (size_t i = 0; i < 3; i++) {
        sg_render_options o = SG_RENDER_OPTIONS_INIT;
        o.engine = engines[i];
        size_t la = 0, lb = 0;
        char *a = render_file(SAMPLE, SG_RENDER_SVG, &o, &la);
        char *b = render_file(SAMPLE, SG_RENDER_SVG, &o, &lb);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        CU_ASSERT_PTR_NOT_NULL_FATAL(b);
        CU_ASSERT(la == lb && memcmp(a, b, la) == 0);
        free(a);
        free(b);
    }
}

/* The grid layout pins every actor (camp order, row by row) and draws with nop: no
 * cluster, no legend, no layout engine; the SVG holds every actor. */
static void test_grid_engine_pins_every_actor(void)
{
    sg_render_options o = SG_RENDER_OPTIONS_INIT;
    o.engine = SG_RENDER_GRID;
    size_t len = 0;
    char *dot = render_file(SAMPLE, SG_RENDER_DOT, &o, &len);
    char *svg = render_file(SAMPLE, SG_RENDER_SVG, &o, &len);
    char *plain = render_file(SAMPLE, SG_RENDER_SVG, NULL, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT_PTR_NOT_NULL_FATAL(plain);
    size_t actors = count(plain, "class=\"node\"") - 1; /* the plain drawing has a legend */
    CU_ASSERT(actors > 1);
    CU_ASSERT_EQUAL(count(dot, "pos=\""), actors);
    CU_ASSERT_PTR_NOT_NULL(strstr(dot, "pos=\"0,0!\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(dot, "pos=\"180,0!\""));
    CU_ASSERT_PTR_NULL(strstr(dot, "cluster_"));
    CU_ASSERT_EQUAL(count(svg, "class=\"node\""), actors);
    CU_ASSERT_PTR_NOT_NULL(strstr(svg, "class=\"edge\""));
    free(dot);
    free(svg);
    free(plain);
}

/* A report parsed once renders every format exactly as sg_render does. */
static void test_parsed_once_renders_as_sg_render(void)
{
    size_t len = 0;
    char *in = slurp(SAMPLE, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sg_render_doc *doc = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_render_doc_parse(&doc, in, len, "sample.json", NULL), SG_OK);
    sg_render_format fmts[] = {SG_RENDER_DOT, SG_RENDER_SVG, SG_RENDER_HTML, SG_RENDER_GRAPHML,
                               SG_RENDER_CSV_NODES, SG_RENDER_CSV_EDGES, SG_RENDER_JSON};
    for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
        char *a = NULL, *b = NULL;
        size_t la = 0, lb = 0;
        CU_ASSERT_EQUAL(sg_render_doc_render(&a, &la, doc, fmts[i], NULL, NULL), SG_OK);
        CU_ASSERT_EQUAL(sg_render(&b, &lb, in, len, fmts[i], NULL, NULL), SG_OK);
        CU_ASSERT(a && b && la == lb && memcmp(a, b, la) == 0);
        free(a);
        free(b);
    }
    sg_render_doc_free(doc);
    sg_render_doc_free(NULL);
    CU_ASSERT_NOT_EQUAL(sg_render_doc_parse(&doc, "{}", 2, "x.json", NULL), SG_OK);
    CU_ASSERT_PTR_NULL(doc);
    free(in);
}

static void test_binary_formats_have_their_magic(void)
{
    size_t len = 0;
    char *png = render_file(SAMPLE, SG_RENDER_PNG, NULL, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(png);
    CU_ASSERT(len > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(png);
    char *pdf = render_file(SAMPLE, SG_RENDER_PDF, NULL, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pdf);
    CU_ASSERT(len > 5 && memcmp(pdf, "%PDF-", 5) == 0);
    free(pdf);
}

/* ---- schema --------------------------------------------------------------------- */

static int validate_file(const cJSON *schema, const char *path)
{
    char *text = slurp(path, NULL);
    if (text == NULL)
        return -1;
    cJSON *doc = cJSON_Parse(text);
    free(text);
    if (doc == NULL)
        return -1;
    int n = sg_schema_validate(schema, doc);
    cJSON_Delete(doc);
    return n;
}

static void test_sample_reports_match_the_schema(void)
{
    char *text = slurp(SCHEMA, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    cJSON *schema = cJSON_Parse(text);
    free(text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
    CU_ASSERT_EQUAL(validate_file(schema, SAMPLE), 0);
    CU_ASSERT_EQUAL(validate_file(schema, INJECT), 0);
    CU_ASSERT_EQUAL(validate_file(schema, WINDOWS), 0);
    /* the bundled example's report, once graphs/ holds one */
    FILE *fp = fopen(SG_SOURCE_DIR "/graphs/report.json", "rb");
    if (fp != NULL) {
        fclose(fp);
        CU_ASSERT_EQUAL(validate_file(schema, SG_SOURCE_DIR "/graphs/report.json"), 0);
    }
    /* the JSON pass-through is still a valid report */
    char *json = render_file(SAMPLE, SG_RENDER_JSON, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(json);
    cJSON *doc = cJSON_Parse(json);
    CU_ASSERT_PTR_NOT_NULL(doc);
    CU_ASSERT_EQUAL(sg_schema_validate(schema, doc), 0);
    cJSON_Delete(doc);
    free(json);
    cJSON_Delete(schema);
}

static void test_schema_rejects_bad_reports(void)
{
    char *text = slurp(SCHEMA, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    cJSON *schema = cJSON_Parse(text);
    free(text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
    static const char *const bad[] = {
        "{\"stancegraph\":\"graph\",\"version\":1,\"actors\":[],\"camps\":[],\"edges\":[]}",
        "{\"stancegraph\":\"report\",\"version\":1,\"camps\":[],\"edges\":[]}",
        "{\"stancegraph\":\"report\",\"version\":1.5,\"actors\":[],\"camps\":[],\"edges\":[]}",
        "{\"stancegraph\":\"report\",\"version\":1,\"camps\":[],\"edges\":[],"
        "\"actors\":[{\"id\":\"A\",\"stance\":\"maybe\",\"score\":0,\"camp\":1}]}",
        "{\"stancegraph\":\"report\",\"version\":1,\"actors\":[],\"camps\":[],"
        "\"edges\":[{\"source\":\"A\",\"target\":\"B\",\"weight\":\"1\",\"sign\":1}]}",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        cJSON *doc = cJSON_Parse(bad[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
        CU_ASSERT(sg_schema_validate(schema, doc) > 0);
        cJSON_Delete(doc);
    }
    cJSON_Delete(schema);
}

/* ---- errors and options ------------------------------------------------------------- */

static sg_status render_text(const char *doc, sg_render_format fmt, const sg_render_options *o,
                             sg_error *err)
{
    char *out = (char *)"sentinel";
    size_t len = 1;
    sg_status rc = sg_render(&out, &len, doc, strlen(doc), fmt, o, err);
    if (rc != SG_OK) {
        CU_ASSERT_PTR_NULL(out);
        CU_ASSERT_EQUAL(len, 0);
    }
    free(rc == SG_OK ? out : NULL);
    return rc;
}

static void test_graph_json_is_refused_with_a_hint(void)
{
    sg_error err;
    sg_render_options o = SG_RENDER_OPTIONS_INIT;
    o.input_name = "graph.json";
    CU_ASSERT_EQUAL(render_text("{\"stancegraph\":\"graph\",\"nodes\":[],\"edges\":[]}",
                                SG_RENDER_SVG, &o, &err), SG_EINPUT);
    CU_ASSERT_STRING_EQUAL(err.file, "graph.json");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "stancegraph analyze"));
}

static void test_bad_input_names_line_and_problem(void)
{
    sg_error err;
    CU_ASSERT_EQUAL(render_text("{\n\"stancegraph\": \"report\",\n oops }", SG_RENDER_DOT, NULL,
                                &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_EQUAL(render_text("", SG_RENDER_DOT, NULL, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(render_text("{\"stancegraph\":\"report\",\"actors\":[{\"id\":\"A\","
                                "\"stance\":\"maybe\"}]}", SG_RENDER_DOT, NULL, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "\"A\""));
    CU_ASSERT_EQUAL(render_text("{\"stancegraph\":\"report\",\"actors\":[{\"id\":\"A\","
                                "\"stance\":\"support\"}],\"edges\":[{\"source\":\"A\","
                                "\"target\":\"B\",\"weight\":1}]}", SG_RENDER_DOT, NULL, &err),
                    SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "B"));
    CU_ASSERT_EQUAL(render_text("{\"stancegraph\":\"report\",\"actors\":[]} trailing",
                                SG_RENDER_DOT, NULL, &err), SG_EINPUT);
}

static void test_minimal_report_without_optional_fields_renders(void)
{
    const char *doc = "{\"stancegraph\":\"report\",\"version\":1,"
                      "\"actors\":[{\"id\":\"A\",\"stance\":\"support\",\"score\":1,\"camp\":null},"
                      "{\"id\":\"B\",\"stance\":\"oppose\",\"score\":-1}],"
                      "\"camps\":[],\"edges\":[{\"source\":\"A\",\"target\":\"B\",\"weight\":-0.5,"
                      "\"sign\":-1}],\"blocking\":null}";
    sg_render_format fmts[] = {SG_RENDER_DOT, SG_RENDER_SVG, SG_RENDER_HTML, SG_RENDER_GRAPHML,
                               SG_RENDER_CSV_NODES, SG_RENDER_CSV_EDGES, SG_RENDER_JSON};
    sg_error err;
    for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++)
        CU_ASSERT_EQUAL(render_text(doc, fmts[i], NULL, &err), SG_OK);
    sg_render_options o = SG_RENDER_OPTIONS_INIT;
    o.twomode = 1;
    CU_ASSERT_EQUAL(render_text(doc, SG_RENDER_SVG, &o, &err), SG_OK);
}

static void test_unknown_engine_and_misused_options_are_usage_errors(void)
{
    const char *doc = "{\"stancegraph\":\"report\",\"actors\":[],\"camps\":[],\"edges\":[]}";
    sg_error err;
    sg_render_options o = SG_RENDER_OPTIONS_INIT;
    o.engine = "warp-drive";
    CU_ASSERT_EQUAL(render_text(doc, SG_RENDER_SVG, &o, &err), SG_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "neato"));
    sg_render_options t = SG_RENDER_OPTIONS_INIT;
    t.twomode = 1;
    CU_ASSERT_EQUAL(render_text(doc, SG_RENDER_CSV_NODES, &t, &err), SG_EUSAGE);
    t.timeline = 1;
    CU_ASSERT_EQUAL(render_text(doc, SG_RENDER_SVG, &t, &err), SG_EUSAGE);
}

static void test_format_follows_the_extension(void)
{
    struct { const char *path; sg_render_format fmt; } ok[] = {
        {"camps.dot", SG_RENDER_DOT}, {"a/b.SVG", SG_RENDER_SVG}, {"x.png", SG_RENDER_PNG},
        {"x.pdf", SG_RENDER_PDF}, {"x.graphml", SG_RENDER_GRAPHML},
        {"nodes.csv", SG_RENDER_CSV_NODES}, {"camps.edges.csv", SG_RENDER_CSV_EDGES},
        {"edges.csv", SG_RENDER_CSV_EDGES}, {"r.html", SG_RENDER_HTML},
        {"report.json", SG_RENDER_JSON}, {"g.gv", SG_RENDER_DOT},
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        sg_render_format f = SG_RENDER_JSON;
        CU_ASSERT_EQUAL(sg_render_format_from_path(&f, ok[i].path), SG_OK);
        CU_ASSERT_EQUAL(f, ok[i].fmt);
    }
    sg_render_format f;
    CU_ASSERT_EQUAL(sg_render_format_from_path(&f, "noext"), SG_EUSAGE);
    CU_ASSERT_EQUAL(sg_render_format_from_path(&f, "x.docx"), SG_EUSAGE);
    CU_ASSERT_EQUAL(sg_render_format_from_path(&f, "dir.d/file"), SG_EUSAGE);
    CU_ASSERT_EQUAL(sg_render_format_from_name(&f, "csv-edges"), SG_OK);
    CU_ASSERT_EQUAL(f, SG_RENDER_CSV_EDGES);
    CU_ASSERT_STRING_EQUAL(sg_render_format_name(SG_RENDER_CSV_NODES), "csv-nodes");
}

static void test_graphviz_plugins_are_installed(void)
{
    sg_error err;
    sg_error_clear(&err);
    sg_status rc = sg_render_check_plugins(&err);
    if (rc != SG_OK)
        fprintf(stderr, "%s\n", err.message);
    CU_ASSERT_EQUAL(rc, SG_OK);
}


/* Count the edges of a DOT text. */
static int dot_edges(const char *dot)
{
    Agraph_t *g = agmemread(dot);
    if (g == NULL)
        return -1;
    int n = agnedges(g);
    agclose(g);
    return n;
}

static void test_backbone_draws_each_actors_strongest_ties(void)
{
    char *all_dot, *dot;
    sg_render_options all = SG_RENDER_OPTIONS_INIT, one = SG_RENDER_OPTIONS_INIT;
    all.backbone = -1;
    one.backbone = 1;
    all_dot = render_file(SAMPLE, SG_RENDER_DOT, &all, NULL);
    dot = render_file(SAMPLE, SG_RENDER_DOT, &one, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(all_dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    CU_ASSERT_EQUAL(dot_edges(all_dot), 10);
    int kept = dot_edges(dot);
    CU_ASSERT(kept >= 3 && kept < 10); /* each of the actors keeps its strongest tie */
    CU_ASSERT_PTR_NOT_NULL(strstr(dot, "strongest tie"));
    CU_ASSERT_PTR_NULL(strstr(all_dot, "strongest tie"));
    /* the exports keep every tie whatever the backbone */
    char *csv = render_file(SAMPLE, SG_RENDER_CSV_EDGES, &one, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_EQUAL(count(csv, "\r\n"), 11);
    free(csv);
    free(all_dot);
    free(dot);
}

static void test_dot_leaves_the_engine_to_the_user_and_caps_sizes(void)
{
    char *dot = render_file(SAMPLE, SG_RENDER_DOT, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    CU_ASSERT_PTR_NULL(strstr(dot, "layout="));
    CU_ASSERT_PTR_NOT_NULL(strstr(dot, "size=\"40,40\""));
    Agraph_t *g = agmemread(dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    double widest = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const char *w = attr(n, "width");
        if (w && atof(w) > widest)
            widest = atof(w);
    }
    CU_ASSERT(widest > 2.0 && widest <= 2.1 + 1e-9); /* the busiest actor, capped */
    agclose(g);
    free(dot);
}

static void test_matrix_exports_in_dna_and_ucinet_layout(void)
{
    char *csv = render_file(SAMPLE, SG_RENDER_MATRIX, NULL, NULL);
    char *dl = render_file(SAMPLE, SG_RENDER_DL, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dl);
    CU_ASSERT(csv[0] == ','); /* empty corner cell, then the column labels */
    CU_ASSERT_PTR_NOT_NULL(strstr(dl, "format = fullmatrix"));
    CU_ASSERT_PTR_NOT_NULL(strstr(dl, "\ndata:\n"));
    CU_ASSERT(strncmp(dl, "dl n=", 5) == 0);
    sg_render_options two = SG_RENDER_OPTIONS_INIT;
    two.twomode = 1;
    char *dl2 = render_file(SAMPLE, SG_RENDER_DL, &two, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dl2);
    CU_ASSERT(strncmp(dl2, "dl nr=", 6) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(dl2, "column labels:"));
    free(dl2);
    free(csv);
    free(dl);
}

static void test_graphml_is_directed_only_with_a_directed_relation(void)
{
    const char *doc =
        "{\"stancegraph\":\"report\",\"version\":1,\"topics\":[\"t\"],"
        "\"actors\":[{\"id\":\"A\",\"stance\":\"support\",\"score\":1},"
        "{\"id\":\"B\",\"stance\":\"support\",\"score\":1},"
        "{\"id\":\"C\",\"stance\":\"oppose\",\"score\":-1}],\"camps\":[],"
        "\"edges\":[{\"source\":\"A\",\"target\":\"B\",\"weight\":1,\"kind\":\"tie\"},"
        "{\"source\":\"A\",\"target\":\"C\",\"weight\":-1,\"kind\":\"direct\"}]}";
    char *out = NULL;
    size_t len = 0;
    sg_error err;
    sg_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sg_render(&out, &len, doc, strlen(doc), SG_RENDER_GRAPHML, NULL, &err),
                          SG_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "edgedefault=\"directed\""));
    CU_ASSERT_PTR_NULL(strstr(out, "directed=\"true\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "id=\"e0r\"")); /* the tie, both ways */
    CU_ASSERT_EQUAL(count(out, "<edge "), 3);
    free(out);
    const char *undirected_doc =
        "{\"stancegraph\":\"report\",\"version\":1,\"topics\":[\"t\"],"
        "\"actors\":[{\"id\":\"A\",\"stance\":\"support\",\"score\":1},"
        "{\"id\":\"B\",\"stance\":\"support\",\"score\":1}],\"camps\":[],"
        "\"edges\":[{\"source\":\"A\",\"target\":\"B\",\"weight\":1,\"kind\":\"tie\"}]}";
    CU_ASSERT_EQUAL_FATAL(sg_render(&out, &len, undirected_doc, strlen(undirected_doc),
                                    SG_RENDER_DOT, NULL, &err), SG_OK);
    CU_ASSERT_PTR_NULL(strstr(out, "dir=forward")); /* an undirected tie has no arrow */
    free(out);
}

static void test_decision_line_names_blocking_minority_not_blockers(void)
{
    const char *doc =
        "{\"stancegraph\":\"report\",\"version\":1,\"topics\":[\"t\"],"
        "\"actors\":[{\"id\":\"A\",\"stance\":\"oppose\",\"score\":-1},"
        "{\"id\":\"B\",\"stance\":\"oppose\",\"score\":-1}],\"camps\":[],\"edges\":[],"
        "\"blocking\":{\"body\":\"Council\",\"rule\":\"qualified-majority\",\"members\":27,"
        "\"needed\":15,\"supporters\":10,\"passes\":false,\"outcome\":\"blocked\","
        "\"blockers\":[],\"blocking_minority\":[\"A\",\"B\"],\"opponents\":[\"A\",\"B\"],"
        "\"undecided\":[]}}";
    char *out = NULL;
    size_t len = 0;
    sg_error err;
    sg_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(sg_render(&out, &len, doc, strlen(doc), SG_RENDER_DOT, NULL, &err),
                          SG_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "blocking minority: A and B"));
    CU_ASSERT_PTR_NULL(strstr(out, "shape=octagon"));
    free(out);
}

static CU_TestInfo render_tests[] = {
    {"dot_has_a_cluster_per_camp_with_its_members", test_dot_has_a_cluster_per_camp_with_its_members},
    {"dot_conflicts_are_dashed_and_alignments_solid", test_dot_conflicts_are_dashed_and_alignments_solid},
    {"backbone_draws_each_actors_strongest_ties", test_backbone_draws_each_actors_strongest_ties},
    {"dot_leaves_the_engine_to_the_user_and_caps_sizes",
     test_dot_leaves_the_engine_to_the_user_and_caps_sizes},
    {"matrix_exports_in_dna_and_ucinet_layout", test_matrix_exports_in_dna_and_ucinet_layout},
    {"graphml_is_directed_only_with_a_directed_relation",
     test_graphml_is_directed_only_with_a_directed_relation},
    {"decision_line_names_blocking_minority_not_blockers",
     test_decision_line_names_blocking_minority_not_blockers},
    {"dot_marks_blockers_and_colours_stances", test_dot_marks_blockers_and_colours_stances},
    {"twomode_links_actors_to_topic_nodes", test_twomode_links_actors_to_topic_nodes},
    {"timeline_draws_each_window_and_needs_windows", test_timeline_draws_each_window_and_needs_windows},
    {"hostile_names_round_trip_through_dot", test_hostile_names_round_trip_through_dot},
    {"hostile_text_cannot_inject_into_svg", test_hostile_text_cannot_inject_into_svg},
    {"hostile_text_cannot_inject_into_html", test_hostile_text_cannot_inject_into_html},
    {"html_holds_diagram_tables_and_evidence", test_html_holds_diagram_tables_and_evidence},
    {"invalid_utf8_is_repaired_in_every_text_format", test_invalid_utf8_is_repaired_in_every_text_format},
    {"csv_quotes_fields_as_rfc4180", test_csv_quotes_fields_as_rfc4180},
    {"graphml_is_well_formed_and_escaped", test_graphml_is_well_formed_and_escaped},
    {"xml_checker_rejects_broken_markup", test_xml_checker_rejects_broken_markup},
    {"output_is_byte_identical_run_to_run", test_output_is_byte_identical_run_to_run},
    {"parsed_once_renders_as_sg_render", test_parsed_once_renders_as_sg_render},
    {"grid_engine_pins_every_actor", test_grid_engine_pins_every_actor},
    {"binary_formats_have_their_magic", test_binary_formats_have_their_magic},
    {"sample_reports_match_the_schema", test_sample_reports_match_the_schema},
    {"schema_rejects_bad_reports", test_schema_rejects_bad_reports},
    {"graph_json_is_refused_with_a_hint", test_graph_json_is_refused_with_a_hint},
    {"bad_input_names_line_and_problem", test_bad_input_names_line_and_problem},
    {"minimal_report_without_optional_fields_renders", test_minimal_report_without_optional_fields_renders},
    {"unknown_engine_and_misused_options_are_usage_errors", test_unknown_engine_and_misused_options_are_usage_errors},
    {"format_follows_the_extension", test_format_follows_the_extension},
    {"graphviz_plugins_are_installed", test_graphviz_plugins_are_installed},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo render_suites[] = {
    {"render", NULL, NULL, NULL, NULL, render_tests},
    CU_SUITE_INFO_NULL,
};

SG_TEST_MAIN(render_suites)
