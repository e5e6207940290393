#include "text_checks.h"

#include <cstdint>

namespace highstep::store::text {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i,
// or returns -1 for an invalid, overlong or surrogate sequence.
std::int32_t decode(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    int extra = 0;
    std::int32_t cp = 0;
    if (c < 0x80) {
        ++i;
        return c;
    } else if ((c & 0xE0) == 0xC0) {
        extra = 1;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        cp = c & 0x07;
    } else {
        return -1;
    }
    if (i + static_cast<std::size_t>(extra) >= text.size()) return -1;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
        const unsigned char d = byte(i + static_cast<std::size_t>(k));
        if ((d & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr std::int32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

bool is_control(std::int32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

// Bidirectional embeddings, overrides and isolates, and zero-width marks that
// would let a name look like another one on the leaderboard.
bool is_invisible_format(std::int32_t cp) {
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xFEFF;
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (decode(text, i) < 0) return std::string::npos;
        ++n;
    }
    return n;
}

std::string check_name(std::string_view text, std::size_t max_chars) {
    if (text.empty()) return "is empty";
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::int32_t cp = decode(text, i);
        if (cp < 0) return "is not valid UTF-8 text";
        if (is_control(cp)) return "contains a control character";
        if (is_invisible_format(cp)) return "contains an invisible formatting character";
        ++n;
    }
    if (n > max_chars) return "is longer than " + std::to_string(max_chars) + " characters";
    if (text.front() == ' ' || text.back() == ' ') return "starts or ends with a space";
    return "";
}

bool is_level_id(std::string_view text) {
    if (text.empty() || text.size() > 40) return false;
    for (char c : text) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    }
    return true;
}

bool is_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    const auto num = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t k = at; k < at + len; ++k) v = v * 10 + (text[k] - '0');
        return v;
    };
    const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
    if (year < 2000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= days;
}

bool is_uid(std::string_view text) {
    if (text.size() != 32) return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

bool is_grade(std::string_view text) {
    if (text.size() > 3) return false;
    for (char c : text) {
        if (!((c >= 'A' && c <= 'Z') || c == '+' || c == '-')) return false;
    }
    return true;
}

}  // namespace highstep::store::text
