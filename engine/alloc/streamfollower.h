// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "allocstreamreader.h"
#include "core/result.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace perfwb::alloc {

// Reads an allocation stream while its target writes it, on a thread of its own (the
// other core, while the target allocates on one), so that when the target ends only
// the tracker's last buffer is left to read. The file may not exist yet when it starts:
// the tracker creates it when the target's first allocation comes.
class StreamFollower {
public:
    explicit StreamFollower(std::string path);
    ~StreamFollower(); // stops the thread
    StreamFollower(const StreamFollower &) = delete;
    StreamFollower &operator=(const StreamFollower &) = delete;

    // Stops following and reads what the file holds now (its writer has ended): then the
    // reader has had the whole stream, up to its last whole record. An error when the
    // stream is malformed ("PATH: …"), also when the thread found it so.
    Status drain();
    AllocStreamReader &reader() { return reader_; }
    // What the stream named since the last call (AllocStreamReader::takeSymbolWork); from
    // any thread.
    void takeSymbolWork(AllocStreamReader::SymbolWork &out);

private:
    // Reads the next piece the file has and replays it; false at the file's end for now.
    bool readMore();
    void punchReplayed(off_t replayed);
    void run();

    std::string path_;
    AllocStreamReader reader_;
    int fd_ = -1;
    off_t readBytes_ = 0; // of the file, so far
    off_t punched_ = 0;   // bytes from the start given back (punchReplayed)
    bool punchFailed_ = false;
    std::vector<char> chunk_;
    std::string pending_; // a record cut at the end of what was read
    std::string error_;
    std::atomic<bool> stop_{false};
    std::mutex lock_;
    std::mutex workLock_;
    std::atomic<bool> symbolWorkWanted_{false};
    AllocStreamReader::SymbolWork work_; // guarded by workLock_
    std::condition_variable wake_;
    std::thread thread_;
};

} // namespace perfwb::alloc
