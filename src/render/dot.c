/* dot.c - builds the camps diagram with cgraph: camps as cluster_<id> subgraphs, actors
 * filled by stance (Okabe-Ito colours), sized by evidence, blockers as bold octagons
 * labelled "blocker", alignment edges solid and conflict edges dashed with widths by
 * |weight|, a legend and a title, and tooltips with the sentences behind every node
 * and edge. Then writes it as DOT (agwrite) or hands it to gv.c for layout.
 *
 * The two other diagrams (two-mode, timeline) live in chart.c and share the helpers
 * declared in dot_internal.h. Nothing here prints DOT by hand.
 */
#include <graphviz/cgraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/dot_internal.h"

/* ---- cgraph helpers ------------------------------------------------------------- */

/* The one gate of every string into cgraph (attribute values and node names). agwrite
 * quotes '"' as \" but leaves backslashes alone, so an odd run of backslashes right
 * before a quote or at the end of the string ("C:\", "x\"y") escapes agwrite's own
 * quote: the DOT breaks, and a crafted value can close the string and inject attributes
 * (a javascript: URL into the SVG). Such a run becomes U+2216s (looks alike); an even
 * run (a label's doubled backslash) is read back correctly and kept, and so are
 * backslashes before anything else ("\n", "\l" in labels). Returns s itself
 * when nothing needs changing, else tmp's text. */
static const char *cg_safe(const char *s, sg_buf *tmp)
{
    if (s == NULL || strchr(s, '\\') == NULL)
        return s;
    sg_buf_init(tmp);
    for (const char *p = s; *p;) {
        if (*p != '\\') {
            sg_buf_put(tmp, p, 1);
            p++;
            continue;
        }
        size_t run = strspn(p, "\\");
        int dangerous = (p[run] == '"' || p[run] == '\0') && run % 2 == 1;
        for (size_t k = 0; k < run; k++)
            sg_buf_puts(tmp, dangerous ? "\xE2\x88\x96" : "\\");
        p += run;
    }
    return tmp->oom || tmp->data == NULL ? "" : tmp->data;
}

/* Graphviz turns these attributes into SVG links (xlink:href) and image references. */
static int is_link_attr(const char *name)
{
    static const char *const attrs[] = {"URL", "href", "edgeURL", "edgehref", "headURL",
                                        "headhref", "tailURL", "tailhref", "labelURL",
                                        "labelhref", "image", NULL};
    for (size_t i = 0; attrs[i]; i++)
        if (strcmp(name, attrs[i]) == 0)
            return 1;
    return 0;
}

/* Links only from an allow-list: http, https, mailto, or a fragment ("#n1") in this
 * document. javascript:, data:, file: and every other scheme are never written. */
int sg_dot_link_allowed(const char *url)
{
    static const char *const schemes[] = {"http://", "https://", "mailto:", NULL};
    if (url == NULL || url[0] == '\0')
        return 0;
    if (url[0] == '#')
        return strpbrk(url, "\"'<>\\ \t\r\n") == NULL;
    for (size_t i = 0; schemes[i]; i++)
        if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
            return strpbrk(url, "\"'<>\\ \t\r\n") == NULL;
    return 0;
}

/* Out of memory while building a diagram is sticky: attribute text is built in many
 * small sg_bufs, and a value lost to a failed allocation must fail the render, never
 * silently become "". The flag lives in a record on the root graph. */
typedef struct sg_dot_rec {
    Agrec_t h;
    int oom;
} sg_dot_rec;

void sg_dot_oom(void *obj)
{
    if (obj == NULL)
        return;
    sg_dot_rec *r = agbindrec(agroot(obj), sg_cg("sg_render"), sizeof(sg_dot_rec), 0);
    if (r != NULL)
        r->oom = 1;
}

int sg_dot_failed(Agraph_t *g)
{
    sg_dot_rec *r = (sg_dot_rec *)aggetrec(g, sg_cg("sg_render"), 0);
    return r != NULL && r->oom;
}

void sg_dot_set(void *obj, const char *name, const char *value)
{
    if (obj == NULL || (is_link_attr(name) && !sg_dot_link_allowed(value)))
        return;
    sg_buf tmp = {0};
    const char *safe = cg_safe(value, &tmp);
    if (tmp.oom || agsafeset(obj, sg_cg(name), sg_cg(safe), sg_cg("")) != 0)
        sg_dot_oom(obj);
    sg_buf_free(&tmp);
}

