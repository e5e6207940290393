#include "json_with_lines.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace highstep::hid {

namespace {

// Walks the text like a const char* and publishes how far the parser has read.
// The parser calls back right after it has read a key's closing quote, so the
// published position is on the key's line.
class TrackingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    TrackingIterator(const char* p, const char** furthest) : p_(p), furthest_(furthest) {}
    reference operator*() const { return *p_; }
    TrackingIterator& operator++() {
        ++p_;
        if (p_ > *furthest_) *furthest_ = p_;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator old = *this;
        ++*this;
        return old;
    }
    bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }
    bool operator!=(const TrackingIterator& o) const { return p_ != o.p_; }

private:
    const char* p_;
    const char** furthest_;
};

int line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Lines counted as the parser moves forward: keys arrive in text order, so each
// newline is counted once (counting from the start for every key was quadratic:
// a 1 MB file of small keys took minutes).
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : text_(text) {}
    int line_at(std::size_t offset) {
        offset = std::clamp(offset, counted_to_, text_.size());  // the parser only moves forward
        line_ += static_cast<int>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(counted_to_),
                                             text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
        counted_to_ = offset;
        return line_;
    }
private:
    std::string_view text_;
    std::size_t counted_to_ = 0;
    int line_ = 1;
};

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += '.';
        out += p;
    }
    return out;
}

}  // namespace

int JsonWithLines::line_of(std::string path) const {
    while (true) {
        if (auto it = key_lines.find(path); it != key_lines.end()) return it->second;
        const auto dot = path.rfind('.');
        if (dot == std::string::npos) return 0;
        path.resize(dot);
    }
}

JsonWithLines parse_json_with_lines(std::string_view text) {
    JsonWithLines out;
    const char* begin = text.data();
    const char* furthest = begin;
    std::vector<std::string> stack;
    LineCounter lines(text);
    auto callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        switch (event) {
        case E::object_start:
        case E::array_start:
            // Every key is stored with its whole dotted path, so memory grows with the
            // square of the depth: 50 000 nested objects (300 kB) took over 2 GB.
            if (stack.size() >= kMaxJsonDepth) {
                throw std::invalid_argument(std::to_string(lines.line_at(static_cast<std::size_t>(furthest - begin))) +
                                            "\tnested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
            }
            stack.emplace_back();
            break;
        case E::object_end:
        case E::array_end:
            if (!stack.empty()) stack.pop_back();
            break;
        case E::key:
            if (!stack.empty()) {
                stack.back() = parsed.get<std::string>();
                out.key_lines.emplace(join(stack), lines.line_at(static_cast<std::size_t>(furthest - begin)));
            }
            break;
        case E::value:
            break;
        }
        return true;
    };
    try {
        out.value = nlohmann::json::parse(TrackingIterator(begin, &furthest),
                                          TrackingIterator(begin + text.size(), &furthest), callback);
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() starts with "[json.exception.parse_error.101] "; players need only the rest.
        std::string message = e.what();
        if (auto close = message.find("] "); close != std::string::npos) message.erase(0, close + 2);
        const std::size_t byte = e.byte == 0 ? 0 : e.byte - 1;
        throw std::invalid_argument(std::to_string(line_at(text, byte)) + "\t" + message);
    } catch (const nlohmann::json::exception& e) {
        // e.g. a number too large for a double (out_of_range.406): no position in the
        // exception, so the line the parser had reached. Found by fuzz_board_map.
        std::string message = e.what();
        if (auto close = message.find("] "); close != std::string::npos) message.erase(0, close + 2);
        throw std::invalid_argument(std::to_string(line_at(text, static_cast<std::size_t>(furthest - begin))) + "\t" +
                                    message);
    }
    return out;
}

}  // namespace highstep::hid
