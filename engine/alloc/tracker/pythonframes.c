// SPDX-License-Identifier: GPL-3.0-or-later
// Python frames in allocation stacks (Memray's native + Python view). At each allocation
// of a CPython 3.11/3.12 program the allocating thread's own chain of interpreter frames
// is read in-process: its thread state (PyGILState_GetThisThreadState, a thread-specific
// lookup that allocates nothing) and the frames hanging from it, which only this thread
// changes and which cannot change while it is in malloc. The layout comes from perfwb
// (PERFWB_ALLOC_PYTHON, allocstream.h), so there is one table, perfwb's. Code objects
// are sent once (PWBA_PYCODE) and named by id; one freed and another made at its address
// is told apart by its name, file, line table and first line.
#define _GNU_SOURCE
#include "allocstream.h"
#include "trackerinternal.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { kMaxTextUnits = 1024, kMaxLineTable = 16 * 1024, kMaxPythonFrames = 128, kMemoEntries = 64, kMemoDepth = 24 };

struct PyFrameRef {
    uintptr_t code; // the code object
    uint32_t unit;  // the code unit it runs, plus one; 0 when it has run none
    int entry;      // the outermost frame of an interpreter call
};

// Per thread: the trace a (native trace, Python frames) pair gave last time, so a loop
// that allocates from the same line takes no lock for its Python part. The code
// objects' name and line table pointers are checked too: a code object freed and
// another made at its address is not taken for the old one.
struct MemoEntry {
    uint32_t native;
    uint32_t trace; // 0 = empty
    int depth;
    struct PyFrameRef frames[kMemoDepth];
    uintptr_t qualname[kMemoDepth];
    uintptr_t lineTable[kMemoDepth];
};
static TLS struct MemoEntry *t_memo;
static pthread_key_t g_memoKey;

static uint32_t g_layout[PWBA_PY_LAYOUT_SIZE];
static void *(*g_threadState)(void);
static int g_python;

struct CodeSlot {
    uintptr_t address;
    uintptr_t qualname;
    uintptr_t filename;
    uintptr_t lineTable;
    int32_t firstLine;
    uint32_t id; // 0 = empty
};
// Guarded by g_lock.
static struct CodeSlot *g_codes;
static size_t g_codeCap; // power of two
static size_t g_codeSlotsUsed;
static uint32_t g_lastCodeId;

static int growCodes(void);

#define FIELD(type, base, which) (*(const type *)((const char *)(base) + g_layout[which]))

// "MINOR:v,v,...;MINOR:..." -> g_layout for `minor`; strtoul allocates nothing.
static int parseLayout(const char *p, unsigned long minor)
{
    while (*p) {
        char *end = NULL;
        const unsigned long m = strtoul(p, &end, 10);
        if (end == p || *end != ':')
            return 0;
        p = end + 1;
        uint32_t values[PWBA_PY_LAYOUT_SIZE];
        int n = 0;
        while (n < PWBA_PY_LAYOUT_SIZE) {
            const unsigned long v = strtoul(p, &end, 10);
            if (end == p)
                return 0;
            values[n++] = (uint32_t)v;
            p = end;
            if (*p != ',')
                break;
            ++p;
        }
        if (m == minor && n == PWBA_PY_LAYOUT_SIZE) {
            memcpy(g_layout, values, sizeof values);
            return 1;
        }
        while (*p && *p != ';')
            ++p;
        if (*p == ';')
            ++p;
    }
    return 0;
}

static void memoDestructor(void *p)
{
    if (p)
        munmap(p, kMemoEntries * sizeof(struct MemoEntry));
}

int initPythonFrames(void)
{
    const char *spec = getenv("PERFWB_ALLOC_PYTHON");
    if (!spec || !*spec)
        return 0;
    // The interpreter is the executable or a library it was linked with: loaded by now.
    const uint32_t *version = dlsym(RTLD_DEFAULT, "Py_Version");
    void *threadState = dlsym(RTLD_DEFAULT, "PyGILState_GetThisThreadState");
    if (!version || !threadState || (*version >> 24) != 3 || !parseLayout(spec, (*version >> 16) & 0xff))
        return 0;
    if (!growCodes())
        return 0;
    if (pthread_key_create(&g_memoKey, memoDestructor) != 0)
        return 0;
    g_threadState = (void *(*)(void))threadState;
    g_python = 1;
    return 1;
}