void sg_dot_setbuf(void *obj, const char *name, sg_buf *b)
{
    if (b->oom) {
        sg_dot_oom(obj);
        b->oom = 0;
    }
    sg_dot_set(obj, name, b->data ? b->data : "");
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void sg_dot_setnum(void *obj, const char *name, double x, int decimals)
{
    sg_buf t;
    sg_buf_init(&t);
    sg_buf_num(&t, x, decimals);
    if (t.oom)
        sg_dot_oom(obj);
    sg_dot_set(obj, name, t.data ? t.data : "0");
    sg_buf_free(&t);
}

void sg_dot_sethtml(Agraph_t *root, void *obj, const char *name, const char *html)
{
    char *h = html ? agstrdup_html(root, sg_cg(html)) : NULL;
    if (h == NULL) {
        sg_dot_oom(obj);
        return;
    }
    agsafeset(obj, sg_cg(name), h, sg_cg(""));
    agstrfree(root, h);
}

/* A node name that is not taken yet: base, base_, base__ ... (actor ids are free text,
 * so the legend and helper nodes must not collide with them). */
Agnode_t *sg_dot_fresh_node(Agraph_t *g, const char *base)
{
    sg_buf name, tmp = {0};
    sg_buf_init(&name);
    sg_buf_puts(&name, cg_safe(base, &tmp));
    sg_buf_free(&tmp);
    Agnode_t *n = NULL;
    while (!name.oom && agnode(agroot(g), name.data, 0) != NULL)
        sg_buf_puts(&name, "_");
    if (!name.oom)
        n = agnode(g, name.data, 1);
    if (n == NULL)
        sg_dot_oom(g); /* whatever the caller does, the render fails */
    sg_buf_free(&name);
    return n;
}

Agnode_t *sg_dot_actor_node(Agraph_t *g, const char *id)
{
    sg_buf name;
    sg_buf_init(&name);
    sg_buf_text(&name, id, SG_TEXT_RAW);
    Agnode_t *n = name.oom ? NULL : sg_dot_fresh_node(g, name.data ? name.data : "_");
    sg_buf_free(&name);
    return n;
}

/* putstr for agwrite: append to the sg_buf given as the channel. */
static int sg_dot_putstr(void *chan, const char *str)
{
    sg_buf *b = chan;
    sg_buf_puts(b, str);
    return b->oom ? -1 : 0;
}

static int sg_dot_flush(void *chan)
{
    (void)chan;
    return 0;
}

/* A deterministic ID discipline. cgraph's default makes a named object's ID the address
 * of its interned name, and agwrite (and the layouts) visit subgraphs in ID order, so
 * clusters came out in a different order whenever the heap did. Here names get IDs in
 * the order they are first created (even numbers, as cgraph expects for named objects),
 * anonymous objects odd ones from a per-graph counter. */
typedef struct sg_idmap {
    Agraph_t *g;    /* the root graph, whose string pool holds the names */
    char **names;   /* names[i] has ID 2 * (i + 1); interned with agstrdup, because
                       agwrite asks aghtmlstr() about them */
    size_t n, cap;
    size_t *slots;  /* open-addressing hash of name -> index + 1; 0 = empty */
    size_t n_slots; /* a power of two, more than twice n */
    IDTYPE anon;    /* next anonymous ID (odd) */
} sg_idmap;

static size_t sg_idmap_hash(const char *s)
{
    size_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void *sg_idmap_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    sg_idmap *m = calloc(1, sizeof(*m));
    if (m != NULL) {
        m->g = g;
        m->anon = 1;
    }
    return m;
}

/* Slot of name, or of the empty slot where it would go. */
static size_t sg_idmap_find(const sg_idmap *m, const char *name)
{
    size_t mask = m->n_slots - 1, i = sg_idmap_hash(name) & mask;
    while (m->slots[i] != 0 && strcmp(m->names[m->slots[i] - 1], name) != 0)
        i = (i + 1) & mask;
    return i;
}

static int sg_idmap_grow(sg_idmap *m)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        char **names = realloc(m->names, cap * sizeof(*names));
        if (names == NULL)
            return 0;
        m->names = names;
        m->cap = cap;
    }
    if (2 * (m->n + 1) < m->n_slots)
        return 1;
    size_t n_slots = m->n_slots ? m->n_slots * 2 : 128;
    size_t *old = m->slots, old_n = m->n_slots;
    m->slots = calloc(n_slots, sizeof(*m->slots));
    if (m->slots == NULL) {
        m->slots = old;
        return 0;
    }
    m->n_slots = n_slots;
    for (size_t i = 0; i < old_n; i++)
        if (old[i] != 0)
            m->slots[sg_idmap_find(m, m->names[old[i] - 1])] = old[i];
    free(old);
    return 1;
}

