// SPDX-License-Identifier: GPL-3.0-or-later
/* Shared between the translation units of libperfwb_alloctrack.so (all symbols hidden
 * by -fvisibility=hidden; only the interposed functions are exported). */
#ifndef PERFWB_TRACKERINTERNAL_H
#define PERFWB_TRACKERINTERNAL_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#define TLS __thread __attribute__((tls_model("initial-exec")))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

enum { kBufferSize = 1 << 16 };

/* The event buffer and everything written into it are guarded by g_lock. */
extern pthread_mutex_t g_lock;
extern unsigned char *g_buf;
extern size_t g_bufLen;
/* g_buf's length when the lock was last taken (or the buffer last written out): the
 * records before it are whole, so a crash inside the tracker can still write them. */
extern size_t g_wholeLen;
extern TLS int t_holdsLock;

static inline void lockTracker(void)
{
    pthread_mutex_lock(&g_lock);
    t_holdsLock = 1;
    g_wholeLen = g_bufLen;
}

static inline void unlockTracker(void)
{
    t_holdsLock = 0;
    pthread_mutex_unlock(&g_lock);
}
extern uintptr_t g_selfLo, g_selfHi; /* our own code, skipped in stacks */

static inline void putByte(unsigned char b)
{
    g_buf[g_bufLen++] = b;
}

static inline void putVarint(uint64_t v)
{
    while (v >= 0x80) {
        g_buf[g_bufLen++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    g_buf[g_bufLen++] = (unsigned char)v;
}

/* Room for one record of at most `need` bytes, with the time and thread records that
 * must precede it (g_lock held). */
void reserveLocked(size_t need);
/* Sends the executable mappings again when a library was loaded (g_lock held). */
void sendMappingsIfChangedLocked(void);

/* Before an exec (exec.c): sends a PWBA_EXEC record naming `path` and what is buffered.
 * The tracker does not follow the exec: the new program starts untracked. */
void noteExec(const char *path);

/* Trace table and per-thread cache key; returns 0 on failure. */
int initStackCapture(void);
/* The trace node of the current call stack. `frame`: the interposed function's frame
 * address; its return address (into the allocating function) sits just above it. */
uint32_t captureTrace(uintptr_t *frame);

/* An open-addressing table in mmap'd memory (never malloc): slots of `size` bytes, a
 * slot in use or not, and where it hashes to. */
struct SlotTableType {
    size_t size;
    int (*used)(const void *slot);
    size_t (*hash)(const void *slot);
};
/* `table` (`*cap` slots, a power of two) rehashed into one twice as large (`initial`
 * slots when empty), which it returns; *cap is updated. NULL when out of memory (the
 * old table stays). */
void *growSlotTable(void *table, size_t *cap, size_t initial, const struct SlotTableType *type);

/* The trace node of `ip` called from `parent` (g_lock held). */
uint32_t internTraceLocked(uint32_t parent, uint64_t ip);

/* Whether this is a CPython that PERFWB_ALLOC_PYTHON has a layout for (at start-up). */
int initPythonFrames(void);
/* `nativeTrace` extended by the calling thread's Python frames (pythonframes.c); itself
 * when the thread runs none. */
uint32_t withPythonFrames(uint32_t nativeTrace);

#endif
