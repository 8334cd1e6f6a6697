// SPDX-License-Identifier: GPL-3.0-or-later
// libperfwb_alloctrack.so: an LD_PRELOAD allocation tracker. Plain C on libc (and
// libgcc's unwinder) only, so it works in any target, before main and without a C++
// runtime. Every malloc-family call becomes a few bytes of a binary stream
// (format: allocstream.h) written to PERFWB_ALLOC_FD or PERFWB_ALLOC_FILE.
//
// Stacks: Debian's glibc has no frame pointers, so a frame-pointer walk stops in libc;
// we unwind with DWARF CFI (_Unwind_Backtrace) and cache the result per thread. A
// cache entry remembers where on the stack each return address was found and is
// reused when all those slots still hold the same values, so a loop that allocates
// from the same call chain costs a few loads per call, not an unwind.
#define _GNU_SOURCE
#include "allocstream.h"
#include "trackerinternal.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

enum { kUninit = 0, kInitializing = 1, kReady = 2 };

static void *(*real_malloc)(size_t);
static void (*real_free)(void *);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void *(*real_reallocarray)(void *, size_t, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);
static void *(*real_memalign)(size_t, size_t);
static void *(*real_valloc)(size_t);
static void *(*real_pvalloc)(size_t);
static void (*real_exit_)(int) __attribute__((noreturn));

static volatile int g_state = kUninit;
static volatile int g_tracking; // stream open and this process is the one being tracked
static int g_fd = -1;
static int g_fdIsPipe;
uintptr_t g_selfLo, g_selfHi;        // our own code, skipped in stacks
static struct pwba_counts *g_counts; // shared with perfwb; NULL without PERFWB_ALLOC_COUNTS
static volatile int g_failed;        // a write failed: the stream stopped, calls are missed

// Static arena for calls made while dlsym resolves the real functions.
static _Alignas(16) unsigned char g_bootArena[64 * 1024];
static size_t g_bootUsed;

// Everything below is guarded by g_lock.
pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
size_t g_wholeLen;
TLS int t_holdsLock;
TLS int t_lockTaken;
unsigned char *g_buf;
size_t g_bufLen;
static uint64_t g_lastPtr;
int32_t g_lastTid;
uint32_t g_eventsSinceTime;
static unsigned long long g_loadedObjects; // dlpi_adds when mappings were last sent

static TLS int t_busy;
TLS int32_t t_tid;
// Tests only (PERFWB_ALLOC_FAULT_AFTER=N): the Nth allocation faults inside the tracker's
// locked section, halfway through its record, to prove what a crash there keeps. 0: never.
static uint64_t g_faultAfter;
static uint64_t g_allocsSeen;

// ---- bootstrap arena ------------------------------------------------------------
static int inBootArena(const void *p)
{
    return (const unsigned char *)p >= g_bootArena && (const unsigned char *)p < g_bootArena + sizeof g_bootArena;
}

static void *bootAlloc(size_t size, size_t align)
{
    if (align < 16)
        align = 16;
    size_t start = (g_bootUsed + 16 + align - 1) & ~(align - 1); // 16 bytes before: the size
    if (start + size > sizeof g_bootArena)
        return NULL;
    g_bootUsed = start + size;
    *(size_t *)(g_bootArena + start - 16) = size;
    return g_bootArena + start; // zeroed: the arena is static and never reused
}

static size_t bootSize(const void *p)
{
    return *(const size_t *)((const unsigned char *)p - 16);
}

// ---- stream writing -------------------------------------------------------------
static void writeAll(const unsigned char *data, size_t len)
{
    sigset_t pipeSet, oldSet, pending;
    int wasPending = 0;
    if (g_fdIsPipe) { // a reader that went away must not kill the target with SIGPIPE
        sigemptyset(&pipeSet);
        sigaddset(&pipeSet, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipeSet, &oldSet);
        sigpending(&pending);
        wasPending = sigismember(&pending, SIGPIPE);
    }
    while (len > 0) {
        ssize_t n = write(g_fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            g_tracking = 0; // reader gone or disk full: stop tracking, never fail the target
            g_failed = 1;
            if (g_fdIsPipe && !wasPending && errno == EPIPE) {
                struct timespec zero = {0, 0};
                sigtimedwait(&pipeSet, NULL, &zero);
            }
            break;
        }
        data += n;
        len -= (size_t)n;
    }
    if (g_fdIsPipe)
        pthread_sigmask(SIG_SETMASK, &oldSet, NULL);
}

static void flushLocked(void)
{
    if (g_bufLen > 0 && g_tracking)
        writeAll(g_buf, g_bufLen);
    g_bufLen = 0;
    g_wholeLen = 0;
}