static long sg_idmap_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    sg_idmap *m = state;
    (void)objtype;
    if (m == NULL)
        return 0;
    if (str == NULL) {
        *id = m->anon;
        m->anon += 2;
        return 1;
    }
    if (m->n_slots > 0) {
        size_t slot = sg_idmap_find(m, str);
        if (m->slots[slot] != 0) {
            *id = (IDTYPE)m->slots[slot] * 2;
            return 1;
        }
    }
    if (!createflag || !sg_idmap_grow(m))
        return 0;
    char *copy = agstrdup(m->g, str);
    if (copy == NULL)
        return 0;
    m->names[m->n++] = copy;
    m->slots[sg_idmap_find(m, str)] = m->n;
    *id = (IDTYPE)m->n * 2;
    return 1;
}

static long sg_idmap_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
    return 0; /* we never hand out IDs the caller picks */
}

static void sg_idmap_free(void *state, int objtype, IDTYPE id)
{
    (void)state; /* names live until the graph is closed */
    (void)objtype;
    (void)id;
}

static char *sg_idmap_print(void *state, int objtype, IDTYPE id)
{
    const sg_idmap *m = state;
    (void)objtype;
    if (m == NULL || id % 2 != 0 || id == 0 || id / 2 > m->n)
        return NULL;
    return m->names[id / 2 - 1];
}

static void sg_idmap_close(void *state)
{
    sg_idmap *m = state;
    if (m == NULL)
        return;
    /* the names go with the graph's string pool (agclose frees it next) */
    free(m->names);
    free(m->slots);
    free(m);
}

static void sg_idmap_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

void sg_dot_disc_init(sg_dot_disc *d)
{
    d->io.afread = AgIoDisc.afread;
    d->io.putstr = sg_dot_putstr;
    d->io.flush = sg_dot_flush;
    d->id.open = sg_idmap_open;
    d->id.map = sg_idmap_map;
    d->id.alloc = sg_idmap_alloc;
    d->id.free = sg_idmap_free;
    d->id.print = sg_idmap_print;
    d->id.close = sg_idmap_close;
    d->id.idregister = sg_idmap_register;
    d->disc.mem = &AgMemDisc;
    d->disc.id = &d->id;
    d->disc.io = &d->io;
}

sg_status sg_dot_write(sg_buf *b, Agraph_t *g, sg_error *err)
{
    if (agwrite(g, b) != 0 || b->oom)
        return sg_error_set(err, b->oom ? SG_ENOMEM : SG_EINTERNAL, NULL, 0,
                            "cannot write DOT: %s", sg_gv_last_message());
    return SG_OK;
}

/* ---- shared styling ------------------------------------------------------------- */

const char *sg_dot_fill(sg_rstance s)
{
    return s == SG_RS_SUPPORT ? SG_COLOR_SUPPORT : s == SG_RS_OPPOSE ? SG_COLOR_OPPOSE
                                                                     : SG_COLOR_NEUTRAL;
}

/* Text on the fill: white on blue, black on vermillion and yellow (WCAG contrast). */
static const char *sg_dot_fontcolor(sg_rstance s)
{
    return s == SG_RS_SUPPORT ? "white" : "black";
}

void sg_dot_wrap(sg_buf *b, const char *text, size_t width)
{
    size_t line = 0; /* characters on the current line */
    const char *p = text ? text : "";
    while (*p) {
        const char *sp = p;
        while (*sp && *sp != ' ')
            sp++;
        size_t chars = 0; /* UTF-8 characters of the word */
        for (const char *q = p; q < sp; q++)
            chars += ((unsigned char)*q & 0xC0) != 0x80;
        if (line > 0 && line + 1 + chars > width) {
            sg_buf_puts(b, "\\n");
            line = 0;
        } else if (line > 0) {
            sg_buf_puts(b, " ");
            line++;
        }
        char word[1024];
        size_t n = (size_t)(sp - p) < sizeof(word) - 1 ? (size_t)(sp - p) : sizeof(word) - 1;
        memcpy(word, p, n);
        word[n] = '\0';
        sg_buf_text(b, word, SG_TEXT_LABEL);
        line += chars;
        p = *sp ? sp + 1 : sp;
    }
}

