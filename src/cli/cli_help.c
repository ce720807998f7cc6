/* cli_help.c - turns the command descriptions of cli_options.c into getopt_long tables,
 * --help text and man pages. Both texts come from the same fields in the same order, so
 * what --help says is what the man page says (tests/install/check-man). */
#include "cli/cli_options.h"
#include "cli/cli.h"

#include <assert.h>
#include <string.h>

#define HELP_COLUMN 25 /* option descriptions start here in --help */

void sg_cli_getopt_init(sg_cli_getopt *g, const sg_cli_doc *doc)
{
    size_t n = 0, k = 0;
    g->shortopts[k++] = ':';
    for (size_t t = 0; t < SG_CLI_MAX_TABLES && doc->tables[t]; t++)
        for (const sg_cli_opt *o = doc->tables[t]; o->name; o++) {
            assert(n < SG_CLI_MAX_OPTS);
            g->longopts[n].name = o->name;
            g->longopts[n].has_arg = o->arg ? required_argument : no_argument;
            g->longopts[n].flag = NULL;
            g->longopts[n].val = o->code;
            n++;
            if (o->short_name) {
                assert(o->short_name == o->code);
                g->shortopts[k++] = o->short_name;
                if (o->arg)
                    g->shortopts[k++] = ':';
            }
        }
    memset(&g->longopts[n], 0, sizeof(g->longopts[n]));
    g->shortopts[k] = '\0';
    optind = 1;
    opterr = 0;
}

int sg_cli_bad_option(const sg_cli_doc *doc, int ch, char **argv)
{
    const char *arg = argv[optind - 1];
    fprintf(stderr, "stancegraph %s: ", doc->name);
    if (ch == ':')
        fprintf(stderr, "option '%s' needs a value", arg);
    else if (optopt && strncmp(arg, "--", 2) != 0)
        fprintf(stderr, "unknown option '-%c'", optopt);
    else
        fprintf(stderr, "unknown option '%s'", arg);
    fprintf(stderr, "\nTry 'stancegraph %s --help'.\n", doc->name);
    return SG_EXIT_USAGE;
}

/* "  -o, --output FILE" / "      --output FILE" */
static size_t opt_left(const sg_cli_opt *o, char *buf, size_t n)
{
    int len;
    if (o->short_name)
        len = snprintf(buf, n, "  -%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
                       o->arg ? o->arg : "");
    else
        len = snprintf(buf, n, "      --%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    return len < 0 ? 0 : (size_t)len;
}

static void help_opts(FILE *fp, const sg_cli_opt *opts)
{
    for (const sg_cli_opt *o = opts; o->name; o++) {
        char left[128];
        size_t len = opt_left(o, left, sizeof(left));
        fputs(left, fp);
        if (len + 1 >= HELP_COLUMN)
            fprintf(fp, "\n%*s", HELP_COLUMN, "");
        else
            fprintf(fp, "%*s", (int)(HELP_COLUMN - len), "");
        for (const char *p = o->help; *p; p++) {
            fputc(*p, fp);
            if (*p == '\n')
                fprintf(fp, "%*s", HELP_COLUMN, "");
        }
        fputc('\n', fp);
    }
}

/* Usage lines: "usage: " before the first, aligned under it after. */
static void help_usage(FILE *fp, const char *usage)
{
    fputs("usage: ", fp);
    for (const char *p = usage; *p; p++) {
        fputc(*p, fp);
        if (*p == '\n')
            fputs("       ", fp);
    }
    fputc('\n', fp);
}

void sg_cli_print_help(FILE *fp, const sg_cli_doc *doc)
{
    help_usage(fp, doc->usage);
    fprintf(fp, "\n%s\n\n", doc->description);
    for (size_t t = 0; t < SG_CLI_MAX_TABLES && doc->tables[t]; t++)
        help_opts(fp, doc->tables[t]);
    if (doc->notes)
        fprintf(fp, "\n%s\n", doc->notes);
    fprintf(fp, "\n%s\n", sg_cli_exit_codes);
}

void sg_cli_print_top_help(FILE *fp)
{
    help_usage(fp, sg_cli_top_usage);
    fputs("\ncommands:\n", fp);
    for (size_t i = 0; sg_cli_docs[i]; i++)
        fprintf(fp, "  %-8s %s\n", sg_cli_docs[i]->name, sg_cli_docs[i]->summary);
    fputs("\noptions:\n", fp);
    help_opts(fp, sg_cli_top_opts);
    fprintf(fp, "\n'-' means stdin/stdout. 'stancegraph <command> --help' for each command;\n"
                "man stancegraph-<command> once installed.\n%s\n",
            sg_cli_exit_codes);
}

/* Text as roff: backslashes and dashes escaped, a leading '.' or '\'' defused, and
 * '\n' turned into a space (join=1) or kept (join=0). */
static void roff_text(FILE *fp, const char *s, int join)
{
    int at_line_start = 1;
    for (const char *p = s; *p; p++) {
        if (at_line_start && (*p == '.' || *p == '\''))
            fputs("\\&", fp);
        at_line_start = 0;
        switch (*p) {
        case '\\': fputs("\\e", fp); break;
        case '-': fputs("\\-", fp); break;
        case '\n':
            fputc(join ? ' ' : '\n', fp);
            at_line_start = !join;
            break;
        default: fputc(*p, fp);
        }
    }
}

static void man_upper(FILE *fp, const char *s)
{
    for (; *s; s++)
        fputc(*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s, fp);
}

static void man_opts(FILE *fp, const sg_cli_opt *opts)
{
    for (const sg_cli_opt *o = opts; o->name; o++) {
        fputs(".TP\n", fp);
        if (o->short_name)
            fprintf(fp, "\\fB\\-%c\\fR, ", o->short_name);
        fputs("\\fB\\-\\-", fp);
        roff_text(fp, o->name, 1);
        fputs("\\fR", fp);
        if (o->arg) {
            fputs(" \\fI", fp);
            roff_text(fp, o->arg, 1);
            fputs("\\fR", fp);
        }
        fputc('\n', fp);
        roff_text(fp, o->help, 1);
        fputc('\n', fp);
    }
}

/* Paragraphs ("\n\n"-separated) of text, lines joined. */
static void man_paragraphs(FILE *fp, const char *text)
{
    const char *p = text;
    while (*p) {
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char buf[4096];
        if (n >= sizeof(buf))
            n = sizeof(buf) - 1;
        memcpy(buf, p, n);
        buf[n] = '\0';
        fputs(".PP\n", fp);
        roff_text(fp, buf, 1);
        fputc('\n', fp);
        p += n;
        while (*p == '\n')
            p++;
    }
}

static void man_synopsis(FILE *fp, const char *usage)
{
    const char *p = usage;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char buf[512];
        if (n >= sizeof(buf))
            n = sizeof(buf) - 1;
        memcpy(buf, p, n);
        buf[n] = '\0';
        fputs(p == usage ? "" : ".br\n", fp);
        roff_text(fp, buf, 1);
        fputc('\n', fp);
        p += n;
        if (*p == '\n')
            p++;
    }
}

