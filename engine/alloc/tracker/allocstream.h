// SPDX-License-Identifier: GPL-3.0-or-later
/* The allocation stream written by libperfwb_alloctrack.so and read by
 * perfwb::alloc::AllocStreamReader. C and C++ include it.
 *
 * The stream starts with PWBA_MAGIC, then varint version, varint pid. Then records,
 * each a tag byte followed by unsigned LEB128 varints:
 *   PWBA_ALLOC   size, trace, ptrDelta   a block of `size` bytes allocated at ptr
 *   PWBA_FREE    ptrDelta                the block at ptr freed
 *   PWBA_TRACE   parent, ip              the next trace node (ids count from 1; 0 = root)
 *   PWBA_MAPPING start, length, pgoff, pathLength, path bytes   executable mapping
 *   PWBA_TIME    ns                      CLOCK_MONOTONIC time of the records that follow
 *   PWBA_THREAD  tid                     thread of the records that follow
 *   PWBA_END     ns                      the process finished cleanly
 *   PWBA_CRASH   signal                  the process died of `signal`; all before it was written
 *   PWBA_EXEC    pathLength, path bytes  the process is about to exec `path` (the tracker
 *                                       does not follow it: the stream ends here if it works)
 *   PWBA_PYCODE  id, firstLine, name, file, lineTable   a CPython code object (ids from 1):
 *                name (co_qualname) and file (co_filename) each as state, length,
 *                byteCount, bytes (the str's state word, length and code units:
 *                symbolize/pythontext.h), lineTable (co_linetable) as byteCount, bytes
 * ptrDelta is the zigzag-encoded difference to the previous ptr of the stream.
 * A trace node is the return address `ip` called from the stack `parent` (root first),
 * so every ip is a return address, except a Python frame: `ip` with PWBA_PY_FRAME set,
 * PWBA_PY_ENTRY for the outermost frame of an interpreter call, the code id from bit 24
 * and the code unit it runs plus one in bits 0-23 (0: none yet). The Python frames of a
 * stack follow its native frames, outermost first. A stream cut short (killed target)
 * is valid up to its last whole record. */
#ifndef PERFWB_ALLOCSTREAM_H
#define PERFWB_ALLOCSTREAM_H

#include <stdint.h>

#define PWBA_MAGIC "PWBALLOC"
#define PWBA_MAGIC_LEN 8
#define PWBA_VERSION 2

enum {
    PWBA_ALLOC = 1,
    PWBA_FREE = 2,
    PWBA_TRACE = 3,
    PWBA_MAPPING = 4,
    PWBA_TIME = 5,
    PWBA_THREAD = 6,
    PWBA_END = 7,
    PWBA_CRASH = 8,
    PWBA_PYCODE = 9,
    PWBA_EXEC = 10
};

#define PWBA_PY_FRAME (1ull << 63)
#define PWBA_PY_ENTRY (1ull << 62)
#define PWBA_PY_CODE_SHIFT 24
#define PWBA_PY_UNIT_MASK 0xffffffull

/* PERFWB_ALLOC_PYTHON tells the tracker where CPython keeps a thread's frames, one
 * layout per minor version, from perfwb's table (symbolize/cpythonlayout.h):
 * "MINOR:v,v,...;MINOR:..." with the values in the order of PWBA_PY_* below. */
enum {
    PWBA_PY_THREAD_CFRAME,
    PWBA_PY_CFRAME_CURRENT,
    PWBA_PY_FRAME_CODE,
    PWBA_PY_FRAME_PREVIOUS,
    PWBA_PY_FRAME_PREV_INSTR,
    PWBA_PY_FRAME_OWNER,
    PWBA_PY_FRAME_IS_ENTRY,
    PWBA_PY_OWNED_BY_CSTACK,
    PWBA_PY_CODE_FIRST_LINE,
    PWBA_PY_CODE_FILENAME,
    PWBA_PY_CODE_QUALNAME,
    PWBA_PY_CODE_LINETABLE,
    PWBA_PY_CODE_INSTRUCTIONS,
    PWBA_PY_BYTES_SIZE,
    PWBA_PY_BYTES_DATA,
    PWBA_PY_UNICODE_LENGTH,
    PWBA_PY_UNICODE_STATE,
    PWBA_PY_ASCII_HEADER,
    PWBA_PY_COMPACT_HEADER,
    PWBA_PY_LAYOUT_SIZE
};

/* PERFWB_ALLOC_COUNTS names a file of PWBA_COUNTS_SIZE zero bytes that the tracker maps
 * shared. Its counts outlive the target however it ends (SIGKILL included), so perfwb can
 * tell how many events never reached the stream: recorded minus the ALLOC and FREE
 * records read is what a lost buffer held; missed counts the calls made after a failed
 * write stopped the stream. Written by one process only (a forked child unmaps it). */
#define PWBA_COUNTS_MAGIC "PWBACNT1"
#define PWBA_COUNTS_SIZE 4096

struct pwba_counts {
    char magic[8];
    uint64_t recorded; /* ALLOC and FREE records put into the buffer (under the lock) */
    uint64_t missed;   /* malloc-family calls after a failed write (atomic adds) */
};

#endif