void sg_dot_graph_defaults(Agraph_t *g, const sg_report *r, const sg_render_options *opts,
                           const char *engine, const char *subtitle)
{
    sg_buf t;
    sg_buf_init(&t);
    sg_render__title(&t, r, opts);
    sg_buf txt;
    sg_buf_init(&txt);
    sg_dot_wrap(&txt, t.data, SG_DOT_TITLE_WIDTH);
    t.len = 0;
    sg_render__dates(&t, r);
    if (t.len > 0) {
        sg_buf_puts(&txt, "\\n");
        sg_buf_text(&txt, t.data, SG_TEXT_LABEL);
    }
    if (subtitle != NULL && subtitle[0]) {
        sg_buf_puts(&txt, "\\n");
        sg_buf_puts(&txt, subtitle); /* already escaped by the caller */
    }
    sg_dot_setbuf(g, "label", &txt);
    sg_dot_set(g, "labelloc", "t");
    sg_dot_set(g, "fontsize", "18");
    sg_dot_set(g, "fontname", "Helvetica");
    /* the engine is the user's choice (dot, neato, sfdp read the same file); only the
     * timeline's pinned positions need nop */
    if (engine != NULL && strcmp(engine, "nop") == 0)
        sg_dot_set(g, "layout", engine);
    /* at most 40 x 40 inches: 3,840 px at Graphviz's 96 dpi; larger drawings are scaled
     * down to fit, never up */
    sg_dot_set(g, "size", "40,40");
    sg_dot_set(g, "outputorder", "edgesfirst");
    sg_dot_set(g, "pad", "0.3");
    sg_dot_set(g, "bgcolor", "white");
    /* a fixed seed: the same report gives the same picture, run to run */
    t.len = 0;
    sg_buf_printf(&t, "%ld", r->seed > 0 ? r->seed : 1L);
    sg_dot_setbuf(g, "start", &t);
    sg_buf_free(&t);
    sg_buf_free(&txt);
    agattr(g, AGNODE, sg_cg("fontname"), sg_cg("Helvetica"));
    agattr(g, AGEDGE, sg_cg("fontname"), sg_cg("Helvetica"));
}

/* One tooltip line for evidence: "- [who; source, date, doc] sentence"; who (the mention)
 * only when with_mention is set, as edges join two actors' statements. */
void sg_dot_evidence_line(sg_buf *b, const sg_rev *e, int with_mention)
{
    sg_buf_puts(b, "\n- [");
    int first = 1;
    if (with_mention && e->mention != NULL) {
        sg_buf_text(b, e->mention, SG_TEXT_TOOLTIP);
        sg_buf_puts(b, ";");
    }
    const char *parts[] = {e->source, e->date, e->doc};
    for (size_t i = 0; i < 3; i++) {
        if (parts[i] == NULL)
            continue;
        sg_buf_puts(b, first ? (with_mention && e->mention ? " " : "") : ", ");
        sg_buf_text(b, parts[i], SG_TEXT_TOOLTIP);
        first = 0;
    }
    sg_buf_puts(b, "] ");
    sg_buf_text_cut(b, e->text ? e->text : e->cue, 280, SG_TEXT_TOOLTIP);
}

/* ---- the camps diagram ---------------------------------------------------------- */

static const char *camp_word(const char *stance)
{
    if (stance == NULL)
        return NULL;
    if (strcmp(stance, "support") == 0)
        return "supporters";
    if (strcmp(stance, "oppose") == 0)
        return "opponents";
    if (strcmp(stance, "neutral") == 0)
        return "undecided";
    return NULL;
}

static const char *camp_tint(const char *stance)
{
    if (stance != NULL && strcmp(stance, "support") == 0)
        return "#E6F1F8";
    if (stance != NULL && strcmp(stance, "oppose") == 0)
        return "#FAEBE2";
    return "#F4F4F0";
}

static void style_camp(Agraph_t *sub, const sg_rcamp *c)
{
    sg_buf t;
    sg_buf_init(&t);
    const char *word = camp_word(c->stance);
    if (c->unaligned)
        sg_buf_puts(&t, "Undecided or without ties to a camp");
    else
        sg_buf_printf(&t, "Camp %ld", c->id);
    if (word && !c->unaligned)
        sg_buf_printf(&t, ": %s", word);
    sg_buf_printf(&t, " (%zu)", c->n_members);
    sg_dot_setbuf(sub, "label", &t);
    sg_buf_printf(&t, "camp-%ld", c->id);
    sg_dot_setbuf(sub, "id", &t);
    sg_dot_set(sub, "style", "rounded,filled");
    sg_dot_set(sub, "fillcolor", camp_tint(c->stance));
    sg_dot_set(sub, "color", "#555555");
    sg_dot_set(sub, "penwidth", "1.5");
    sg_dot_set(sub, "fontsize", "14");
    sg_dot_set(sub, "fontname", "Helvetica"); /* one font: Graphviz 2.42 reads a freed name when it switches */
    sg_buf_free(&t);
}

static const char *stance_verb(sg_rstance s)
{
    return s == SG_RS_SUPPORT ? "supports" : s == SG_RS_OPPOSE ? "opposes" : "undecided";
}

static void node_tooltip(sg_buf *t, const sg_ractor *a)
{
    sg_buf_text(t, a->id, SG_TEXT_TOOLTIP);
    sg_buf_printf(t, ": %s (score ", stance_verb(a->stance));
    sg_buf_num(t, a->score, 3);
    if (a->statements >= 0)
        sg_buf_printf(t, ", %ld statement%s", a->statements, a->statements == 1 ? "" : "s");
    sg_buf_puts(t, ")");
    if (a->blocker)
        sg_buf_puts(t, "\nBLOCKER: can stop the decision");
    size_t shown = a->n_ev < SG_DOT_MAX_EVIDENCE ? a->n_ev : SG_DOT_MAX_EVIDENCE;
    for (size_t i = 0; i < shown; i++)
        sg_dot_evidence_line(t, &a->ev[i], 0);
    if (a->n_ev > shown)
        sg_buf_printf(t, "\n(%zu more)", a->n_ev - shown);
}

