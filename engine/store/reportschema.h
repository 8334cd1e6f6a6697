// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <string_view>

struct sqlite3;

namespace perfwb::store {

// The layout of a .perfwb report, shared by ReportWriter and ReportReader, and
// described for users in docs/formats.md ("The .perfwb report file").
//
// Versioning rule: any change to tables, columns or their meaning raises kVersion.
// A reader reads every version up to its own and refuses newer files, so an old
// perfwb never misreads a new report.
class ReportSchema {
public:
    static constexpr std::string_view kFormat = "perfwb-report";
    // The newest version this perfwb reads. A report is written as the lowest version that
    // describes it, so older perfwb keep reading what they can read correctly:
    //   1: the tables below, with a `samples` table of one row per sample;
    //   2: a profile of several events adds `events` and `sample_events` (EventStore);
    //   3: `sample_blocks` (SampleBlock) in place of `samples`, so every report is at least 3.
    static constexpr int kVersion = 3;
    static constexpr int kBaseVersion = 3;
    // Reports up to this version keep their samples in `samples`, a row each.
    static constexpr int kLastRowSamplesVersion = 2;
    static constexpr std::string_view kExtension = ".perfwb";
    // Large pages keep the B-trees shallow for bulk appends of samples.
    static constexpr int kPageSize = 16384;

    // Keys of the `meta` table.
    static constexpr const char *kMetaFormat = "format";
    static constexpr const char *kMetaSchemaVersion = "schema_version";
    static constexpr const char *kMetaCreatedBy = "created_by";

    // Keys of the `run` table (scalar fields of RunMetadata).
    static constexpr const char *kRunWorkingDir = "working_dir";
    static constexpr const char *kRunHost = "host";
    static constexpr const char *kRunStartTime = "start_time_unix_ns";
    static constexpr const char *kRunDuration = "duration_ns";
    static constexpr const char *kRunExited = "exited";
    static constexpr const char *kRunExitCode = "exit_code";
    static constexpr const char *kRunExitSignal = "exit_signal";
    static constexpr const char *kRunSamplerEvent = "sampler_event";
    static constexpr const char *kRunSamplerFrequency = "sampler_frequency_hz";
    static constexpr const char *kRunSamplerCallGraph = "sampler_call_graph";
    static constexpr const char *kRunLabel = "run_label";
    static constexpr const char *kRunLostSamples = "lost_samples";
    static constexpr const char *kRunSourceFormat = "source_format";
    static constexpr const char *kRunWeightUnit = "weight_unit";
    // The report's own totals, written in the same transaction as the samples they count:
    // a reader that finds fewer knows the file was cut or damaged (absent in older reports).
    static constexpr const char *kRunSampleCount = "sample_count";
    static constexpr const char *kRunTotalWeight = "total_weight";

    // Sets the page size, creates every table and writes the meta rows, in one
    // transaction. `db` must be a new, empty database. Returns an SQLite result code.
    static int create(sqlite3 *db);
    // "perfwb <version>" of the running program, or "perfwb" when it set no version.
    static std::string createdBy();
};

} // namespace perfwb::store
