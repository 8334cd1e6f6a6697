// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"
#include "model/profile.h"

#include <memory>
#include <string>

struct sqlite3;

namespace perfwb::store {

// Writes a .perfwb report (one SQLite file) incrementally: each flush() writes,
// in one transaction, everything added to the profile since the previous flush.
// Recording calls flush() every batch, so a report stays readable up to the last
// batch if the target or perfwb is killed.
class ReportWriter {
public:
    ~ReportWriter();
    ReportWriter(const ReportWriter &) = delete;
    ReportWriter &operator=(const ReportWriter &) = delete;

    // Creates (or replaces) the report at `path` with an empty schema.
    static Result<std::unique_ptr<ReportWriter>> create(const std::string &path);
    Status flush(const model::Profile &profile);
    // Empties `samples` (the profile's table) once everything in it is written, so a long
    // recording keeps only its latest batch in memory; later flushes write what is added
    // after. Does nothing, and says false, while some samples are still unwritten.
    bool dropWrittenSamples(model::SampleTable &samples);
    // Last flush, then closes the file; the writer cannot be used afterwards.
    Status finish(const model::Profile &profile);
    // Closes and removes the report: a recording that could not start leaves no file.
    void discard();

    // A whole profile in one go, through a temporary file renamed into place, so a
    // failed save never leaves a partial report behind.
    static Status save(const std::string &path, const model::Profile &profile);

private:
    explicit ReportWriter(std::string path);
    // The bytes of a report with the schema and no data.
    static Result<std::string> emptyReport();
    Status open(const std::string &file, bool bulk, bool createSchema);
    Status close();
    Status sqliteError(const char *what) const;
    bool writeNewData(const model::Profile &profile);
    bool writeSmallTables(const model::Profile &profile);
    bool writeTimelinesAndMarks(const model::Profile &profile);
    bool writeRunMetadata(const model::RunMetadata &meta);
    bool writeTotals(std::size_t samples, std::uint64_t weight);

    struct State;
    std::string path_;
    sqlite3 *db_ = nullptr;
    std::unique_ptr<State> state_;
};

} // namespace perfwb::store
