#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "highstep/input/recording.h"

namespace fs = std::filesystem;
using highstep::read_recording;
using highstep::RecordingError;

namespace {

highstep::Recording parse(const std::string& text) {
    std::istringstream in(text);
    return read_recording(in, "test.csv");
}

// Returns the error message of parsing `text`, or "" if it parsed.
std::string error_of(const std::string& text, const highstep::RecordingReadLimits& limits = {}) {
    std::istringstream in(text);
    try {
        read_recording(in, "test.csv", limits);
    } catch (const RecordingError& e) {
        return e.what();
    }
    return "";
}

class TempDir {
public:
    TempDir() {
        path_ = fs::temp_directory_path() / ("highstep-input-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(path_);
    }
    ~TempDir() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }
private:
    fs::path path_;
};

}  // namespace

TEST(RecordingReader, ReadsMetadataMarkersAndSamples) {
    const auto rec = parse(
        "# highstep recording v1\n"
        "# board: wii-balance-board\n"
        "# marker: ss_start 22.250\n"
        "# marker: eyes closed 40.5\n"
        "t_s,tl_kg,tr_kg,bl_kg,br_kg\n"
        "0.0000,1.00,2.00,3.00,4.00\n"
        "0.0100,5.5,6.25,7,8\n");
    EXPECT_EQ(rec.meta("board"), "wii-balance-board");
    ASSERT_EQ(rec.markers.size(), 2u);
    EXPECT_EQ(rec.markers[1].name, "eyes closed");
    EXPECT_DOUBLE_EQ(rec.marker_t_s("ss_start"), 22.25);
    ASSERT_EQ(rec.samples.size(), 2u);
    EXPECT_FLOAT_EQ(rec.samples[0].tl, 1.0f);
    EXPECT_FLOAT_EQ(rec.samples[0].br, 4.0f);
    EXPECT_FLOAT_EQ(rec.samples[1].tr, 6.25f);
    EXPECT_DOUBLE_EQ(rec.samples[1].t_s, 0.01);
    EXPECT_FALSE(rec.has_button_column);
}

TEST(RecordingReader, ColumnsInAnyOrderExtraColumnsIgnoredButtonRead) {
    const auto rec = parse(
        "br_kg,button,note,bl_kg,t_s,tr_kg,tl_kg\r\n"
        "4,1,x,3,0.5,2,1\r\n");
    ASSERT_EQ(rec.samples.size(), 1u);
    const auto& s = rec.samples[0];
    EXPECT_DOUBLE_EQ(s.t_s, 0.5);
    EXPECT_FLOAT_EQ(s.tl, 1.0f);
    EXPECT_FLOAT_EQ(s.tr, 2.0f);
    EXPECT_FLOAT_EQ(s.bl, 3.0f);
    EXPECT_FLOAT_EQ(s.br, 4.0f);
    EXPECT_TRUE(s.button);
    EXPECT_TRUE(rec.has_button_column);
}

TEST(RecordingReader, MissingColumnNamesTheColumnAndLine) {
    const auto err = error_of("# a: b\nt_s,tl_kg,tr_kg,bl_kg\n0,1,2,3\n");
    EXPECT_NE(err.find("test.csv:2:"), std::string::npos) << err;
    EXPECT_NE(err.find("br_kg"), std::string::npos) << err;
}

TEST(RecordingReader, NonNumberNamesLineAndField) {
    const auto err = error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg\n0,1,2,3,4\n0.1,1,abc,3,4\n");
    EXPECT_NE(err.find("test.csv:3:"), std::string::npos) << err;
    EXPECT_NE(err.find("tr_kg"), std::string::npos) << err;
    EXPECT_NE(err.find("abc"), std::string::npos) << err;
}

