// Home-built HID boards: the mapping file, its errors, decoding, and a live board.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fake_boards.h"
#include "highstep/hid/board.h"
#include "highstep/hid/generic_board.h"

#include "../fuzz/fuzz_regressions.h"

namespace highstep::hid {
namespace {

using namespace test;

const char* kMap = R"({
  "format": "highstep-board-map",
  "version": 1,
  "name": "Test board",
  "vendor_id": "0x1209",
  "product_id": 1,
  "report_id": 2,
  "cells": {
    "tl": {"offset": 0, "size": 4, "byte_order": "little", "signed": true, "zero": 1000, "counts_per_kg": 100},
    "tr": {"offset": 4, "size": 3, "byte_order": "big", "signed": true, "zero": 0, "counts_per_kg": 10},
    "bl": {"offset": 7, "size": 2, "byte_order": "little", "signed": false, "zero": 0, "counts_per_kg": 1},
    "br": {"offset": 9, "size": 1, "byte_order": "big", "signed": false, "zero": 10, "counts_per_kg": -2}
  },
  "button": {"offset": 10, "mask": 4}
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

// Parses `text` and returns the error message, or "" if it parsed.
std::string error_of(const std::string& text) {
    try {
        (void)parse_board_map(text, "boards/test.json");
    } catch (const BoardMapError& e) {
        return e.what();
    }
    return "";
}

TEST(GenericBoardMap, ParsesAllFields) {
    const GenericBoardMap m = parse_board_map(kMap, "boards/test.json");
    EXPECT_EQ(m.name, "Test board");
    EXPECT_EQ(m.vendor_id, 0x1209);
    EXPECT_EQ(m.product_id, 1);
    EXPECT_EQ(m.report_id, 2);
    EXPECT_EQ(m.cells[1].size, 3);
    EXPECT_EQ(m.cells[1].order, ByteOrder::big);
    EXPECT_FALSE(m.cells[2].is_signed);
    EXPECT_DOUBLE_EQ(m.cells[3].counts_per_kg, -2.0);
    ASSERT_TRUE(m.button.has_value());
    EXPECT_EQ(m.button->mask, 4);
    EXPECT_EQ(m.min_report_bytes(), 12u);  // id + 11 payload bytes
}

TEST(GenericBoardMap, DecodesEveryFieldKind) {
    const GenericBoardMap m = parse_board_map(kMap, "boards/test.json");
    // tl: int32 LE 3000 → (3000 − 1000) / 100 = 20 kg
    // tr: int24 BE −50 (0xFFFFCE) → −5 kg (below its zero: a drifted zero, kept for the
    // tare, not clamped); second report 0x0001F4 = 500 → 50 kg
    // bl: uint16 LE 0x0102 = 258 → 258 kg
    // br: uint8 4 → (4 − 10) / −2 = 3 kg
    std::vector<std::uint8_t> r{2, 0xB8, 0x0B, 0x00, 0x00, 0xFF, 0xFF, 0xCE, 0x02, 0x01, 0x04, 0x04};
    auto s = decode_board_report(m, r, 3.5);
    ASSERT_TRUE(s.has_value());
    EXPECT_DOUBLE_EQ(s->t_s, 3.5);
    EXPECT_FLOAT_EQ(s->tl, 20.0f);
    EXPECT_FLOAT_EQ(s->tr, -5.0f);
    EXPECT_FLOAT_EQ(s->bl, 258.0f);
    EXPECT_FLOAT_EQ(s->br, 3.0f);
    EXPECT_TRUE(s->button);
    r[5] = 0x00;
    r[6] = 0x01;
    r[7] = 0xF4;
    r[11] = 0x00;
    s = decode_board_report(m, r, 3.6);
    ASSERT_TRUE(s.has_value());
    EXPECT_FLOAT_EQ(s->tr, 50.0f);
    EXPECT_FALSE(s->button);
    // Other report id, or too short: not a sample.
    r[0] = 3;
    EXPECT_FALSE(decode_board_report(m, r, 0).has_value());
    EXPECT_FALSE(decode_board_report(m, std::vector<std::uint8_t>{2, 1, 2, 3}, 0).has_value());
}

TEST(GenericBoardMap, ErrorsNameFileLineAndField) {
    // Line numbers count from the '{' on line 1 of kMap.
    std::string e = error_of(replaced(kMap, R"("size": 3)", R"("size": 5)"));
    EXPECT_NE(e.find("boards/test.json:10:"), std::string::npos) << e;
    EXPECT_NE(e.find("cells.tr.size"), std::string::npos) << e;

    e = error_of(replaced(kMap, R"("byte_order": "little", "signed": false)", R"("byte_order": "middle", "signed": false)"));
    EXPECT_NE(e.find("boards/test.json:11:"), std::string::npos) << e;
    EXPECT_NE(e.find("middle"), std::string::npos) << e;

    e = error_of(replaced(kMap, R"("zero": 10, "counts_per_kg": -2)", R"("zero": 10, "counts_per_kg": 0)"));
    EXPECT_NE(e.find(":12:"), std::string::npos) << e;
    EXPECT_NE(e.find("must not be 0"), std::string::npos) << e;

    e = error_of(replaced(kMap, R"("report_id": 2,)", ""));
    EXPECT_NE(e.find("missing field 'report_id'"), std::string::npos) << e;

    e = error_of(replaced(kMap, R"("product_id": 1,)", R"("product_id": 1, "prodcut": 2,)"));
    EXPECT_NE(e.find("boards/test.json:6:"), std::string::npos) << e;
    EXPECT_NE(e.find("unknown field 'prodcut'"), std::string::npos) << e;

    e = error_of(replaced(kMap, R"("vendor_id": "0x1209")", R"("vendor_id": "12zz")"));
    EXPECT_NE(e.find(":5:"), std::string::npos) << e;

    e = error_of(replaced(kMap, R"("offset": 4, "size": 3)", R"("offset": 2, "size": 3)"));
    EXPECT_NE(e.find("overlap"), std::string::npos) << e;

    e = error_of(replaced(kMap, R"("version": 1)", R"("version": 2)"));
    EXPECT_NE(e.find("version 2 is not supported"), std::string::npos) << e;

    e = error_of(replaced(kMap, R"("signed": true, "zero": 0)", R"("signed": "yes", "zero": 0)"));
    EXPECT_NE(e.find("cells.tr.signed must be true or false"), std::string::npos) << e;
}

TEST(GenericBoardMap, SyntaxErrorsNameTheLine) {
    const std::string broken = replaced(kMap, R"("name": "Test board",)", R"("name": "Test board")");
    const std::string e = error_of(broken);
    EXPECT_NE(e.find("boards/test.json:5:"), std::string::npos) << e;
    EXPECT_NE(e.find("not valid JSON"), std::string::npos) << e;
    EXPECT_NE(error_of("").find("not valid JSON"), std::string::npos);
    EXPECT_NE(error_of("[1, 2]").find("must be a JSON object"), std::string::npos);
    EXPECT_NE(error_of("\x01\x02\xff").find("not valid JSON"), std::string::npos);
}

// Found by fuzzing (fuzz_board_map): 50 000 nested objects, 300 kB of text, made
// the line-tracking parser store a dotted path per key as long as the depth and
// ran out of 2 GB. Deep nesting is now refused with the line it starts on.
TEST(GenericBoardMap, DeepNestingIsRefusedWithItsLine) {
    std::string deep = "{\n";
    for (int i = 0; i < 50000; ++i) deep += "\"a\":{";
    deep += "}";
    const std::string e = error_of(deep);
    EXPECT_NE(e.find("boards/test.json:2: "), std::string::npos) << e;
    EXPECT_NE(e.find("nested more than 32 levels deep"), std::string::npos) << e;
    // Arrays count too, and a map nested a few levels is still read.
    EXPECT_NE(error_of(std::string(40, '[') + std::string(40, ']')).find("levels deep"), std::string::npos);
    EXPECT_EQ(error_of(replaced(kMap, "\"button\"", "\"_comment\": [[[{\"x\": [1]}]]], \"button\"")), "");
}

// Many keys on many lines: every key still gets the right line (the count is now
// made once as the parser moves forward, no longer from the start for each key).
TEST(GenericBoardMap, LinesStayRightAfterManyKeys) {
    std::string text = "{\n";
    for (int i = 0; i < 20000; ++i) text += "\"_c" + std::to_string(i) + "\": 1,\n";
    text += "\"format\": \"wrong\"\n}";
    EXPECT_NE(error_of(text).find("boards/test.json:20002: "), std::string::npos) << error_of(text).substr(0, 200);
}

// Found by fuzz_board_map: a number too large for a double made the JSON parser
// throw out_of_range, which escaped parse_board_map() (the program would have
// ended). Now it is a BoardMapError with the line. Input in tests/fuzz/regressions/.
TEST(GenericBoardMap, NumberTooLargeIsAnErrorWithItsLine) {
    const std::string e = error_of(replaced(kMap, "\"zero\": 1000", "\"zero\": 1e400"));
    EXPECT_NE(e.find("boards/test.json:9: "), std::string::npos) << e;
    EXPECT_NE(e.find("not valid JSON"), std::string::npos) << e;
    for (const auto& file : highstep::fuzz_regressions::files("fuzz_board_map")) {
        EXPECT_THROW((void)parse_board_map(highstep::fuzz_regressions::read(file), "regression"), BoardMapError)
            << file;
    }
}

TEST(GenericBoardMap, MissingFileIsAnError) {
    try {
        (void)load_board_map("/nonexistent/board.json");
        FAIL();
    } catch (const BoardMapError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/board.json"), std::string::npos);
    }
}

TEST(GenericBoardMap, ShippedExampleLoads) {
    const auto dir = std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "input" / "hid" / "boards";
    const auto files = board_map_files(dir);
    ASSERT_FALSE(files.empty()) << dir;
    for (const auto& f : files) {
        const GenericBoardMap m = load_board_map(f);
        EXPECT_FALSE(m.name.empty()) << f;
        EXPECT_GT(m.min_report_bytes(), 4u) << f;
    }
}

TEST(GenericBoard, LiveBoardOverFakeHid) {
    FakeSystemGuard guard;
    GenericBoardMap m = parse_board_map(kMap, "boards/test.json");
    fake_hid::Identity id;
    id.path = "fake/hidraw5";
    id.vendor_id = 0x1209;
    id.product_id = 1;
    id.product = L"HX711 board";
    auto device = std::make_shared<fake_hid::FakeDevice>(id);
    fake_hid::plug(device);
    const BoardScan scan = find_boards({m});
    ASSERT_EQ(scan.boards.size(), 1u);
    EXPECT_EQ(scan.boards[0].kind, BoardKind::generic_hid);
    auto reader = BoardReader::open(scan.boards[0], quick_settings());
    device->push_input({9, 9, 9});  // noise on another report id
    device->push_input({2, 0xB8, 0x0B, 0x00, 0x00, 0x00, 0x01, 0xF4, 0x02, 0x01, 0x04, 0x00});
    std::optional<BoardSample> s;
    ASSERT_TRUE(wait_until([&] { return (s = reader->poll()).has_value(); }));
    EXPECT_FLOAT_EQ(s->tl, 20.0f);
    EXPECT_FLOAT_EQ(s->tr, 50.0f);
    EXPECT_EQ(reader->status().ignored_reports, 1u);
    EXPECT_TRUE(reader->status().calibration_ok);
}

}  // namespace
}  // namespace highstep::hid
