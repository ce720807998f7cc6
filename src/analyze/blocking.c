/* blocking.c - would the decision pass, and who blocks it?
 *
 * A graph may name the body that decides and its rule. Each member's position is its
 * stance class over the graph's topics (support / oppose / neutral); a member without
 * statements is undecided. The rule fixes how many supporters are needed:
 * unanimity all members; majority more than half; qualified-majority 55% of members
 * (the EU's member-state threshold; its 65%-of-population criterion is not modelled);
 * two-thirds two thirds. The outcome is "passes" when enough members support,
 * "blocked" when even winning every undecided member would not be enough, else
 * "undecided". Blockers are the opposing members (for unanimity, any one suffices).
 */
#include "analyze/analyze_internal.h"

#include <stdlib.h>
#include <string.h>

static int needed(const char *rule, size_t n, size_t *need)
{
    if (strcmp(rule, "unanimity") == 0)
        *need = n;
    else if (strcmp(rule, "majority") == 0)
        *need = n / 2 + 1;
    else if (strcmp(rule, "qualified-majority") == 0)
        *need = (55 * n + 99) / 100;
    else if (strcmp(rule, "two-thirds") == 0)
        *need = (2 * n + 2) / 3;
    else
        return -1;
    return 0;
}

sg_status sg_analyze__blocking(sg_report *r, sg_error *err)
{
    const sg_graph *g = r->g;
    if (!g->has_decision)
        return SG_OK;
    if (needed(g->rule, g->n_members, &r->need) != 0)
        return sg_error_set(err, SG_EINPUT, NULL, 0,
                            "unknown decision rule '%s' (unanimity, majority, "
                            "qualified-majority or two-thirds)", g->rule);
    r->has_blocking = 1;
    r->blockers = calloc(g->n_members + 1, sizeof(size_t));
    r->undecided = calloc(g->n_members + 1, sizeof(size_t));
    if (r->blockers == NULL || r->undecided == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < g->n_members; i++) {
        size_t node;
        int cls = sg_graph_find_node(g, g->members[i], &node) == 0 ? r->act[node].cls : 0;
        if (cls > 0)
            r->n_support++;
        else if (cls < 0)
            r->blockers[r->n_blockers++] = i;
        else
            r->undecided[r->n_undecided++] = i;
    }
    if (r->n_support >= r->need)
        r->outcome = "passes";
    else if (r->n_support + r->n_undecided < r->need)
        r->outcome = "blocked";
    else
        r->outcome = "undecided";
    return SG_OK;
}
