// A synthetic session written as a recording reads back as the same samples
// (to the format's resolution) and writes back to the same text.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "highstep/input/recording.h"
#include "highstep/synth/generator.h"

namespace highstep::synth {
namespace {

TEST(SynthRecording, WrittenCsvReadsBackIdentically) {
    SynthSettings s;
    s.rate_hz = 73.0;
    s.jitter_ms = 3.0;
    s.gaps = 2;
    s.body.body_weight_kg = 131.0;
    s.body.rotated_180 = true;
    s.seed = 21;
    const SynthSession session = generate(named_script("mixed", 2), s);
    Recording rec;
    rec.metadata = {{"board", "synthetic"}, {"synth-seed", "21"}};
    rec.samples = session.samples;
    std::stringstream text;
    write_recording(text, rec);
    const std::string written = text.str();

    std::istringstream in(written);
    const Recording back = read_recording(in, "synthetic.csv");
    ASSERT_EQ(back.samples.size(), session.samples.size());
    EXPECT_EQ(back.meta("board"), "synthetic");
    for (std::size_t i = 0; i < back.samples.size(); ++i) {
        const BoardSample& a = session.samples[i];
        const BoardSample& b = back.samples[i];
        ASSERT_NEAR(b.t_s, a.t_s, 0.00005 + 1e-9) << i;   // written with 0.1 ms
        ASSERT_NEAR(b.tl, a.tl, 0.005 + 1e-4) << i;       // written with 10 g
        ASSERT_NEAR(b.tr, a.tr, 0.005 + 1e-4) << i;
        ASSERT_NEAR(b.bl, a.bl, 0.005 + 1e-4) << i;
        ASSERT_NEAR(b.br, a.br, 0.005 + 1e-4) << i;
    }
    std::stringstream again;
    write_recording(again, back);
    EXPECT_EQ(again.str(), written);
}

}  // namespace
}  // namespace highstep::synth
