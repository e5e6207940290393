#include "json_locate.h"

#include <algorithm>

namespace highstep::store {
namespace {

// A forward-only scanner over text already accepted by the JSON parser, so it
// only needs to skip values, not to check them.
struct Scanner {
    std::string_view s;
    std::size_t i = 0;

    void ws() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    // Reads a string at s[i] == '"'; returns it with the simple escapes undone
    // (enough to compare with our plain ASCII keys).
    std::string string() {
        std::string out;
        ++i;
        while (i < s.size() && s[i] != '"') {
            if (s[i] == '\\' && i + 1 < s.size()) {
                out += s[i + 1];
                i += 2;
            } else {
                out += s[i++];
            }
        }
        ++i;
        return out;
    }
    void skip_value() {
        ws();
        if (i >= s.size()) return;
        if (s[i] == '"') {
            string();
            return;
        }
        if (s[i] == '{' || s[i] == '[') {
            int depth = 0;
            while (i < s.size()) {
                const char c = s[i];
                if (c == '"') {
                    string();
                    continue;
                }
                if (c == '{' || c == '[') ++depth;
                if (c == '}' || c == ']') --depth;
                ++i;
                if (depth == 0) return;
            }
            return;
        }
        while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' &&
               s[i] != '\r' && s[i] != '\t') {
            ++i;
        }
    }
    // Moves to the value at `step` inside the container at s[i]; false if absent.
    bool enter(const JsonPathStep& step) {
        ws();
        if (i >= s.size()) return false;
        if (s[i] == '{' && std::holds_alternative<std::string>(step)) {
            ++i;
            while (true) {
                ws();
                if (i >= s.size() || s[i] != '"') return false;
                const std::string key = string();
                ws();
                ++i;  // ':'
                ws();
                if (key == std::get<std::string>(step)) return true;
                skip_value();
                ws();
                if (i >= s.size() || s[i] != ',') return false;
                ++i;
            }
        }
        if (s[i] == '[' && std::holds_alternative<std::size_t>(step)) {
            ++i;
            for (std::size_t k = 0;; ++k) {
                ws();
                if (i >= s.size() || s[i] == ']') return false;
                if (k == std::get<std::size_t>(step)) return true;
                skip_value();
                ws();
                if (i >= s.size() || s[i] != ',') return false;
                ++i;
            }
        }
        return false;
    }
};

}  // namespace

std::size_t json_line_of(std::string_view text, const JsonPath& path) {
    Scanner sc{text};
    sc.ws();
    std::size_t at = sc.i;
    for (const JsonPathStep& step : path) {
        if (!sc.enter(step)) break;
        sc.ws();
        at = sc.i;
    }
    at = std::min(at, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::string json_path_string(const JsonPath& path) {
    std::string out;
    for (const JsonPathStep& step : path) {
        if (const auto* key = std::get_if<std::string>(&step)) {
            if (!out.empty()) out += '.';
            out += *key;
        } else {
            out += '[' + std::to_string(std::get<std::size_t>(step)) + ']';
        }
    }
    return out.empty() ? "(top level)" : out;
}

}  // namespace highstep::store