TEST(RecordingReader, RejectsNanInfinityAndHugeLoads) {
    EXPECT_NE(error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg\n0,nan,2,3,4\n").find(":2:"), std::string::npos);
    EXPECT_NE(error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg\n0,1,inf,3,4\n").find(":2:"), std::string::npos);
    EXPECT_NE(error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg\n0,1,2,3,1e300\n").find("plausible"), std::string::npos);
}

TEST(RecordingReader, TimeGoingBackwardsIsAnError) {
    const auto err = error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg\n1.0,1,2,3,4\n1.0,1,2,3,4\n0.9,1,2,3,4\n");
    EXPECT_NE(err.find("test.csv:4:"), std::string::npos) << err;
    EXPECT_NE(err.find("backwards"), std::string::npos) << err;
}

TEST(RecordingReader, WrongFieldCountIsAnError) {
    EXPECT_NE(error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg\n0,1,2,3\n").find(":2:"), std::string::npos);
    EXPECT_NE(error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg\n0,1,2,3,4,5\n").find(":2:"), std::string::npos);
}

TEST(RecordingReader, EmptyAndHeaderlessFiles) {
    EXPECT_NE(error_of("").find("empty"), std::string::npos);
    EXPECT_NE(error_of("# only: metadata\n").find("header"), std::string::npos);
    // A header and no samples is a valid, empty recording.
    EXPECT_TRUE(parse("t_s,tl_kg,tr_kg,bl_kg,br_kg\n").samples.empty());
}

TEST(RecordingReader, BinaryJunkIsRejectedWithALine) {
    std::string junk = "t_s,tl_kg,tr_kg,bl_kg,br_kg\n0,1,2,3,4\n";
    for (int i = 0; i < 300; ++i) junk.push_back(static_cast<char>((i * 37) & 0xff));
    const auto err = error_of(junk);
    EXPECT_NE(err.find("test.csv:3:"), std::string::npos) << err;
}

TEST(RecordingReader, APngIsBinaryNotARecordingWithoutAColumn) {
    // A PNG's signature and the start of its header chunk: the first line is
    // 0x89 "PNG" CR, printable but for a byte that is not UTF-8.
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\rIHDR", 8);
    const auto err = error_of(png);
    EXPECT_NE(err.find("test.csv:1: binary data, not a recording"), std::string::npos) << err;
    EXPECT_EQ(err.find("header row"), std::string::npos) << err;
}

TEST(RecordingReader, UnicodeInMetadataIsText) {
    const auto rec = parse("# player: Zoë 日本 🙂\nt_s,tl_kg,tr_kg,bl_kg,br_kg\n0,1,2,3,4\n");
    EXPECT_EQ(rec.samples.size(), 1u);
    // A lone continuation byte or a cut-off sequence is not.
    EXPECT_NE(error_of("# player: \x80\nt_s,tl_kg,tr_kg,bl_kg,br_kg\n").find("binary"), std::string::npos);
    EXPECT_NE(error_of("# player: \xe6\x97\nt_s,tl_kg,tr_kg,bl_kg,br_kg\n").find("binary"), std::string::npos);
}

TEST(RecordingReader, OverlongLineIsRejected) {
    const auto err = error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg\n" + std::string(10000, '1') + "\n");
    EXPECT_NE(err.find("test.csv:2:"), std::string::npos) << err;
    EXPECT_NE(err.find("longer"), std::string::npos) << err;
}

TEST(RecordingReader, StreamLargerThanTheLimitIsRejected) {
    highstep::RecordingReadLimits limits;
    limits.max_file_bytes = 100;
    std::string text = "t_s,tl_kg,tr_kg,bl_kg,br_kg\n";
    for (int i = 0; i < 20; ++i) text += std::to_string(i) + ",1,2,3,4\n";
    EXPECT_NE(error_of(text, limits).find("larger"), std::string::npos);
}

TEST(RecordingReader, BadMarkerIsAnError) {
    EXPECT_NE(error_of("# marker: start\nt_s,tl_kg,tr_kg,bl_kg,br_kg\n").find("test.csv:1:"), std::string::npos);
}

TEST(RecordingReader, DuplicatedColumnIsAnError) {
    EXPECT_NE(error_of("t_s,tl_kg,tr_kg,bl_kg,br_kg,tl_kg\n").find("twice"), std::string::npos);
}

TEST(RecordingReaderFile, MissingFileAndDirectoryNameThePath) {
    TempDir dir;
    try {
        read_recording(dir.path() / "nope.csv");
        FAIL() << "expected an error";
    } catch (const RecordingError& e) {
        EXPECT_NE(std::string(e.what()).find("nope.csv"), std::string::npos);
    }
    EXPECT_THROW(read_recording(dir.path()), RecordingError);
}

TEST(RecordingReaderFile, TwoGigabyteFileIsRefusedWithoutReadingIt) {
    TempDir dir;
    const fs::path big = dir.path() / "big.csv";
    { std::ofstream(big) << "t_s,tl_kg,tr_kg,bl_kg,br_kg\n"; }
    fs::resize_file(big, 2ull * 1024 * 1024 * 1024);  // sparse: costs no disk
    try {
        read_recording(big);
        FAIL() << "expected an error";
    } catch (const RecordingError& e) {
        EXPECT_EQ(e.path(), big.string());
        EXPECT_NE(std::string(e.what()).find("larger"), std::string::npos) << e.what();
    }
}

TEST(RecordingReaderFile, ReadsEveryRealRecording) {
    const fs::path dir = HIGHSTEP_REAL_DATA_DIR;
    if (!fs::is_directory(dir)) GTEST_SKIP() << "real recordings not found at " << dir;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".csv") continue;
        ++files;
        const auto rec = read_recording(entry.path());
        EXPECT_GT(rec.samples.size(), 500u) << entry.path();
        EXPECT_EQ(rec.meta("board"), "wii-balance-board") << entry.path();
        if (entry.path().filename().string().find("_wii_") != std::string::npos) {
            EXPECT_FALSE(rec.markers.empty()) << entry.path();  // the protocol's ss_/start markers
        }
        for (std::size_t i = 1; i < rec.samples.size(); ++i) {
            ASSERT_GE(rec.samples[i].t_s, rec.samples[i - 1].t_s) << entry.path();
        }
    }
    EXPECT_EQ(files, 16);
}