static void man_footer(FILE *fp, const sg_cli_doc *doc)
{
    fputs(".SH EXIT STATUS\n", fp);
    roff_text(fp, sg_cli_exit_codes, 1);
    fputs(".\n.SH ENVIRONMENT\n.TP\n.B STANCEGRAPH_DATA\n", fp);
    roff_text(fp, "the data directory: the default lexicon is $STANCEGRAPH_DATA/lexicon. Without "
                  "it (and without --lexicon) the data installed with stancegraph is used.",
              1);
    fputs("\n.SH SEE ALSO\n", fp);
    int first = 1;
    if (doc)
        fputs(".BR stancegraph (1)", fp), first = 0;
    for (size_t i = 0; sg_cli_docs[i]; i++) {
        if (sg_cli_docs[i] == doc)
            continue;
        fprintf(fp, "%s.BR stancegraph\\-%s (1)", first ? "" : ",\n", sg_cli_docs[i]->name);
        first = 0;
    }
    fputs("\n", fp);
}

void sg_cli_print_man(FILE *fp, const sg_cli_doc *doc, const char *version)
{
    fputs(".\\\" Generated by sg-mangen from src/cli/cli_options.c; do not edit.\n", fp);
    fputs(".TH ", fp);
    if (doc) {
        fputs("STANCEGRAPH\\-", fp);
        man_upper(fp, doc->name);
    } else {
        fputs("STANCEGRAPH", fp);
    }
    fprintf(fp, " 1 \"\" \"stancegraph %s\" \"stancegraph manual\"\n.SH NAME\n", version);
    if (doc) {
        fprintf(fp, "stancegraph\\-%s \\- ", doc->name);
        roff_text(fp, doc->summary, 1);
    } else {
        fputs("stancegraph \\- who supports, opposes or defers: news to a signed actor graph", fp);
    }
    fputs("\n.SH SYNOPSIS\n", fp);
    man_synopsis(fp, doc ? doc->usage : sg_cli_top_usage);
    fputs(".SH DESCRIPTION\n", fp);
    if (doc) {
        man_paragraphs(fp, doc->description);
        fputs(".SH OPTIONS\n", fp);
        for (size_t t = 0; t < SG_CLI_MAX_TABLES && doc->tables[t]; t++)
            man_opts(fp, doc->tables[t]);
        if (doc->notes) {
            fputs(".SH NOTES\n", fp);
            man_paragraphs(fp, doc->notes);
        }
    } else {
        man_paragraphs(fp, "stancegraph reads news about a contested question, extracts who "
                           "supports, opposes or defers (statements), builds a signed weighted "
                           "actor graph, finds camps and blockers and renders them. '-' means "
                           "stdin/stdout.");
        fputs(".SH COMMANDS\n", fp);
        for (size_t i = 0; sg_cli_docs[i]; i++) {
            fprintf(fp, ".TP\n.BR stancegraph\\-%s (1)\n", sg_cli_docs[i]->name);
            roff_text(fp, sg_cli_docs[i]->summary, 1);
            fputc('\n', fp);
        }
        fputs(".SH OPTIONS\n", fp);
        man_opts(fp, sg_cli_top_opts);
    }
    man_footer(fp, doc);
}
