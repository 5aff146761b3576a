#include "CMarkArena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* cmark allocates every node, inline and buffer of a document through its
 * cmark_mem and frees them one by one at cmark_node_free. A document is made,
 * walked, rendered and dropped within one call (Markdown.render), so its
 * memory can come from an arena: a bump of a pointer per allocation, nothing
 * per free, and all of it taken back when the thread starts its next document.
 * Blocks are kept between documents; only a document larger than any before
 * it on this thread adds blocks. */

typedef struct block {
    struct block *next;
    size_t size;  /* bytes of data */
    size_t used;
    size_t padding; /* keeps data 16-byte aligned */
    unsigned char data[];
} block;

/* Each allocation is preceded by its size, and rounded up, 16-byte aligned. */
enum { HEADER = 16, ALIGN = 16, BLOCK_SIZE = 256 * 1024 };

static _Thread_local block *first;   /* every block of this thread, in order */
static _Thread_local block *current; /* where allocations are made */

static size_t rounded(size_t size) { return (size + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

/* A new, empty block with room for `need` bytes, before `next`. */
static block *new_block(size_t need, block *next) {
    size_t capacity = need > BLOCK_SIZE ? need : BLOCK_SIZE;
    block *fresh = malloc(sizeof(block) + capacity);
    if (!fresh) abort(); /* as cmark's own allocator does */
    fresh->size = capacity;
    fresh->used = 0;
    fresh->next = next;
    return fresh;
}

static void *allocate(size_t size) {
    if (size > SIZE_MAX / 2) abort();
    size_t need = HEADER + rounded(size);
    if (!current) first = current = new_block(need, NULL);
    /* The next block that has room (blocks after `current` are empty). */
    while (current->used + need > current->size) {
        if (current->next && need <= current->next->size) {
            current = current->next;
            current->used = 0;
        } else {
            current->next = new_block(need, current->next);
            current = current->next;
        }
    }
    unsigned char *at = current->data + current->used;
    current->used += need;
    *(size_t *)at = size;
    return at + HEADER;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    void *memory = allocate(count * size);
    memset(memory, 0, count * size);
    return memory;
}

static void *arena_realloc(void *old, size_t size) {
    if (!old) return allocate(size);
    unsigned char *start = (unsigned char *)old - HEADER;
    size_t old_size = *(size_t *)start;
    if (size <= old_size) return old;
    /* The last allocation of the block grows in place when the block has room:
     * cmark grows its output buffer this way, many times per document. */
    size_t old_need = HEADER + rounded(old_size), need = HEADER + rounded(size);
    if (start + old_need == current->data + current->used && current->used - old_need + need <= current->size) {
        current->used += need - old_need;
        *(size_t *)start = size;
        return old;
    }
    void *memory = allocate(size);
    memcpy(memory, old, old_size);
    return memory;
}

static void arena_free(void *memory) { (void)memory; }

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

cmark_mem *almanac_cmark_arena(void) {
    current = first;
    if (current) current->used = 0;
    return &arena;
}