static uint64_t nowNs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

// reserveLocked's slow path: a full buffer, a time record due (every 512 events), or
// another thread's event.
void reserveSlowLocked(size_t need)
{
    if (g_bufLen + need + 32 > kBufferSize)
        flushLocked();
    if (g_bufLen == 0 || ++g_eventsSinceTime >= 512) {
        putByte(PWBA_TIME);
        putVarint(nowNs());
        g_eventsSinceTime = 0;
    }
    if (t_tid != g_lastTid) {
        putByte(PWBA_THREAD);
        putVarint((uint32_t)t_tid);
        g_lastTid = t_tid;
    }
}

static unsigned char *putPtrDeltaAt(unsigned char *p, uint64_t ptr)
{
    int64_t d = (int64_t)(ptr - g_lastPtr);
    g_lastPtr = ptr;
    return putVarintAt(p, ((uint64_t)d << 1) ^ (uint64_t)(d >> 63)); // zigzag: nearby blocks cost 1-3 bytes
}

// ---- mappings -------------------------------------------------------------------
struct MapScan {
    int emit;
    unsigned long long adds;
};

static int mapCallback(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    struct MapScan *scan = data;
    scan->adds = info->dlpi_adds;
    if (!scan->emit)
        return 1; // only wanted the counter
    char exe[512];
    const char *path = info->dlpi_name;
    if (!path || !path[0]) {
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n <= 0)
            return 0;
        exe[n] = 0;
        path = exe;
    }
    if (path[0] != '/')
        return 0; // the vdso: nothing to symbolize from a file
    size_t pathLen = strlen(path);
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
            continue;
        uint64_t start = info->dlpi_addr + ph->p_vaddr;
        uint64_t slack = start & 4095;
        reserveLocked(64 + pathLen);
        putByte(PWBA_MAPPING);
        putVarint(start - slack);
        putVarint(ph->p_memsz + slack);
        putVarint(ph->p_offset - (ph->p_offset & 4095));
        putVarint(pathLen);
        memcpy(g_buf + g_bufLen, path, pathLen);
        g_bufLen += pathLen;
    }
    return 0;
}

// Called with g_lock held. dl_iterate_phdr takes ld.so's lock; a thread inside dlopen
// never waits for g_lock while holding it (it would be inside malloc, which takes
// g_lock only after unwinding), so the order is always ld.so lock, then ours, or ours alone.
void sendMappingsIfChangedLocked(void)
{
    struct MapScan scan = {0, 0};
    dl_iterate_phdr(mapCallback, &scan);
    if (scan.adds == g_loadedObjects)
        return;
    scan.emit = 1;
    dl_iterate_phdr(mapCallback, &scan);
    g_loadedObjects = scan.adds;
}

// ---- events ---------------------------------------------------------------------
static void recordAlloc(void *ptr, size_t size, uint32_t trace)
{
    lockTracker();
    if (g_tracking) {
        if (g_counts)
            ++g_counts->recorded;
        reserveLocked(32);
        unsigned char *p = g_buf + g_bufLen;
        *p++ = PWBA_ALLOC;
        p = putVarintAt(p, size);
        if (UNLIKELY(g_faultAfter != 0) && ++g_allocsSeen == g_faultAfter) {
            g_bufLen = (size_t)(p - g_buf);
            raise(SIGSEGV);
        }
        p = putVarintAt(p, trace);
        p = putPtrDeltaAt(p, (uint64_t)(uintptr_t)ptr);
        g_bufLen = (size_t)(p - g_buf);
    }
    unlockTracker();
}

static void recordFree(void *ptr)
{
    lockTracker();
    if (g_tracking) {
        if (g_counts)
            ++g_counts->recorded;
        reserveLocked(16);
        unsigned char *p = g_buf + g_bufLen;
        *p++ = PWBA_FREE;
        p = putPtrDeltaAt(p, (uint64_t)(uintptr_t)ptr);
        g_bufLen = (size_t)(p - g_buf);
    }
    unlockTracker();
}

// ---- setup ----------------------------------------------------------------------
static int selfCallback(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    uintptr_t probe = (uintptr_t)&selfCallback;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && probe >= lo && probe < lo + ph->p_memsz) {
            g_selfLo = lo;
            g_selfHi = lo + ph->p_memsz;
            return 1;
        }
    }
    return 0;
}

