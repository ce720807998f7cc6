/* consumer.c - a program that uses stancegraph as an outside project would: only the
 * installed umbrella header and library. Extracts statements from a string with the
 * default (installed) lexicon, builds the signed actor graph and prints what it found.
 * tests/install/installed-lib.sh builds it with pkg-config and with CMake. */
#include <stancegraph/stancegraph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, const sg_error *err)
{
    char buf[1024];
    sg_error_format(err, buf, sizeof(buf));
    fprintf(stderr, "consumer: %s: %s\n", what, buf);
    return 1;
}

int main(void)
{
    static const char text[] =
        "Germany opposes Ukraine's membership of NATO, Chancellor Olaf Scholz said. "
        "France supports Ukraine joining NATO. Poland backs Ukraine's bid to join NATO.";
    sg_error err;
    sg_error_clear(&err);
    sg_lexicon *lex = NULL;
    sg_statement_list list;
    sg_statement_list_init(&list);
    sg_graph *g = NULL;
    char *json = NULL;
    int rc = 1;
    const char *path = sg_lexicon_default_path();
    printf("version %s (headers %s)\n", sg_version(), SG_VERSION_STRING);
    printf("lexicon %s\n", path ? path : "(none)");
    if (sg_lexicon_load(&lex, NULL, NULL, &err) != SG_OK) {
        rc = fail("loading the default lexicon", &err);
        goto done;
    }
    sg_document doc = {"consumer", "2024-01-15", NULL, text, strlen(text)};
    sg_extract_options xo = SG_EXTRACT_OPTIONS_INIT;
    xo.topic = "ukraine-nato";
    if (sg_extract_document(&list, lex, &doc, &xo, &err) != SG_OK) {
        rc = fail("extracting", &err);
        goto done;
    }
    sg_graph_options go = SG_GRAPH_OPTIONS_INIT;
    if (sg_graph_build(&g, &list, &go, &err) != SG_OK ||
        sg_graph_to_json(g, &json, &err) != SG_OK) {
        rc = fail("building the graph", &err);
        goto done;
    }
    printf("statements %zu\n", list.n);
    for (size_t i = 0; i < list.n; i++)
        printf("statement %s %+d %s\n", list.items[i].actor, list.items[i].stance,
               list.items[i].topic);
    printf("graph.json %zu bytes\n", strlen(json));
    printf("nodes %zu edges %zu\n", sg_graph_node_count(g), sg_graph_edge_count(g));
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s, t;
        double w;
        const char *kind;
        sg_graph_edge(g, e, &s, &t, &w, &kind);
        printf("edge %s %s %s %g\n", kind, sg_graph_node_id(g, s), sg_graph_node_id(g, t), w);
    }
    rc = 0;
done:
    free(json);
    sg_graph_free(g);
    sg_statement_list_destroy(&list);
    sg_lexicon_free(lex);
    return rc;
}
