// SPDX-License-Identifier: GPL-3.0-or-later
// Stack capture and the trace tree of libperfwb_alloctrack.so (see alloctrack.c for
// why DWARF unwinding and how the per-thread cache is validated).
#define _GNU_SOURCE
#include "allocstream.h"
#include "trackerinternal.h"

#include <string.h>
#include <sys/mman.h>
#include <unwind.h>

enum { kMaxFrames = 256, kCacheDepth = 62, kCacheEntries = 256 };

struct TraceSlot {
    uint64_t ip;
    uint32_t parent;
    uint32_t index; // 0 = empty
};
// Guarded by g_lock.
static struct TraceSlot *g_traces;
static size_t g_traceCap; // power of two
static uint32_t g_traceCount;

struct CacheEntry {
    uint32_t depth;
    uint32_t trace;
    uintptr_t slot[kCacheDepth];
    uintptr_t value[kCacheDepth];
};
static TLS struct CacheEntry *t_cache;
static pthread_key_t g_cacheKey;

// ---- trace tree -----------------------------------------------------------------
static size_t traceHash(uint32_t parent, uint64_t ip)
{
    uint64_t h = (ip ^ ((uint64_t)parent << 40) ^ parent) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 17);
}

void *growSlotTable(void *table, size_t *cap, size_t initial, const struct SlotTableType *type)
{
    const size_t wider = *cap ? *cap * 2 : initial;
    char *t = mmap(NULL, wider * type->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (t == MAP_FAILED)
        return NULL;
    const char *old = table;
    for (size_t i = 0; i < *cap; ++i) {
        const void *slot = old + i * type->size;
        if (!type->used(slot))
            continue;
        size_t j = type->hash(slot) & (wider - 1);
        while (type->used(t + j * type->size))
            j = (j + 1) & (wider - 1);
        memcpy(t + j * type->size, slot, type->size);
    }
    if (table)
        munmap(table, *cap * type->size);
    *cap = wider;
    return t;
}

static int traceUsed(const void *slot)
{
    return ((const struct TraceSlot *)slot)->index != 0;
}

static size_t traceSlotHash(const void *slot)
{
    const struct TraceSlot *s = slot;
    return traceHash(s->parent, s->ip);
}

static int growTraces(void)
{
    static const struct SlotTableType type = {sizeof(struct TraceSlot), traceUsed, traceSlotHash};
    struct TraceSlot *t = growSlotTable(g_traces, &g_traceCap, 1u << 14, &type);
    if (!t)
        return 0;
    g_traces = t;
    return 1;
}

uint32_t internTraceLocked(uint32_t parent, uint64_t ip)
{
    if ((g_traceCount + 1) * 2 > g_traceCap && !growTraces())
        return parent;
    size_t j = traceHash(parent, ip) & (g_traceCap - 1);
    for (;; j = (j + 1) & (g_traceCap - 1)) {
        struct TraceSlot *s = &g_traces[j];
        if (!s->index)
            break;
        if (s->ip == ip && s->parent == parent)
            return s->index;
    }
    g_traces[j].ip = ip;
    g_traces[j].parent = parent;
    g_traces[j].index = ++g_traceCount;
    reserveLocked(24);
    putByte(PWBA_TRACE);
    putVarint(parent);
    putVarint(ip);
    return g_traceCount;
}

// ---- stack capture --------------------------------------------------------------
struct Unwound {
    int n;
    uintptr_t ip[kMaxFrames];
    uintptr_t slot[kMaxFrames]; // where ip[i] was read from (0: unknown)
};

static _Unwind_Reason_Code unwindCallback(struct _Unwind_Context *ctx, void *data)
{
    struct Unwound *u = data;
    uintptr_t ip = _Unwind_GetIP(ctx);
    // libgcc reports, for a caller's context, the CFA of the frame it was unwound
    // from (= the caller's stack pointer); x86_64 stores the return address just below.
    uintptr_t cfa = _Unwind_GetCFA(ctx);
    uintptr_t slot = cfa ? cfa - sizeof(void *) : 0;
    if (!ip)
        return _URC_END_OF_STACK;
    if (ip >= g_selfLo && ip < g_selfHi)
        return _URC_NO_REASON; // our wrapper and this function
    if (u->n >= kMaxFrames)
        return _URC_END_OF_STACK;
    u->ip[u->n] = ip;
    u->slot[u->n] = slot;
    ++u->n;
    return _URC_NO_REASON;
}

static void cacheDestructor(void *p)
{
    if (p)
        munmap(p, kCacheEntries * sizeof(struct CacheEntry));
}

// `frame`: the wrapper's frame address; its return address (into the allocating
// function) sits just above it, which keys the per-thread cache.
static uint32_t nativeTrace(uintptr_t *frame)
{
    uintptr_t *keySlot = frame + 1;
    uintptr_t keyValue = *keySlot;
    if (UNLIKELY(!t_cache)) {
        void *c = mmap(NULL, kCacheEntries * sizeof(struct CacheEntry), PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (c != MAP_FAILED) {
            t_cache = c;
            pthread_setspecific(g_cacheKey, c);
        }
    }
    struct CacheEntry *e = NULL;
    if (LIKELY(t_cache != NULL)) {
        e = &t_cache[(((uintptr_t)keySlot >> 3) ^ (keyValue * 0x9E3779B1u)) % kCacheEntries];
        if (e->depth && e->slot[0] == (uintptr_t)keySlot && e->value[0] == keyValue) {
            uint32_t i = 1;
            while (i < e->depth && *(const uintptr_t *)e->slot[i] == e->value[i])
                ++i;
            if (i == e->depth)
                return e->trace;
        }
    }
    struct Unwound u;
    u.n = 0;
    _Unwind_Backtrace(unwindCallback, &u);
    lockTracker();
    sendMappingsIfChangedLocked();
    uint32_t trace = 0;
    for (int i = u.n - 1; i >= 0; --i)
        trace = internTraceLocked(trace, u.ip[i]);
    unlockTracker();
    // Cache only chains whose every slot is known and whose first slot is our key.
    if (e && u.n > 0 && u.n <= kCacheDepth && u.slot[0] == (uintptr_t)keySlot) {
        int ok = 1;
        for (int i = 0; i < u.n && ok; ++i)
            ok = u.slot[i] != 0;
        if (ok) {
            for (int i = 0; i < u.n; ++i) {
                e->slot[i] = u.slot[i];
                e->value[i] = u.ip[i];
            }
            e->trace = trace;
            e->depth = (uint32_t)u.n;
        }
    }
    return trace;
}

uint32_t captureTrace(uintptr_t *frame)
{
    // A Python program's frames go after the native ones (allocstream.h); the cache
    // above is for the native part, which repeats while the Python part moves on.
    return withPythonFrames(nativeTrace(frame));
}

int initStackCapture(void)
{
    return growTraces() && pthread_key_create(&g_cacheKey, cacheDestructor) == 0;
}
