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
 * ptrDelta is the zigzag-encoded difference to the previous ptr of the stream.
 * A trace node is the return address `ip` called from the stack `parent` (root first),
 * so every ip is a return address. A stream cut short (killed target) is valid up to
 * its last whole record. */
#ifndef PERFWB_ALLOCSTREAM_H
#define PERFWB_ALLOCSTREAM_H

#include <stdint.h>

#define PWBA_MAGIC "PWBALLOC"
#define PWBA_MAGIC_LEN 8
#define PWBA_VERSION 1

enum {
    PWBA_ALLOC = 1,
    PWBA_FREE = 2,
    PWBA_TRACE = 3,
    PWBA_MAPPING = 4,
    PWBA_TIME = 5,
    PWBA_THREAD = 6,
    PWBA_END = 7,
    PWBA_CRASH = 8
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
