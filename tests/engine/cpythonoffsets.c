// SPDX-License-Identifier: GPL-3.0-or-later
// The offsets perfwb's CPython layout table claims, as the interpreter's own headers give
// them: compiled once per installed CPython (tests/engine/CMakeLists.txt) into a table
// named after its version, which tst_pythonstacks compares with cpythonLayout().
#define Py_BUILD_CORE 1
#include <Python.h> // first: the internal headers build on it

#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_runtime.h>

#include <stddef.h>
#include <stdint.h>

#define PERFWB_CAT(a, b) a##b
#define PERFWB_NAME(minor) PERFWB_CAT(perfwb_cpython_offsets_3_, minor)

// The state bits of a compact, non-ASCII, 2-byte string, as the compiler lays them out.
static uint32_t stateImage(void)
{
    PyASCIIObject o;
    memset(&o, 0, sizeof o);
    o.state.kind = PyUnicode_2BYTE_KIND;
    o.state.compact = 1;
    o.state.ascii = 0;
    uint32_t image = 0;
    memcpy(&image, &o.state, sizeof image);
    return image;
}

// The order of tst_pythonstacks.cpp's kOffsetNames.
void PERFWB_NAME(PERFWB_PY_MINOR)(uint32_t *out)
{
    const uint32_t values[] = {
        PY_MINOR_VERSION,
        offsetof(_PyRuntimeState, interpreters.head),
        offsetof(PyInterpreterState, next),
        offsetof(PyInterpreterState, threads.head),
        offsetof(PyThreadState, next),
        offsetof(PyThreadState, cframe),
        offsetof(PyThreadState, native_thread_id),
        offsetof(_PyCFrame, current_frame),
        offsetof(_PyInterpreterFrame, f_code),
        offsetof(_PyInterpreterFrame, previous),
        offsetof(_PyInterpreterFrame, prev_instr),
        offsetof(_PyInterpreterFrame, owner),
#if PY_MINOR_VERSION == 11
        offsetof(_PyInterpreterFrame, is_entry),
        0xff,
#else
        0,
        FRAME_OWNED_BY_CSTACK,
#endif
        offsetof(PyCodeObject, co_firstlineno),
        offsetof(PyCodeObject, co_filename),
        offsetof(PyCodeObject, co_qualname),
        offsetof(PyCodeObject, co_linetable),
        offsetof(PyCodeObject, co_code_adaptive),
        offsetof(PyBytesObject, ob_base.ob_size),
        offsetof(PyBytesObject, ob_sval),
        offsetof(PyASCIIObject, length),
        offsetof(PyASCIIObject, state),
        sizeof(PyASCIIObject),
        sizeof(PyCompactUnicodeObject),
        stateImage(),
        sizeof(_PyInterpreterFrame),
    };
    memcpy(out, values, sizeof values);
}
