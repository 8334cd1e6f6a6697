#!/usr/bin/env python3
# Expected shape (record --alloc): keep() makes COUNT bytearrays of 1000 bytes and keeps
# them to the end: COUNT buffers of 1001 bytes leaked, allocated at line 16. churn()
# makes COUNT bytearrays of 1000 bytes and drops each at once: as many temporary
# buffers (each freed before the next allocation), none leaked, at line 21. The program
# ends with os._exit, so the interpreter's shutdown frees nothing.
# Usage: pyalloc.py [COUNT]   (default 20000)
import os
import sys

kept = []


def keep(count):
    for _ in range(count):
        kept.append(bytearray(1000))


def churn(count):
    for _ in range(count):
        bytearray(1000)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    keep(count)
    churn(count)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
