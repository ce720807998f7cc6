/* cmd_eval.c - `stancegraph eval`: score statements against a hand-coded gold file. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "cli/cli_docs.h"
#include "stancegraph/eval.h"


static const char *canon_actor(void *ctx, const char *name)
{
    return ctx ? sg_lexicon_actor_lookup(ctx, name) : NULL;
}

/* Gold file name -> document id (no directory, no extension). */
static void doc_id_of(const char *file, char *buf, size_t n)
{
    const char *base = strrchr(file, '/');
    snprintf(buf, n, "%s", base ? base + 1 : file);
    char *dot = strrchr(buf, '.');
    if (dot && dot != buf)
        *dot = '\0';
}

static sg_status read_statements(sg_statement_list *all, char **files, int n, sg_error *err)
{
    for (int i = 0; i < n; i++) {
        FILE *fp = strcmp(files[i], "-") == 0 ? stdin : fopen(files[i], "rb");
        if (fp == NULL)
            return sg_error_set(err, SG_EIO, files[i], 0, "cannot open");
        sg_status rc = sg_statements_read(all, fp, sg_cli_name(files[i]), err);
        if (fp != stdin)
            fclose(fp);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

static sg_status score_doc(sg_eval *ev, size_t d, const sg_lexicon *lex, const char *corpus,
                           const sg_cli_extract_args *base, const sg_statement_list *all,
                           sg_error *err)
{
    sg_statement_list mine;
    sg_statement_list_init(&mine);
    sg_status rc = SG_OK;
    if (corpus) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s", corpus, sg_eval_doc_file(ev, d));
        sg_cli_extract_args a = *base;
        a.topic = sg_eval_doc_topic(ev, d);
        char *files[] = {path};
        if (!sg_lexicon_has_topic(lex, a.topic))
            rc = sg_error_set(err, SG_EUSAGE, NULL, 0, "unknown topic \"%s\"", a.topic);
        else
            rc = sg_cli_extract_files(&mine, lex, &a, files, 1, err);
        if (rc == SG_OK)
            rc = sg_eval_add(ev, d, &mine, err);
    } else {
        char id[512];
        doc_id_of(sg_eval_doc_file(ev, d), id, sizeof(id));
        for (size_t k = 0; k < all->n && rc == SG_OK; k++) {
            if (strcmp(all->items[k].doc, id) != 0)
                continue;
            sg_statement copy;
            if (sg_statement_copy(&copy, &all->items[k]) != SG_OK ||
                sg_statement_list_take(&mine, &copy) != SG_OK)
                rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
        }
        if (rc == SG_OK)
            rc = sg_eval_add(ev, d, &mine, err);
    }
    sg_statement_list_destroy(&mine);
    return rc;
}

int sg_cmd_eval(int argc, char **argv)
{
    sg_cli_extract_args a = SG_CLI_EXTRACT_ARGS_INIT;
    const char *corpus = NULL;
    int ch;
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_eval);
    while ((ch = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
        int done = sg_cli_extract_option(&a, ch, optarg, "eval");
        if (done < 0)
            return SG_EXIT_USAGE;
        if (done)
            continue;
        switch (ch) {
        case 'c': corpus = optarg; break;
        case 'h': sg_cli_print_help(stdout, &sg_cli_doc_eval); return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_eval, ch, argv);
        }
    }
    if (optind >= argc)
        return sg_cli_usage_error("eval", "missing GOLD.jsonl");
    if (!corpus && optind + 1 >= argc)
        return sg_cli_usage_error("eval", "give --corpus DIR or statements files");
    const char *gold_path = argv[optind];
    sg_error err;
    sg_error_clear(&err);
    sg_lexicon *lex = NULL;
    sg_eval *ev = NULL;
    char *gold = NULL, *report = NULL;
    size_t gold_len = 0;
    sg_statement_list all;
    sg_statement_list_init(&all);
    int code = SG_EXIT_OK;
    if (sg_cli_load_lexicon(&lex, &a, &err) != SG_OK ||
        sg_cli_read_file(gold_path, &gold, &gold_len, &err) != SG_OK ||
        sg_eval_new(&ev, gold, gold_len, sg_cli_name(gold_path), canon_actor, lex, &err) != SG_OK ||
        (!corpus && read_statements(&all, argv + optind + 1, argc - optind - 1, &err) != SG_OK)) {
        code = sg_cli_fail(&err);
        goto done;
    }
    for (size_t d = 0; d < sg_eval_n_docs(ev); d++)
        if (score_doc(ev, d, lex, corpus, &a, &all, &err) != SG_OK) {
            code = sg_cli_fail(&err);
            goto done;
        }
    if (sg_eval_report(ev, &report) != SG_OK) {
        sg_cli_errorf("out of memory");
        code = SG_EXIT_INTERNAL;
        goto done;
    }
    fputs(report, stdout);
done:
    free(report);
    free(gold);
    sg_eval_free(ev);
    sg_statement_list_destroy(&all);
    sg_lexicon_free(lex);
    return code;
}
