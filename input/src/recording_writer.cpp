// Writes recording files (see recording.h). Whole recordings go through a temp
// file and a rename so a crash never leaves half a file under the real name;
// live recordings are flushed line by line.
#include <cerrno>
#include <charconv>
#include <cinttypes>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>

#include "highstep/input/recording.h"

namespace highstep {
namespace {

constexpr const char* kFormatLine = "# highstep recording v1";

std::string header_text(const std::vector<std::pair<std::string, std::string>>& metadata,
                        const std::vector<RecordingMarker>& markers, bool with_button) {
    std::ostringstream out;
    out << kFormatLine << '\n';
    for (const auto& [key, value] : metadata) {
        out << "# " << key << ": " << value << '\n';
    }
    char buf[64];
    for (const RecordingMarker& m : markers) {
        std::snprintf(buf, sizeof buf, "%.3f", m.t_s);
        out << "# marker: " << m.name << ' ' << buf << '\n';
    }
    out << "t_s,tl_kg,tr_kg,bl_kg,br_kg" << (with_button ? ",button" : "") << '\n';
    return out.str();
}

int sample_text(char* buf, std::size_t size, const BoardSample& s, bool with_button) {
    if (with_button) {
        return std::snprintf(buf, size, "%.4f,%.2f,%.2f,%.2f,%.2f,%d\n", s.t_s, s.tl, s.tr, s.bl, s.br,
                             s.button ? 1 : 0);
    }
    return std::snprintf(buf, size, "%.4f,%.2f,%.2f,%.2f,%.2f\n", s.t_s, s.tl, s.tr, s.bl, s.br);
}

}  // namespace

BoardSample as_recorded(const BoardSample& sample) {
    // Written as write_recording() writes it, read back as the reader parses it (the
    // nearest double to the decimal text, loads then narrowed to float).
    char buf[160];
    sample_text(buf, sizeof buf, sample, false);
    double v[5] = {0, 0, 0, 0, 0};
    const char* p = buf;
    const char* end = buf + std::strlen(buf);
    for (double& x : v) {
        const auto r = std::from_chars(p, end, x);
        p = r.ptr + 1;  // past the comma
    }
    BoardSample out = sample;
    out.t_s = v[0];
    out.tl = static_cast<float>(v[1]);
    out.tr = static_cast<float>(v[2]);
    out.bl = static_cast<float>(v[3]);
    out.br = static_cast<float>(v[4]);
    return out;
}

void write_recording(std::ostream& out, const Recording& recording) {
    out << header_text(recording.metadata, recording.markers, recording.has_button_column);
    char buf[160];
    for (const BoardSample& s : recording.samples) {
        const int n = sample_text(buf, sizeof buf, s, recording.has_button_column);
        out.write(buf, n);
    }
}

void write_recording(const std::filesystem::path& path, const Recording& recording) {
    std::filesystem::path tmp = path;
    tmp += ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw RecordingError(path.string(), 0, std::string("cannot write: ") + std::strerror(errno));
        write_recording(out, recording);
        out.flush();
        if (!out) throw RecordingError(path.string(), 0, "write failed (disk full?)");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw RecordingError(path.string(), 0, "cannot move the finished file into place");
    }
}

RecordingWriter::RecordingWriter(const std::filesystem::path& path,
                                 const std::vector<std::pair<std::string, std::string>>& metadata,
                                 bool with_button)
    : path_(path), metadata_(metadata), with_button_(with_button) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw RecordingError(path.string(), 0, std::string("cannot write: ") + std::strerror(errno));
}

RecordingWriter::~RecordingWriter() {
    try {
        close();
    } catch (...) {
        // Destructors must not throw; close() reported nothing we could act on here.
    }
}

void RecordingWriter::add_marker(const RecordingMarker& marker) {
    if (header_written_) throw RecordingError(path_.string(), 0, "markers must come before the first sample");
    markers_.push_back(marker);
}

void RecordingWriter::write_header_once() {
    if (header_written_) return;
    const std::string text = header_text(metadata_, markers_, with_button_);
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
        throw RecordingError(path_.string(), 0, "write failed (disk full?)");
    }
    header_written_ = true;
}

void RecordingWriter::write(const BoardSample& sample) {
    if (!file_) throw RecordingError(path_.string(), 0, "recording already closed");
    write_header_once();
    char buf[160];
    const int n = sample_text(buf, sizeof buf, sample, with_button_);
    if (std::fwrite(buf, 1, static_cast<std::size_t>(n), file_) != static_cast<std::size_t>(n) ||
        std::fflush(file_) != 0) {
        throw RecordingError(path_.string(), 0, "write failed (disk full?)");
    }
    ++count_;
}

void RecordingWriter::close() {
    if (!file_) return;
    bool ok = true;
    try {
        write_header_once();  // an empty recording is still a valid file
    } catch (const RecordingError&) {
        ok = false;  // still close the file; report below
    }
    std::FILE* f = file_;
    file_ = nullptr;
    ok = std::fclose(f) == 0 && ok;
    if (!ok) throw RecordingError(path_.string(), 0, "closing the recording failed (disk full?)");
}

}  // namespace highstep