static long actor_statements(const sg_ractor *a)
{
    return a->statements >= 0 ? a->statements : (long)a->n_ev;
}

long sg_dot_max_statements(const sg_report *r)
{
    long m = 1;
    for (size_t i = 0; i < r->n_actors; i++)
        if (actor_statements(&r->actors[i]) > m)
            m = actor_statements(&r->actors[i]);
    return m;
}

void sg_dot_style_actor(Agnode_t *n, const sg_ractor *a, size_t index, long max_statements)
{
    sg_buf t;
    sg_buf_init(&t);
    sg_buf_text(&t, a->id, SG_TEXT_LABEL);
    if (a->blocker)
        sg_buf_puts(&t, "\\nblocker");
    sg_dot_setbuf(n, "label", &t);
    long n_ev = actor_statements(a);
    /* area grows with the share of the busiest actor's statements: 0..1, so the largest
     * node is 2.1 x 1.0 in, whatever the corpus size */
    double grow = sqrt((double)(n_ev > 0 ? n_ev : 0) / (double)(max_statements > 0 ? max_statements : 1));
    if (grow > 1)
        grow = 1;
    sg_dot_setnum(n, "height", 0.45 + 0.55 * grow, 2);
    sg_dot_setnum(n, "width", 0.9 + 1.2 * grow, 2);
    sg_dot_setnum(n, "fontsize", 12 + 6 * grow, 1);
    sg_dot_set(n, "fillcolor", sg_dot_fill(a->stance));
    sg_dot_set(n, "fontcolor", sg_dot_fontcolor(a->stance));
    sg_dot_set(n, "style", a->stance == SG_RS_NEUTRAL ? "filled,dashed" : "filled");
    sg_dot_set(n, "shape", a->blocker ? "octagon" : "ellipse");
    sg_dot_set(n, "penwidth", a->blocker ? "4" : "1.2");
    sg_dot_set(n, "color", a->blocker ? "black" : "#333333");
    sg_buf_printf(&t, "actor-%zu", index);
    sg_dot_setbuf(n, "id", &t);
    node_tooltip(&t, a);
    sg_dot_setbuf(n, "tooltip", &t);
    /* the data, for users who read the DOT back (gvpr, pydot, networkx) */
    sg_dot_set(n, "stance", sg_render__stance_name(a->stance));
    sg_dot_setnum(n, "score", a->score, 6);
    sg_buf_printf(&t, "%ld", n_ev);
    sg_dot_setbuf(n, "statements", &t);
    sg_buf_printf(&t, "%ld", a->camp);
    sg_dot_setbuf(n, "camp", &t);
    if (a->blocker)
        sg_dot_set(n, "blocker", "true");
    sg_buf_free(&t);
}

static const char *edge_word(const sg_redge *e)
{
    return e->sign > 0 ? "alignment" : e->sign < 0 ? "conflict" : "no relation";
}

static void edge_tooltip(sg_buf *t, const sg_report *r, const sg_redge *e)
{
    sg_buf_text(t, e->source, SG_TEXT_TOOLTIP);
    sg_buf_puts(t, e->kind && strcmp(e->kind, "direct") == 0 ? " -> " : " - ");
    sg_buf_text(t, e->target, SG_TEXT_TOOLTIP);
    sg_buf_printf(t, ": %s (weight ", edge_word(e));
    sg_buf_num(t, e->weight, 3);
    sg_buf_puts(t, ")");
    size_t shown = 0;
    for (size_t i = 0; i < e->n_evidence; i++) {
        const sg_rev *ev = sg_render__report_evidence(r, e->evidence[i]);
        if (ev == NULL)
            continue;
        if (shown == SG_DOT_MAX_EVIDENCE) {
            sg_buf_puts(t, "\n(more)");
            break;
        }
        sg_dot_evidence_line(t, ev, 1);
        shown++;
    }
}

