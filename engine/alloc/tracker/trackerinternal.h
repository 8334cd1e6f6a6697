// SPDX-License-Identifier: GPL-3.0-or-later
/* Shared between the translation units of libperfwb_alloctrack.so (all symbols hidden
 * by -fvisibility=hidden; only the interposed functions are exported). */
#ifndef PERFWB_TRACKERINTERNAL_H
#define PERFWB_TRACKERINTERNAL_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/single_threaded.h>

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

/* Whether this thread's lockTracker() took the mutex. */
extern TLS int t_lockTaken;

/* Until the process starts a second thread, nothing else can be inside the tracker, so
 * the mutex (two calls and two atomic operations per event, a tenth of the tracked
 * time of a single-threaded program) is skipped. glibc clears __libc_single_threaded
 * before the first pthread_create or thrd_create starts its thread and never sets it
 * again; threads made with a raw clone() are not seen, as in libstdc++'s own use of it. */
static inline void lockTracker(void)
{
    t_lockTaken = !__libc_single_threaded;
    if (t_lockTaken)
        pthread_mutex_lock(&g_lock);
    t_holdsLock = 1;
    g_wholeLen = g_bufLen;
}

static inline void unlockTracker(void)
{
    t_holdsLock = 0;
    if (t_lockTaken)
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

/* A varint at `p`; returns the byte after it. Writing through a local cursor keeps the
 * compiler from reloading g_buf and g_bufLen after every byte (a store through unsigned
 * char may alias them): the tracker's cost is per event, so this counts. */
static inline unsigned char *putVarintAt(unsigned char *p, uint64_t v)
{
    while (v >= 0x80) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    return p;
}

/* Room for one record of at most `need` bytes, with the time and thread records that
 * must precede it (g_lock held). */
void reserveSlowLocked(size_t need);
extern uint32_t g_eventsSinceTime;
extern int32_t g_lastTid;
extern TLS int32_t t_tid;
static inline void reserveLocked(size_t need)
{
    /* The common case inline: room left, no time record due, the same thread as before. */
    if (LIKELY(g_bufLen != 0 && g_bufLen + need + 32 <= kBufferSize && g_eventsSinceTime < 511 && t_tid == g_lastTid)) {
        ++g_eventsSinceTime;
        return;
    }
    reserveSlowLocked(need);
}
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