// The calling thread's Python frames, innermost first; 0 when it runs none.
static int pythonFrames(struct PyFrameRef *out, int max)
{
    if (!g_python)
        return 0;
    const char *tstate = g_threadState(); // NULL before Py_Initialize, in threads Python never ran
    if (!tstate)
        return 0;
    const char *cframe = FIELD(char *, tstate, PWBA_PY_THREAD_CFRAME);
    const char *frame = cframe ? FIELD(char *, cframe, PWBA_PY_CFRAME_CURRENT) : NULL;
    int n = 0;
    for (int guard = 0; frame && n < max && guard < 4 * max; ++guard) {
        const char *previous = FIELD(char *, frame, PWBA_PY_FRAME_PREVIOUS);
        if (FIELD(uint8_t, frame, PWBA_PY_FRAME_OWNER) == g_layout[PWBA_PY_OWNED_BY_CSTACK]) {
            // 3.12's shim before an interpreter call: the frame before it was the call's outermost.
            if (n > 0)
                out[n - 1].entry = 1;
            frame = previous;
            continue;
        }
        const uintptr_t code = FIELD(uintptr_t, frame, PWBA_PY_FRAME_CODE);
        const uintptr_t last = FIELD(uintptr_t, frame, PWBA_PY_FRAME_PREV_INSTR);
        const uintptr_t first = code + g_layout[PWBA_PY_CODE_INSTRUCTIONS];
        uint64_t unit = last >= first ? (last - first) / 2 + 1 : 0;
        out[n].code = code;
        out[n].unit = unit > PWBA_PY_UNIT_MASK ? 0 : (uint32_t)unit;
        out[n].entry = g_layout[PWBA_PY_FRAME_IS_ENTRY] != 0 && FIELD(uint8_t, frame, PWBA_PY_FRAME_IS_ENTRY) != 0;
        ++n;
        frame = previous;
    }
    return n;
}

// ---- code objects ---------------------------------------------------------------
static size_t textBytes(uintptr_t str, uint32_t *state, uint64_t *units, const char **data)
{
    *state = 0;
    *units = 0;
    if (!str)
        return 0;
    const uint32_t s = FIELD(uint32_t, str, PWBA_PY_UNICODE_STATE);
    const int64_t length = FIELD(int64_t, str, PWBA_PY_UNICODE_LENGTH);
    const unsigned kind = (s >> 2) & 7;
    const int compact = (s >> 5) & 1;
    const int ascii = (s >> 6) & 1;
    if (!compact || (kind != 1 && kind != 2 && kind != 4) || length < 0)
        return 0;
    *state = s;
    *units = length > kMaxTextUnits ? kMaxTextUnits : (uint64_t)length;
    *data = (const char *)str + g_layout[ascii ? PWBA_PY_ASCII_HEADER : PWBA_PY_COMPACT_HEADER];
    return *units * kind;
}

static void putBytes(const char *data, size_t n)
{
    putVarint(n);
    memcpy(g_buf + g_bufLen, data, n);
    g_bufLen += n;
}

static void sendCodeLocked(const struct CodeSlot *c)
{
    uint32_t nameState = 0, fileState = 0;
    uint64_t nameUnits = 0, fileUnits = 0;
    const char *name = NULL, *file = NULL, *table = NULL;
    const size_t nameBytes = textBytes(c->qualname, &nameState, &nameUnits, &name);
    const size_t fileBytes = textBytes(c->filename, &fileState, &fileUnits, &file);
    size_t tableBytes = 0;
    if (c->lineTable) {
        const int64_t size = FIELD(int64_t, c->lineTable, PWBA_PY_BYTES_SIZE);
        if (size > 0 && size <= kMaxLineTable) { // a longer one: the frames get no lines
            tableBytes = (size_t)size;
            table = (const char *)c->lineTable + g_layout[PWBA_PY_BYTES_DATA];
        }
    }
    reserveLocked(96 + nameBytes + fileBytes + tableBytes);
    putByte(PWBA_PYCODE);
    putVarint(c->id);
    putVarint((uint64_t)(c->firstLine > 0 ? c->firstLine : 0));
    putVarint(nameState);
    putVarint(nameUnits);
    putBytes(name, nameBytes);
    putVarint(fileState);
    putVarint(fileUnits);
    putBytes(file, fileBytes);
    putBytes(table, tableBytes);
}

static size_t codeHash(uintptr_t address)
{
    return (size_t)(((uint64_t)address * 0x9E3779B97F4A7C15ull) >> 20);
}

static int codeUsed(const void *slot)
{
    return ((const struct CodeSlot *)slot)->id != 0;
}

static size_t codeSlotHash(const void *slot)
{
    return codeHash(((const struct CodeSlot *)slot)->address);
}

static int growCodes(void)
{
    static const struct SlotTableType type = {sizeof(struct CodeSlot), codeUsed, codeSlotHash};
    struct CodeSlot *t = growSlotTable(g_codes, &g_codeCap, 1u << 12, &type);
    if (!t)
        return 0;
    g_codes = t;
    return 1;
}