static void style_edge(Agedge_t *ed, const sg_report *r, const sg_redge *e, size_t index,
                       double max_w)
{
    sg_buf t;
    sg_buf_init(&t);
    int conflict = e->sign < 0;
    sg_dot_set(ed, "color", conflict ? SG_COLOR_CONFLICT : SG_COLOR_ALIGN);
    sg_dot_set(ed, "style", conflict ? "dashed" : "solid");
    double rel = max_w > 0 ? fabs(e->weight) / max_w : 1;
    sg_dot_setnum(ed, "penwidth", 1 + 4 * rel, 2);
    sg_dot_set(ed, "len", conflict ? "2.6" : "1.3");
    if (e->kind != NULL && strcmp(e->kind, "direct") == 0)
        sg_dot_set(ed, "dir", "forward");
    sg_buf_printf(&t, "edge-%zu", index);
    sg_dot_setbuf(ed, "id", &t);
    edge_tooltip(&t, r, e);
    sg_dot_setbuf(ed, "tooltip", &t);
    sg_dot_setnum(ed, "signed_weight", e->weight, 6);
    sg_buf_printf(&t, "%d", e->sign);
    sg_dot_setbuf(ed, "sign", &t);
    if (e->kind != NULL) {
        sg_buf_text(&t, e->kind, SG_TEXT_RAW);
        sg_dot_setbuf(ed, "kind", &t);
    }
    sg_buf_free(&t);
}

void sg_dot_legend(Agraph_t *g, int edges, int twomode)
{
    Agraph_t *sub = agsubg(g, sg_cg("cluster_legend"), 1);
    if (sub == NULL) {
        sg_dot_oom(g);
        return;
    }
    sg_dot_set(sub, "label", ""); /* else it inherits the graph's title */
    sg_dot_set(sub, "id", "legend");
    sg_dot_set(sub, "style", "rounded");
    sg_dot_set(sub, "color", "#999999");
    sg_dot_set(sub, "fontsize", "12");
    Agnode_t *n = sg_dot_fresh_node(sub, "legend");
    if (n == NULL)
        return;
    sg_dot_set(n, "shape", "plaintext");
    sg_dot_set(n, "id", "legend-key");
    sg_dot_set(n, "tooltip", "Legend");
    sg_buf h;
    sg_buf_init(&h);
    sg_buf_puts(&h, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" CELLPADDING=\"4\">"
                    "<TR><TD BORDER=\"0\"><B>Legend</B></TD></TR>");
    sg_buf_printf(&h, "<TR><TD BGCOLOR=\"%s\"><FONT COLOR=\"white\">supports</FONT></TD></TR>"
                      "<TR><TD BGCOLOR=\"%s\">opposes</TD></TR>"
                      "<TR><TD BGCOLOR=\"%s\">undecided</TD></TR>",
                  SG_COLOR_SUPPORT, SG_COLOR_OPPOSE, SG_COLOR_NEUTRAL);
    if (!twomode)
        sg_buf_puts(&h, "<TR><TD BORDER=\"4\">blocker (bold octagon)</TD></TR>"
                        "<TR><TD BORDER=\"0\">size: statements (busiest = largest)</TD></TR>");
    if (edges)
        sg_buf_printf(&h, "<TR><TD BORDER=\"0\"><FONT COLOR=\"%s\">&#8212;&#8212;&#8212; "
                          "alignment (solid)</FONT></TD></TR>"
                          "<TR><TD BORDER=\"0\"><FONT COLOR=\"%s\">- - - - conflict "
                          "(dashed)</FONT></TD></TR>"
                          "<TR><TD BORDER=\"0\">line width: |weight|</TD></TR>",
                      SG_COLOR_ALIGN, SG_COLOR_CONFLICT);
    if (twomode)
        sg_buf_puts(&h, "<TR><TD BORDER=\"0\">box: topic; line colour: stance</TD></TR>");
    sg_buf_puts(&h, "</TABLE>");
    sg_dot_sethtml(g, n, "label", h.oom ? NULL : h.data);
    sg_buf_free(&h);
}

/* The blocking result as a title line, escaped. */
static void blocking_line(sg_buf *b, const sg_report *r)
{
    sg_buf t;
    sg_buf_init(&t);
    sg_render__decision(&t, r);
    if (t.len > 0)
        sg_dot_wrap(b, t.data, SG_DOT_TITLE_WIDTH);
    sg_buf_free(&t);
}

typedef struct edge_rank {
    double w;
    size_t i;
} edge_rank;

