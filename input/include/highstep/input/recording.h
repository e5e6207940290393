#pragma once
// Recording files (*.csv) as ../shared/DESIGN.md defines them:
//   '# key: value' metadata lines first (e.g. '# board: wii-balance-board',
//   '# marker: NAME SECONDS'), then a header row naming the columns (at least
//   t_s,tl_kg,tr_kg,bl_kg,br_kg in any order, optionally button), then one
//   sample a line. Loads are kg, time in seconds never goes backwards.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "highstep/input/board_sample.h"

namespace highstep {

// A problem in a recording file. what() reads "PATH:LINE: message".
class RecordingError : public std::runtime_error {
public:
    RecordingError(std::string path, std::int64_t line, const std::string& message);
    const std::string& path() const { return path_; }
    std::int64_t line() const { return line_; }  // 1-based; 0 when the whole file is at fault
private:
    std::string path_;
    std::int64_t line_;
};

struct RecordingMarker {
    std::string name;
    double t_s = 0.0;
};

struct Recording {
    // Metadata in file order, markers excluded; a key may repeat.
    std::vector<std::pair<std::string, std::string>> metadata;
    std::vector<RecordingMarker> markers;
    std::vector<BoardSample> samples;
    bool has_button_column = false;

    // First value of a metadata key, or "" if absent.
    std::string meta(const std::string& key) const;
    // Time of a named marker; throws std::out_of_range if there is none.
    double marker_t_s(const std::string& name) const;
};

struct RecordingReadLimits {
    std::uintmax_t max_file_bytes = 512ull * 1024 * 1024;  // refuse larger files up front
    std::size_t max_line_chars = 4096;                      // a longer line is not a recording
};

// Reads a whole recording. Throws RecordingError naming the file and line on any
// problem: missing file, empty file, binary data, missing or duplicated column,
// a field that is not a number, time going backwards, too large a file.
Recording read_recording(const std::filesystem::path& path, const RecordingReadLimits& limits = {});
// Same, from a stream; `name` is used in error messages in place of a path.
Recording read_recording(std::istream& in, const std::string& name, const RecordingReadLimits& limits = {});

// The sample exactly as a recording file holds it (time to 0.1 ms, loads to 10 g): what
// replaying the recording gives back. A live session fed this plays as its replay will.
BoardSample as_recorded(const BoardSample& sample);

// Writes a recording with the '# highstep recording v1' format line first.
// Loads are written with 10 g resolution, time with 0.1 ms.
void write_recording(std::ostream& out, const Recording& recording);
// Writes to a file atomically (temp file + rename). Throws RecordingError on failure.
void write_recording(const std::filesystem::path& path, const Recording& recording);

// Streaming writer for live recording: header on construction, a line per sample,
// flushed so that a crash loses at most the last few lines.
class RecordingWriter {
public:
    RecordingWriter(const std::filesystem::path& path,
                    const std::vector<std::pair<std::string, std::string>>& metadata,
                    bool with_button = true);
    ~RecordingWriter();
    RecordingWriter(const RecordingWriter&) = delete;
    RecordingWriter& operator=(const RecordingWriter&) = delete;
    void add_marker(const RecordingMarker& marker);  // only before the first sample
    void write(const BoardSample& sample);
    void close();
    std::size_t samples_written() const { return count_; }
private:
    void write_header_once();
    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    std::vector<std::pair<std::string, std::string>> metadata_;
    std::vector<RecordingMarker> markers_;
    bool with_button_;
    bool header_written_ = false;
    std::size_t count_ = 0;
};

}  // namespace highstep
