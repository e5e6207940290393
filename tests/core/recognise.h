#pragma once
// Runs the recogniser over a hand-built board script; picks events of one type.
#include <vector>

#include "board_script.h"
#include "highstep/core/recognise/recognizer.h"

namespace highstep::test {

inline std::vector<core::Event> recognise(const std::vector<BoardSample>& samples, const core::SignalSettings& s = {}) {
    core::Recognizer r(s);
    std::vector<core::Event> events;
    for (const auto& sample : samples) r.push(sample, events);
    r.finish(events);
    return events;
}

inline std::vector<core::Event> recognise(const BoardScript& b, const core::SignalSettings& s = {}) {
    return recognise(b.samples(), s);
}

template <class T>
std::vector<T> only(const std::vector<core::Event>& events) {
    std::vector<T> out;
    for (const core::Event& e : events) {
        if (const T* t = std::get_if<T>(&e)) out.push_back(*t);
    }
    return out;
}

}  // namespace highstep::test