static int cmp_rank(const void *x, const void *y)
{
    const edge_rank *a = x, *b = y;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* keep[i] = 1 for the backbone: edge i is among the k strongest (|weight|, ties by
 * report order) of its source or of its target. Returns the number kept, or
 * (size_t)-1 when out of memory. k < 0 keeps every edge. */
static size_t backbone(const sg_report *r, int k, unsigned char *keep)
{
    if (k < 0) {
        memset(keep, 1, r->n_edges);
        return r->n_edges;
    }
    edge_rank *e = malloc((r->n_edges + 1) * sizeof(*e));
    size_t *seen = calloc(r->n_actors + 1, sizeof(size_t));
    if (e == NULL || seen == NULL) {
        free(e);
        free(seen);
        return (size_t)-1;
    }
    for (size_t i = 0; i < r->n_edges; i++)
        e[i] = (edge_rank){fabs(r->edges[i].weight), i};
    qsort(e, r->n_edges, sizeof(*e), cmp_rank);
    size_t kept = 0;
    for (size_t j = 0; j < r->n_edges; j++) {
        const sg_redge *ed = &r->edges[e[j].i];
        size_t rs = seen[ed->src]++, rd = seen[ed->dst]++;
        keep[e[j].i] = rs < (size_t)k || rd < (size_t)k;
        kept += keep[e[j].i];
    }
    free(e);
    free(seen);
    return kept;
}

static double max_abs_weight(const sg_report *r)
{
    double m = 0;
    for (size_t i = 0; i < r->n_edges; i++)
        if (fabs(r->edges[i].weight) > m)
            m = fabs(r->edges[i].weight);
    return m;
}

/* The "grid" layout (SG_RENDER_GRID): no Graphviz layout engine runs, Graphviz's nop
 * only draws. Actors in camp order (the order nodes were made), row by row on a square
 * grid: linear time, and nothing in a layout engine that could fail on a large graph.
 * order[k] is the k-th actor placed. */
static void grid_positions(Agnode_t **nodes, const size_t *order, size_t n)
{
    size_t width = 1;
    while (width * width < n)
        width++;
    for (size_t k = 0; k < n; k++) {
        sg_buf t;
        sg_buf_init(&t);
        sg_buf_num(&t, 180.0 * (double)(k % width), 1); /* points: 2.5 in a column */
        sg_buf_puts(&t, ",");
        sg_buf_num(&t, -100.0 * (double)(k / width), 1);
        sg_buf_puts(&t, "!");
        sg_dot_setbuf(nodes[order[k]], "pos", &t);
        sg_buf_free(&t);
    }
}

static sg_status build_camps(Agraph_t *g, const sg_report *r, const sg_render_options *opts,
                             const char *engine, sg_error *err)
{
    int k = opts->backbone == 0 ? SG_RENDER_BACKBONE : opts->backbone;
    unsigned char *keep = malloc(r->n_edges + 1);
    size_t kept = keep ? backbone(r, k, keep) : (size_t)-1;
    if (kept == (size_t)-1) {
        free(keep);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    sg_buf sub;
    sg_buf_init(&sub);
    blocking_line(&sub, r);
    if (kept < r->n_edges) {
        sg_buf note;
        sg_buf_init(&note);
        sg_buf_printf(&note, "lines: each actor's %d strongest tie%s (%zu of %zu; every tie "
                             "is in the CSV and GraphML exports)", k, k == 1 ? "" : "s", kept,
                      r->n_edges);
        if (sub.len > 0)
            sg_buf_puts(&sub, "\\n");
        sg_dot_wrap(&sub, note.data, SG_DOT_TITLE_WIDTH);
        sg_buf_free(&note);
    }
    sg_dot_graph_defaults(g, r, opts, engine, sub.data);
    sg_buf_free(&sub);
    int grid = strcmp(engine, SG_RENDER_GRID) == 0;
    if (!grid) { /* the grid is drawn as placed */
        sg_dot_set(g, "overlap", "false");
        sg_dot_set(g, "sep", "+10");
        if (r->n_actors <= SG_RENDER_LARGE_GRAPH)
            sg_dot_set(g, "splines", "true");
    }
    /* camps first, so that every member is created inside its cluster */
    Agnode_t **nodes = calloc(r->n_actors ? r->n_actors : 1, sizeof(*nodes));
    size_t *order = malloc((r->n_actors ? r->n_actors : 1) * sizeof(*order));
    size_t n_placed = 0;
    if (nodes == NULL || order == NULL) {
        free(nodes);
        free(order);
        free(keep);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    sg_buf name;
    sg_buf_init(&name);
    for (size_t c = 0; c < r->n_camps; c++) {
        const sg_rcamp *camp = &r->camps[c];
        name.len = 0;
        sg_buf_printf(&name, "cluster_%ld", camp->id);
        /* the grid has no camp boxes (nop draws clusters only with their own bounding
         * boxes): its camps are runs of the grid's rows instead */
        Agraph_t *sg = grid ? g : name.oom ? NULL : agsubg(g, name.data, 1);
        if (sg == NULL) {
            free(nodes);
            free(order);
            free(keep);
            sg_buf_free(&name);
            return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory building the diagram");
        }
        if (!grid)
            style_camp(sg, camp);
        for (size_t m = 0; m < camp->n_members; m++) {
            size_t a = sg_render__report_actor(r, camp->members[m]);
            if (a == (size_t)-1 || nodes[a] != NULL)
                continue;
            if ((nodes[a] = sg_dot_actor_node(sg, r->actors[a].id)) == NULL) {
                free(nodes);
                free(order);
                free(keep);
                sg_buf_free(&name);
                return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory building the diagram");
            }
            order[n_placed++] = a;
        }
    }
    sg_buf_free(&name);
    long max_n = sg_dot_max_statements(r);
    for (size_t a = 0; a < r->n_actors; a++) {
        if (nodes[a] == NULL) {
            const sg_rcamp *camp = sg_render__report_camp(r, r->actors[a].camp);
            Agraph_t *home = g;
            if (camp != NULL && !grid) { /* listed in a camp by its "camp" only */
                sg_buf n2;
                sg_buf_init(&n2);
                sg_buf_printf(&n2, "cluster_%ld", camp->id);
                home = n2.oom ? g : agsubg(g, n2.data, 0);
                sg_buf_free(&n2);
                if (home == NULL)
                    home = g;
            }
            nodes[a] = sg_dot_actor_node(home, r->actors[a].id);
            order[n_placed++] = a;
        }
        if (nodes[a] == NULL) {
            free(nodes);
            free(order);
            free(keep);
            return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory building the diagram");
        }
        sg_dot_style_actor(nodes[a], &r->actors[a], a, max_n);
    }
    if (grid)
        grid_positions(nodes, order, n_placed);
    free(order);
    double max_w = max_abs_weight(r);
    for (size_t i = 0; i < r->n_edges; i++) {
        const sg_redge *e = &r->edges[i];
        if (!keep[i])
            continue;
        Agedge_t *ed = agedge(g, nodes[e->src], nodes[e->dst], NULL, 1);
        if (ed != NULL)
            style_edge(ed, r, e, i, max_w);
    }
    free(nodes);
    free(keep);
    if (!grid) /* an unpinned node would have no place under nop */
        sg_dot_legend(g, 1, 0);
    return SG_OK;
}

/* ---- entry ---------------------------------------------------------------------- */

/* The automatic engine. Camps: dot, which draws clusters well and is reproducible
 * (Graphviz 2.42's fdp is not: the same clustered graph comes out differently from run
 * to run); sfdp above SG_RENDER_LARGE_GRAPH actors, where dot gets slow (sfdp does not
 * draw clusters: colours still show the stances). Two-mode: neato. */
static const char *auto_engine(const sg_report *r, sg_diagram kind)
{
    if (kind == SG_DIAGRAM_TIMELINE)
        return "nop";
    if (r->n_actors > SG_RENDER_LARGE_GRAPH)
        return "sfdp";
    return kind == SG_DIAGRAM_CAMPS ? "dot" : "neato";
}

sg_status sg_render__diagram(sg_buf *b, const sg_report *r, sg_diagram kind,
                             const sg_render_options *opts, const char *format,
                             sg_error *err)
{
    sg_status rc = SG_OK;
    sg_gv_capture cap;
    sg_gv_capture_begin(&cap);
    const char *engine = opts->engine ? opts->engine : auto_engine(r, kind);
    if (kind == SG_DIAGRAM_TIMELINE)
        engine = "nop"; /* positions are computed here; Graphviz only draws */
    int grid = strcmp(engine, SG_RENDER_GRID) == 0;
    if (grid && kind != SG_DIAGRAM_CAMPS)
        engine = "neato"; /* the two-mode view has no grid of its own */
    sg_dot_disc d;
    sg_dot_disc_init(&d);
    Agraph_t *g = NULL;
    if ((rc = sg_gv_engine_valid(grid && kind == SG_DIAGRAM_CAMPS ? "nop" : engine, err)) != SG_OK)
        goto done;
    g = agopen(sg_cg("stancegraph"), Agundirected, &d.disc);
    if (g == NULL) {
        rc = sg_error_set(err, SG_EINTERNAL, NULL, 0, "cgraph: %s", sg_gv_last_message());
        goto done;
    }
    if (kind == SG_DIAGRAM_CAMPS)
        rc = build_camps(g, r, opts, engine, err);
    else if (kind == SG_DIAGRAM_TWOMODE)
        rc = sg_dot_build_twomode(g, r, opts, engine, err);
    else
        rc = sg_dot_build_timeline(g, r, opts, err);
    if (rc == SG_OK && sg_dot_failed(g))
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory building the diagram");
    if (rc != SG_OK)
        goto done;
    if (format == NULL)
        rc = sg_dot_write(b, g, err);
    else /* the grid's positions are pinned: nop only draws */
        rc = sg_gv_render(b, g, strcmp(engine, SG_RENDER_GRID) == 0 ? "nop" : engine, format,
                          err);
done:
    if (g != NULL)
        agclose(g);
    sg_gv_capture_end(&cap);
    return rc;
}
