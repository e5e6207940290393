#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "highstep/input/recording.h"

namespace fs = std::filesystem;

namespace {

highstep::Recording sample_recording() {
    highstep::Recording rec;
    rec.metadata = {{"board", "simulated"}, {"player", "Ana"}};
    rec.markers = {{"start", 1.5}};
    rec.has_button_column = true;
    for (int i = 0; i < 50; ++i) {
        const float f = static_cast<float>(i);
        rec.samples.push_back({i * 0.0125, 10.0f + f, 11.5f, 12.25f, 0.01f * f, i % 7 == 0});
    }
    return rec;
}

fs::path temp_file(const std::string& name) {
    return fs::temp_directory_path() / ("highstep-writer-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST(RecordingWriter, RoundTripsThroughTheReader) {
    const auto original = sample_recording();
    std::stringstream buffer;
    highstep::write_recording(buffer, original);
    EXPECT_EQ(buffer.str().rfind("# highstep recording v1\n", 0), 0u);
    const auto back = highstep::read_recording(buffer, "mem");
    EXPECT_EQ(back.meta("player"), "Ana");
    ASSERT_EQ(back.markers.size(), 1u);
    EXPECT_DOUBLE_EQ(back.markers[0].t_s, 1.5);
    ASSERT_EQ(back.samples.size(), original.samples.size());
    for (std::size_t i = 0; i < back.samples.size(); ++i) {
        EXPECT_NEAR(back.samples[i].t_s, original.samples[i].t_s, 1e-4);
        EXPECT_NEAR(back.samples[i].tl, original.samples[i].tl, 0.005);
        EXPECT_NEAR(back.samples[i].br, original.samples[i].br, 0.005);
        EXPECT_EQ(back.samples[i].button, original.samples[i].button);
    }
}

TEST(RecordingWriter, FileWriteLeavesNoPartFile) {
    const fs::path path = temp_file("whole.csv");
    highstep::write_recording(path, sample_recording());
    EXPECT_TRUE(fs::exists(path));
    EXPECT_FALSE(fs::exists(fs::path(path.string() + ".part")));
    EXPECT_EQ(highstep::read_recording(path).samples.size(), 50u);
    fs::remove(path);
}

TEST(RecordingWriter, UnwritablePathNamesThePath) {
    const fs::path path = "/nonexistent-dir/out.csv";
    try {
        highstep::write_recording(path, sample_recording());
        FAIL();
    } catch (const highstep::RecordingError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/out.csv"), std::string::npos);
    }
    EXPECT_THROW(highstep::RecordingWriter(path, {}), highstep::RecordingError);
}

TEST(RecordingWriter, StreamingWriterIsReadableWhileOpenAndAfterClose) {
    const fs::path path = temp_file("live.csv");
    {
        highstep::RecordingWriter writer(path, {{"board", "fake"}});
        writer.add_marker({"go", 0.0});
        writer.write({0.0, 1, 2, 3, 4, false});
        writer.write({0.01, 1, 2, 3, 4, true});
        // Flushed per line: a reader (or a crash) sees both samples already.
        EXPECT_EQ(highstep::read_recording(path).samples.size(), 2u);
        EXPECT_THROW(writer.add_marker({"late", 1.0}), highstep::RecordingError);
        EXPECT_EQ(writer.samples_written(), 2u);
    }
    const auto rec = highstep::read_recording(path);
    EXPECT_EQ(rec.meta("board"), "fake");
    EXPECT_TRUE(rec.samples[1].button);
    fs::remove(path);
}

TEST(RecordingWriter, EmptyStreamingRecordingStillHasAHeader) {
    const fs::path path = temp_file("empty.csv");
    { highstep::RecordingWriter writer(path, {}); }
    EXPECT_TRUE(highstep::read_recording(path).samples.empty());
    fs::remove(path);
}