static void forkPrepare(void)
{
    pthread_mutex_lock(&g_lock);
}
static void forkParent(void)
{
    pthread_mutex_unlock(&g_lock);
}
// The child is not tracked: the parent's stream is the parent's alone. Its copy of
// the unsent buffer is dropped, and its copy of the descriptor closed.
static void forkChild(void)
{
    g_tracking = 0;
    g_bufLen = 0;
    if (g_counts)
        munmap(g_counts, PWBA_COUNTS_SIZE);
    g_counts = NULL;
    g_failed = 0;
    if (g_fd >= 0)
        close(g_fd);
    g_fd = -1;
    pthread_mutex_unlock(&g_lock);
}

// The counts file perfwb created (zeroed, PWBA_COUNTS_SIZE bytes), mapped shared.
static void openCounts(const char *path)
{
    if (!path || !*path)
        return;
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size >= PWBA_COUNTS_SIZE) {
        void *p = mmap(NULL, PWBA_COUNTS_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p != MAP_FAILED) {
            g_counts = p;
            memcpy(g_counts->magic, PWBA_COUNTS_MAGIC, sizeof g_counts->magic);
        }
    }
    close(fd);
}

static int openStream(void)
{
    const char *fdText = getenv("PERFWB_ALLOC_FD");
    const char *file = getenv("PERFWB_ALLOC_FILE");
    int fd = -1;
    if (fdText && *fdText) {
        char *end = NULL;
        long v = strtol(fdText, &end, 10);
        if (end && *end == 0 && v >= 0 && v < (1L << 30) && fcntl((int)v, F_GETFD) >= 0)
            fd = (int)v;
    } else if (file && *file) {
        fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
    // Programs this one execs inherit LD_PRELOAD but not the stream: only one
    // process ever writes into it.
    openCounts(getenv("PERFWB_ALLOC_COUNTS"));
    const char *faultText = getenv("PERFWB_ALLOC_FAULT_AFTER");
    if (faultText && *faultText)
        g_faultAfter = strtoull(faultText, NULL, 10);
    unsetenv("PERFWB_ALLOC_FAULT_AFTER");
    unsetenv("PERFWB_ALLOC_FD");
    unsetenv("PERFWB_ALLOC_FILE");
    unsetenv("PERFWB_ALLOC_COUNTS");
    if (fd < 0)
        return 0;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    struct stat st;
    g_fdIsPipe = fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
    g_fd = fd;
    return 1;
}

static void catchFatalSignals(void);

static void initialize(void)
{
    if (__atomic_load_n(&g_state, __ATOMIC_ACQUIRE) == kReady)
        return;
    int expected = kUninit;
    if (!__atomic_compare_exchange_n(&g_state, &expected, kInitializing, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&g_state, __ATOMIC_ACQUIRE) != kReady)
            sched_yield(); // another thread initializes; ours uses the arena meanwhile only if it is that thread
        return;
    }
    t_busy = 1;
    real_malloc = dlsym(RTLD_NEXT, "malloc");
    real_free = dlsym(RTLD_NEXT, "free");
    real_calloc = dlsym(RTLD_NEXT, "calloc");
    real_realloc = dlsym(RTLD_NEXT, "realloc");
    real_reallocarray = dlsym(RTLD_NEXT, "reallocarray");
    real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign");
    real_aligned_alloc = dlsym(RTLD_NEXT, "aligned_alloc");
    real_memalign = dlsym(RTLD_NEXT, "memalign");
    real_valloc = dlsym(RTLD_NEXT, "valloc");
    real_pvalloc = dlsym(RTLD_NEXT, "pvalloc");
    real_exit_ = dlsym(RTLD_NEXT, "_exit");
    if (openStream()) {
        g_buf = mmap(NULL, kBufferSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (g_buf != MAP_FAILED && initStackCapture()) {
            dl_iterate_phdr(selfCallback, NULL);
            initPythonFrames();
            pthread_atfork(forkPrepare, forkParent, forkChild);
            lockTracker();
            g_tracking = 1;
            memcpy(g_buf, PWBA_MAGIC, PWBA_MAGIC_LEN);
            g_bufLen = PWBA_MAGIC_LEN;
            putVarint(PWBA_VERSION);
            putVarint((uint64_t)getpid());
            t_tid = (int32_t)syscall(SYS_gettid);
            sendMappingsIfChangedLocked();
            unlockTracker();
            catchFatalSignals();
        }
    }
    t_busy = 0;
    __atomic_store_n(&g_state, kReady, __ATOMIC_RELEASE);
}

static void finish(void)
{
    if (g_state != kReady || !g_tracking)
        return;
    int wasBusy = t_busy;
    t_busy = 1;
    lockTracker();
    if (g_tracking) {
        reserveLocked(16);
        putByte(PWBA_END);
        putVarint(nowNs());
        flushLocked();
        g_tracking = 0; // frees after this (late destructors, libc freeres) are not seen
    }
    unlockTracker();
    t_busy = wasBusy;
}

void noteExec(const char *path)
{
    if (g_state != kReady || !g_tracking || !path)
        return;
    int wasBusy = t_busy;
    t_busy = 1;
    lockTracker();
    if (g_tracking) {
        const size_t len = strnlen(path, 1024);
        reserveLocked(16 + len);
        putByte(PWBA_EXEC);
        putVarint(len);
        memcpy(g_buf + g_bufLen, path, len);
        g_bufLen += len;
        flushLocked(); // a successful exec ends this image without destructors
    }
    unlockTracker();
    t_busy = wasBusy;
}

// ---- fatal signals ---------------------------------------------------------------
// A crash ends the process without destructors: the buffered events (up to kBufferSize)
// would die with it. On a fatal signal whose disposition was the default, the buffer is
// written with a PWBA_CRASH record, and the signal then takes its default course
// (SA_RESETHAND, raised again on return).
// - Another thread holds the lock (mid-write): it gives it back within microseconds, so
//   wait for it, up to 200 ms (it may itself be stuck writing to a full pipe).
// - This thread holds it (the crash is inside the tracker): the records before this
//   lock's section are whole and are written; the section's own are lost.
static void writeCrashRecord(int sig)
{
    unsigned char rec[16];
    size_t n = 0;
    rec[n++] = PWBA_CRASH;
    uint64_t v = (uint64_t)sig;
    while (v >= 0x80) {
        rec[n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    rec[n++] = (unsigned char)v;
    writeAll(rec, n);
}

static int lockWithin200ms(void)
{
    const struct timespec oneMs = {0, 1000000};
    for (int i = 0; i < 200; ++i) {
        if (pthread_mutex_trylock(&g_lock) == 0)
            return 1;
        nanosleep(&oneMs, NULL);
    }
    return 0;
}

static void onFatalSignal(int sig)
{
    int saved = errno;
    if (g_tracking && t_holdsLock) {
        if (g_wholeLen > 0)
            writeAll(g_buf, g_wholeLen);
        writeCrashRecord(sig);
        g_tracking = 0; // the lock stays taken: the process is ending
    } else if (g_tracking && lockWithin200ms()) {
        if (g_tracking) {
            flushLocked();
            writeCrashRecord(sig);
            g_tracking = 0;
        }
        pthread_mutex_unlock(&g_lock);
    }
    errno = saved;
    raise(sig); // blocked until we return, then delivered with the default action
}

static void catchFatalSignals(void)
{
    static const int kFatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (size_t i = 0; i < sizeof kFatal / sizeof kFatal[0]; ++i) {
        struct sigaction old;
        if (sigaction(kFatal[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL || (old.sa_flags & SA_SIGINFO))
            continue; // the program's own handler, or ignored: left as it is
        struct sigaction act;
        memset(&act, 0, sizeof act);
        act.sa_handler = onFatalSignal;
        act.sa_flags = SA_RESETHAND;
        sigemptyset(&act.sa_mask);
        sigaction(kFatal[i], &act, NULL);
    }
}

__attribute__((constructor)) static void trackerConstructor(void)
{
    initialize();
}
__attribute__((destructor)) static void trackerDestructor(void)
{
    finish();
}

// ---- the interposed functions ----------------------------------------------------
// A call is tracked when the tracker is ready, the stream is open and this thread is
// not already inside the tracker (dlsym, the unwinder or libc may allocate).
#define ENTER()                                                                                                        \
    if (UNLIKELY(g_state != kReady)) {                                                                                 \
        if (g_state == kUninit)                                                                                        \
            initialize();                                                                                              \
    }                                                                                                                  \
    if (UNLIKELY(g_failed) && g_counts && !t_busy)                                                                     \
        __atomic_add_fetch(&g_counts->missed, 1, __ATOMIC_RELAXED);                                                    \
    const int track = g_tracking && !t_busy;                                                                           \
    if (track) {                                                                                                       \
        t_busy = 1;                                                                                                    \
        if (UNLIKELY(!t_tid))                                                                                          \
            t_tid = (int32_t)syscall(SYS_gettid);                                                                      \
    }
#define LEAVE()                                                                                                        \
    if (track)                                                                                                         \
        t_busy = 0;
#define BOOTSTRAPPING() UNLIKELY(g_state != kReady && !real_malloc)

EXPORT void *malloc(size_t size)
{
    if (BOOTSTRAPPING() && g_state == kInitializing)
        return bootAlloc(size, 16);
    ENTER();
    void *p = real_malloc(size);
    if (track && p)
        recordAlloc(p, size, captureTrace(__builtin_frame_address(0)));
    LEAVE();
    return p;
}

EXPORT void free(void *ptr)
{
    if (!ptr || inBootArena(ptr))
        return; // arena blocks are never reused nor given to libc
    if (BOOTSTRAPPING())
        initialize();
    ENTER();
    real_free(ptr);
    if (track)
        recordFree(ptr);
    LEAVE();
}

EXPORT void *calloc(size_t n, size_t size)
{
    if (BOOTSTRAPPING() && g_state == kInitializing) {
        size_t total;
        return __builtin_mul_overflow(n, size, &total) ? NULL : bootAlloc(total, 16);
    }
    ENTER();
    void *p = real_calloc(n, size);
    if (track && p)
        recordAlloc(p, n * size, captureTrace(__builtin_frame_address(0)));
    LEAVE();
    return p;
}

static void *reallocImpl(void *ptr, size_t size, uintptr_t *frame, int track)
{
    if (ptr && inBootArena(ptr)) { // moving a bootstrap block into the real heap
        void *p = real_malloc(size ? size : 1);
        if (p) {
            size_t old = bootSize(ptr);
            memcpy(p, ptr, old < size ? old : size);
            if (track)
                recordAlloc(p, size, captureTrace(frame));
        }
        return p;
    }
    void *p = real_realloc(ptr, size);
    if (track) {
        if (p) {
            if (ptr)
                recordFree(ptr);
            recordAlloc(p, size, captureTrace(frame));
        } else if (ptr && size == 0) {
            recordFree(ptr); // realloc(p, 0) frees p
        }
    }
    return p;
}

EXPORT void *realloc(void *ptr, size_t size)
{
    if (BOOTSTRAPPING() && g_state == kInitializing) {
        void *p = bootAlloc(size, 16);
        if (p && ptr)
            memcpy(p, ptr, bootSize(ptr) < size ? bootSize(ptr) : size);
        return p;
    }
    ENTER();
    void *p = reallocImpl(ptr, size, __builtin_frame_address(0), track);
    LEAVE();
    return p;
}

EXPORT void *reallocarray(void *ptr, size_t n, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(n, size, &total)) {
        errno = ENOMEM;
        return NULL;
    }
    if (BOOTSTRAPPING() && g_state == kInitializing)
        return realloc(ptr, total);
    ENTER();
    void *p = ptr && inBootArena(ptr) ? reallocImpl(ptr, total, __builtin_frame_address(0), track)
                                      : real_reallocarray(ptr, n, size);
    if (track && !(ptr && inBootArena(ptr))) {
        if (p) {
            if (ptr)
                recordFree(ptr);
            recordAlloc(p, total, captureTrace(__builtin_frame_address(0)));
        } else if (ptr && total == 0) {
            recordFree(ptr);
        }
    }
    LEAVE();
    return p;
}

EXPORT int posix_memalign(void **out, size_t align, size_t size)
{
    if (BOOTSTRAPPING() && g_state == kInitializing) {
        *out = bootAlloc(size, align);
        return *out ? 0 : ENOMEM;
    }
    ENTER();
    int rc = real_posix_memalign(out, align, size);
    if (track && rc == 0 && *out)
        recordAlloc(*out, size, captureTrace(__builtin_frame_address(0)));
    LEAVE();
    return rc;
}

#define ALIGNED_WRAPPER(name, call, sizeExpr, bootAlign)                                                               \
    EXPORT void *name                                                                                                  \
    {                                                                                                                  \
        if (BOOTSTRAPPING() && g_state == kInitializing)                                                               \
            return bootAlloc(sizeExpr, bootAlign);                                                                     \
        ENTER();                                                                                                       \
        void *p = call;                                                                                                \
        if (track && p)                                                                                                \
            recordAlloc(p, sizeExpr, captureTrace(__builtin_frame_address(0)));                                        \
        LEAVE();                                                                                                       \
        return p;                                                                                                      \
    }

ALIGNED_WRAPPER(aligned_alloc(size_t align, size_t size), real_aligned_alloc(align, size), size, align)
ALIGNED_WRAPPER(memalign(size_t align, size_t size), real_memalign(align, size), size, align)
ALIGNED_WRAPPER(valloc(size_t size), real_valloc(size), size, 4096)
ALIGNED_WRAPPER(pvalloc(size_t size), real_pvalloc(size), size, 4096)

// _exit skips destructors: send what is buffered first.
EXPORT void _exit(int status)
{
    finish();
    if (!real_exit_)
        real_exit_ = dlsym(RTLD_NEXT, "_exit");
    real_exit_(status);
}
