/* cmd_explain.c - `stancegraph explain`: each statement with its sentence, cue, mention
 * and the rule that fired, so a wrong edge can be traced to its cause. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "cli/cli_docs.h"


static const char *stance_word(int s)
{
    return s > 0 ? "supports" : s < 0 ? "opposes" : "defers on";
}

static void print_statement(const sg_statement *s)
{
    printf("%s  %s %s %s", s->id ? s->id : "-", s->actor, stance_word(s->stance),
           s->target ? s->target : s->topic);
    printf("  (stance %+d, weight %.2f)\n", s->stance, s->weight);
    printf("    rule: %s   cue: \"%s\"   mention: \"%s\"", s->rule ? s->rule : "-",
           s->cue ? s->cue : "-", s->mention ? s->mention : "-");
    if (s->person)
        printf("   person: %s (%s)", s->person, s->country ? s->country : "?");
    printf("\n    flags:");
    int any = 0;
    for (unsigned b = 0; b < SG_FLAG_COUNT; b++)
        if (s->flags & (1u << b)) {
            printf(" %s", sg_flag_name(1u << b));
            any = 1;
        }
    printf("%s   source: %s   doc: %s%s%s\n", any ? "" : " none", s->source ? s->source : "-",
           s->doc, s->date ? " " : "", s->date ? s->date : "");
    if (s->text)
        printf("    sentence %ld: %s\n", s->sentence, s->text);
    printf("\n");
}

int sg_cmd_explain(int argc, char **argv)
{
    sg_cli_extract_args a = SG_CLI_EXTRACT_ARGS_INIT;
    const char *statements = NULL;
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
        case 'h': sg_cli_print_help(stdout, &sg_cli_doc_explain); return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_explain, ch, argv);
        }
    }
    if (!statements && optind >= argc)
        return sg_cli_usage_error("explain", "give article files or --statements FILE");
    sg_error err;
    sg_error_clear(&err);
    sg_lexicon *lex = NULL;
    sg_statement_list list;
    sg_statement_list_init(&list);
    int code = SG_EXIT_OK;
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
