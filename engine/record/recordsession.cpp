// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordsession.h"

#include "perfrecorder.h"

namespace perfwb::record {

Result<std::unique_ptr<RecordSession>> RecordSession::start(const RecordOptions &options)
{
    return PerfRecorder::start(options);
}

} // namespace perfwb::record
