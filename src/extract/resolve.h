/* resolve.h - who is who (resolve.c): people by date, pronouns, quotation speakers. */
#ifndef SG_EXTRACT_RESOLVE_H
#define SG_EXTRACT_RESOLVE_H

#include "extract/extract_internal.h"

void sg_extract__mention_actors(const sg_scan *s, const sg_mention *m, sg_actor_set *out);
void sg_extract__resolve_pronouns(sg_scan *s);
/* List index of the speaker of the quotation in tokens [open, close), or -1. */
int sg_extract__quote_speaker(const sg_scan *s, size_t open, size_t close);

#endif
