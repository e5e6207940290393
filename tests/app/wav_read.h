#pragma once
// Reads back the 16-bit stereo WAV that `--audio-out` writes (our own 44-byte
// header), for the tests that listen to it.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <vector>

namespace highstep::app::testing {

struct Wav {
    int rate_hz = 0;
    std::vector<float> left, right;
};

// Reads our own 16-bit stereo WAV (44-byte header) in pieces.
inline Wav read_wav(const std::filesystem::path& path) {
    std::ifstream f(path, std::ios::binary);
    Wav w;
    std::vector<unsigned char> header(44);
    if (!f.read(reinterpret_cast<char*>(header.data()), 44)) return w;
    w.rate_hz = header[24] | header[25] << 8 | header[26] << 16 | header[27] << 24;
    std::vector<char> chunk(1 << 20);
    while (f.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || f.gcount() > 0) {
        const auto n = static_cast<std::size_t>(f.gcount());
        for (std::size_t i = 0; i + 3 < n; i += 4) {
            auto s16 = [&](std::size_t at) {
                return static_cast<std::int16_t>(static_cast<unsigned char>(chunk[at]) |
                                                 static_cast<unsigned char>(chunk[at + 1]) << 8);
            };
            w.left.push_back(s16(i) / 32768.0f);
            w.right.push_back(s16(i + 2) / 32768.0f);
        }
    }
    return w;
}

}  // namespace highstep::app::testing
