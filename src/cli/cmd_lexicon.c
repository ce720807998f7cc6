/* cmd_lexicon.c - `stancegraph lexicon check`: load and validate a lexicon and topics. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "cli/cli_feedback.h"
#include "stancegraph/lexicon.h"


int sg_cmd_lexicon(int argc, char **argv)
{
    const char *path = NULL, *topics = NULL;
    int ch;
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_lexicon);
    while ((ch = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
        switch (ch) {
        case 'L': path = optarg; break;
        case 'T': topics = optarg; break;
        case 'h': sg_cli_print_help(stdout, &sg_cli_doc_lexicon); return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_lexicon, ch, argv);
        }
    }
    if (optind >= argc || strcmp(argv[optind], "check") != 0)
        return sg_cli_usage_error("lexicon", "expected the subcommand 'check'");
    if (optind + 1 < argc)
        path = argv[optind + 1];
    sg_error err;
    sg_error_clear(&err);
    sg_lexicon *lex = NULL;
    if (sg_lexicon_load(&lex, path, topics, &err) != SG_OK)
        return sg_cli_fail(&err);
    for (size_t i = 0; i < sg_lexicon_overridden_count(lex); i++)
        sg_cli_note("%s redefines the built-in topic \"%s\"; its definition is used", topics,
                    sg_lexicon_overridden_topic(lex, i));
    sg_lexicon_stats st;
    sg_lexicon_stats_get(lex, &st);
    printf("%s: ok\n", path ? path : sg_lexicon_default_path());
    printf("actors %zu, people %zu, roles %zu, groups %zu, sources %zu, cues %zu, topics %zu, "
           "phrases %zu\n", st.actors, st.people, st.roles, st.groups, st.sources, st.cues,
           st.topics, st.phrases);
    for (size_t i = 0; i < sg_lexicon_topic_count(lex); i++) {
        const char *id = sg_lexicon_topic_id(lex, i), *how;
        const char *act = sg_lexicon_topic_act(lex, id, &how);
        if (act)
            printf("topic %s: act %s%s (%s)\n", id, act,
                   sg_lexicon_topic_act_undone(lex, id) ? ", undone" : "",
                   strcmp(how, "named") == 0 ? "named by the topic" : strcmp(how, "terms") == 0
                   ? "derived from its terms" : strcmp(how, "label") == 0 ? "derived from its label"
                   : "no act in its terms or label; add \"act\" to the topic for a better one");
        else
            printf("topic %s: no act (only cue words take a side; add \"act\" to the topic)\n", id);
    }
    sg_lexicon_free(lex);
    return SG_EXIT_OK;
}
