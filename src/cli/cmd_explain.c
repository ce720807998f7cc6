/* cmd_explain.c - `stancegraph explain`: each statement with its sentence, cue, mention
 * and the rule that fired, so a wrong edge can be traced to its cause. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "stancegraph/docs.h"
#include "cli/cli_options.h"
#include "cli/cli_docs.h"


static const char *stance_word(int s)
{
    return s > 0 ? "supports" : s < 0 ? "opposes" : "defers on";
}

/* Every string of a statement comes from input text: printed through the terminal
 * sanitiser (sg_cli_put_clean), so ESC/OSC sequences and line breaks in an article or a
 * statements file cannot drive the terminal or fake output lines. */
static void put(const char *s)
{
    sg_cli_put_clean(stdout, s ? s : "-");
}

static void print_statement(const sg_statement *s)
{
    put(s->id);
    fputs("  ", stdout);
    put(s->actor);
    printf(" %s ", stance_word(s->stance));
    put(s->target ? s->target : s->topic);
    printf("  (stance %+d, weight %.2f)\n", s->stance, s->weight);
    fputs("    rule: ", stdout);
    put(s->rule);
    fputs("   cue: \"", stdout);
    put(s->cue);
    fputs("\"   mention: \"", stdout);
    put(s->mention);
    fputs("\"", stdout);
    if (s->person) {
        fputs("   person: ", stdout);
        put(s->person);
        fputs(" (", stdout);
        put(s->country ? s->country : "?");
        fputs(")", stdout);
    }
    printf("\n    flags:");
    int any = 0;
    for (unsigned b = 0; b < SG_FLAG_COUNT; b++)
        if (s->flags & (1u << b)) {
            printf(" %s", sg_flag_name(1u << b));
            any = 1;
        }
    printf("%s   source: ", any ? "" : " none");
    put(s->source);
    fputs("   doc: ", stdout);
    put(s->doc);
    if (s->date) {
        fputs(" ", stdout);
        put(s->date);
    }
    fputs("\n", stdout);
    if (s->text) {
        printf("    sentence %ld: ", s->sentence);
        put(s->text);
        fputs("\n", stdout);
    }
    printf("\n");
}

/* The report text, one clean line at a time. */
static void print_report(const char *r)
{
    while (*r) {
        const char *nl = strchr(r, '\n');
        size_t n = nl ? (size_t)(nl - r) : strlen(r);
        char *line = strndup(r, n);
        if (line) {
            sg_cli_put_clean(stdout, line);
            free(line);
        }
        putchar('\n');
        r += n + (nl != NULL);
    }
}

/* explain --why-not ACTOR: every document of every file, in order. */
static int why_not(const sg_lexicon *lex, const sg_cli_extract_args *a, const char *actor,
                   char **files, int n_files)
{
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = a->topic;
    o.level = a->level_person ? SG_LEVEL_PERSON : SG_LEVEL_GROUP;
    o.include_relations = a->relations;
    sg_doc_format fmt = strcmp(a->format, "text") == 0    ? SG_DOC_TEXT
                        : strcmp(a->format, "jsonl") == 0 ? SG_DOC_JSONL
                                                          : SG_DOC_AUTO;
    sg_error err;
    sg_error_clear(&err);
    for (int i = 0; i < n_files; i++) {
        int is_stdin = strcmp(files[i], "-") == 0;
        FILE *fp = is_stdin ? stdin : fopen(files[i], "rb");
        if (fp == NULL) {
            sg_error_set(&err, SG_EIO, files[i], 0, "cannot open");
            return sg_cli_fail(&err);
        }
        sg_doc_reader *rd = NULL;
        sg_status rc = sg_doc_reader_open(&rd, fp, files[i], sg_cli_name(files[i]), fmt, a->date, &err);
        sg_doc *d = NULL;
        while (rc == SG_OK && (rc = sg_doc_reader_next(rd, &d, &err)) == SG_OK && d) {
            char *r = NULL;
            rc = sg_extract_why_not(&r, lex, &d->doc, &o, actor, &err);
            if (rc == SG_OK)
                print_report(r);
            free(r);
            sg_doc_free(d);
            d = NULL;
        }
        sg_doc_reader_free(rd);
        if (!is_stdin)
            fclose(fp);
        if (rc != SG_OK)
            return sg_cli_fail(&err);
    }
    return SG_EXIT_OK;
}

int sg_cmd_explain(int argc, char **argv)
{
    sg_cli_extract_args a = SG_CLI_EXTRACT_ARGS_INIT;
    const char *statements = NULL, *why = NULL;
    int ch;
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_explain);
    while ((ch = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
        int done = sg_cli_extract_option(&a, ch, optarg, "explain");
        if (done < 0)
            return SG_EXIT_USAGE;
        if (done)
            continue;
        switch (ch) {
        case 's': statements = optarg; break;
        case SG_OPT_WHY_NOT: why = optarg; break;
        case 'h': sg_cli_print_help(stdout, &sg_cli_doc_explain); return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_explain, ch, argv);
        }
    }
    if (!statements && optind >= argc)
        return sg_cli_usage_error("explain", "give article files or --statements FILE");
    if (why && (statements || a.topic == NULL))
        return sg_cli_usage_error("explain", "--why-not needs --topic and article files");
    if (why) {
        sg_error e;
        sg_error_clear(&e);
        sg_lexicon *wl = NULL;
        if (sg_cli_load_lexicon(&wl, &a, &e) != SG_OK)
            return sg_cli_fail(&e);
        int rc = why_not(wl, &a, why, argv + optind, argc - optind);
        sg_lexicon_free(wl);
        return rc;
    }
    sg_error err;
    sg_error_clear(&err);
    sg_lexicon *lex = NULL;
    sg_statement_list list;
    sg_statement_list_init(&list);
    int code = SG_EXIT_OK;
    sg_cli_add_input(statements);
    if (statements) {
        FILE *fp = strcmp(statements, "-") == 0 ? stdin : fopen(statements, "rb");
        if (fp == NULL) {
            sg_error_set(&err, SG_EIO, statements, 0, "cannot open");
            code = sg_cli_fail(&err);
            goto done;
        }
        sg_status rc = sg_statements_read(&list, fp, sg_cli_name(statements), &err);
        if (fp != stdin)
            fclose(fp);
        if (rc != SG_OK) {
            code = sg_cli_fail(&err);
            goto done;
        }
    } else if (sg_cli_load_lexicon(&lex, &a, &err) != SG_OK ||
               sg_cli_extract_files(&list, lex, &a, argv + optind, argc - optind, &err) != SG_OK) {
        code = sg_cli_fail(&err);
        goto done;
    }
    for (size_t i = 0; i < list.n; i++)
        print_statement(&list.items[i]);
    printf("%zu statement%s\n", list.n, list.n == 1 ? "" : "s");
done:
    sg_statement_list_destroy(&list);
    sg_lexicon_free(lex);
    return code;
}