// The trace node ip of a Python frame (allocstream.h), sending its code object first when
// new (g_lock held); 0 when out of memory.
static uint64_t pythonFrameIpLocked(const struct PyFrameRef *frame)
{
    if ((g_codeSlotsUsed + 1) * 2 > g_codeCap && !growCodes())
        return 0;
    struct CodeSlot now;
    now.address = frame->code;
    now.qualname = FIELD(uintptr_t, frame->code, PWBA_PY_CODE_QUALNAME);
    now.filename = FIELD(uintptr_t, frame->code, PWBA_PY_CODE_FILENAME);
    now.lineTable = FIELD(uintptr_t, frame->code, PWBA_PY_CODE_LINETABLE);
    now.firstLine = FIELD(int32_t, frame->code, PWBA_PY_CODE_FIRST_LINE);
    size_t j = codeHash(frame->code) & (g_codeCap - 1);
    while (g_codes[j].id && g_codes[j].address != frame->code)
        j = (j + 1) & (g_codeCap - 1);
    struct CodeSlot *slot = &g_codes[j];
    const int known = slot->id && slot->qualname == now.qualname && slot->filename == now.filename &&
                      slot->lineTable == now.lineTable && slot->firstLine == now.firstLine;
    if (!known) {
        if (!slot->id)
            ++g_codeSlotsUsed;
        now.id = ++g_lastCodeId;
        *slot = now;
        sendCodeLocked(slot);
    }
    return PWBA_PY_FRAME | (frame->entry ? PWBA_PY_ENTRY : 0) | ((uint64_t)slot->id << PWBA_PY_CODE_SHIFT) |
           frame->unit;
}

// ---- the Python part of a trace -------------------------------------------------
static struct MemoEntry *memoFor(uint32_t nativeTrace, const struct PyFrameRef *frames, int n)
{
    if (n > kMemoDepth)
        return NULL;
    if (UNLIKELY(!t_memo)) {
        void *m = mmap(NULL, kMemoEntries * sizeof(struct MemoEntry), PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED)
            return NULL;
        t_memo = m;
        pthread_setspecific(g_memoKey, m);
    }
    uint64_t h = nativeTrace * 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < n; ++i)
        h = (h ^ frames[i].code ^ ((uint64_t)frames[i].unit << 44) ^ (uint64_t)frames[i].entry) * 0x100000001B3ull;
    return &t_memo[(h >> 32) % kMemoEntries];
}

static int memoHolds(const struct MemoEntry *e, uint32_t nativeTrace, const struct PyFrameRef *frames, int n)
{
    if (!e->trace || e->native != nativeTrace || e->depth != n)
        return 0;
    for (int i = 0; i < n; ++i) {
        const struct PyFrameRef *a = &e->frames[i];
        if (a->code != frames[i].code || a->unit != frames[i].unit || a->entry != frames[i].entry ||
            e->qualname[i] != FIELD(uintptr_t, frames[i].code, PWBA_PY_CODE_QUALNAME) ||
            e->lineTable[i] != FIELD(uintptr_t, frames[i].code, PWBA_PY_CODE_LINETABLE))
            return 0;
    }
    return 1;
}

uint32_t withPythonFrames(uint32_t nativeTrace)
{
    if (!g_python)
        return nativeTrace;
    struct PyFrameRef frames[kMaxPythonFrames];
    const int n = pythonFrames(frames, kMaxPythonFrames);
    if (n == 0)
        return nativeTrace;
    struct MemoEntry *memo = memoFor(nativeTrace, frames, n);
    if (memo && memoHolds(memo, nativeTrace, frames, n))
        return memo->trace;
    uint32_t trace = nativeTrace;
    lockTracker();
    for (int i = n - 1; i >= 0; --i) {
        const uint64_t ip = pythonFrameIpLocked(&frames[i]);
        if (!ip) {
            trace = nativeTrace; // out of memory: the native part alone
            memo = NULL;
            break;
        }
        trace = internTraceLocked(trace, ip);
    }
    unlockTracker();
    if (memo) {
        memo->native = nativeTrace;
        memo->depth = n;
        for (int i = 0; i < n; ++i) {
            memo->frames[i] = frames[i];
            memo->qualname[i] = FIELD(uintptr_t, frames[i].code, PWBA_PY_CODE_QUALNAME);
            memo->lineTable[i] = FIELD(uintptr_t, frames[i].code, PWBA_PY_CODE_LINETABLE);
        }
        memo->trace = trace;
    }
    return trace;
}
