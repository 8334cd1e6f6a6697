// SPDX-License-Identifier: GPL-3.0-or-later
// The exec family: before the process image is replaced (which runs no destructor), the
// tracker writes what it buffered and names the program (PWBA_EXEC), so perfwb can say
// which program went untracked, e.g. the interpreter a pyenv shim script execs, instead
// of an empty stream. glibc's execl* and execvp reach execve internally, out of reach of
// interposition: those are wrapped here too.
#define _GNU_SOURCE
#include "trackerinternal.h"

#include <dlfcn.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

typedef int (*ExecFn)(const char *, char *const[], char *const[]);
typedef int (*ExecvFn)(const char *, char *const[]);

EXPORT int execve(const char *path, char *const argv[], char *const envp[])
{
    static ExecFn real;
    if (!real)
        real = (ExecFn)dlsym(RTLD_NEXT, "execve");
    noteExec(path);
    return real(path, argv, envp);
}

EXPORT int execvpe(const char *file, char *const argv[], char *const envp[])
{
    static ExecFn real;
    if (!real)
        real = (ExecFn)dlsym(RTLD_NEXT, "execvpe");
    noteExec(file);
    return real(file, argv, envp);
}

EXPORT int execv(const char *path, char *const argv[])
{
    static ExecvFn real;
    if (!real)
        real = (ExecvFn)dlsym(RTLD_NEXT, "execv");
    noteExec(path);
    return real(path, argv);
}

EXPORT int execvp(const char *file, char *const argv[])
{
    static ExecvFn real;
    if (!real)
        real = (ExecvFn)dlsym(RTLD_NEXT, "execvp");
    noteExec(file);
    return real(file, argv);
}
