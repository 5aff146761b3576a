#ifndef ALMANAC_CMARK_ARENA_H
#define ALMANAC_CMARK_ARENA_H

#include <cmark.h>

/// This thread's arena for one cmark document, emptied: an allocator for
/// cmark_parser_new_with_mem whose allocations are bumps of a pointer and
/// whose frees do nothing. Everything allocated since the previous call on
/// this thread is given back at once: the previous document, its tree and its
/// rendered HTML must no longer be in use.
cmark_mem *almanac_cmark_arena(void);

#endif
