#include "script.h"

#include <algorithm>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace highstep::app {

namespace {

double parse_number(const std::string& s, const std::string& where) {
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size()) throw std::invalid_argument(s);
        return v;
    } catch (const std::exception&) {
        throw ScriptError(where + ": '" + s + "' is not a number");
    }
}

SDL_Keycode parse_key(const std::string& name, const std::string& where) {
    const SDL_Keycode k = SDL_GetKeyFromName(name.c_str());
    if (k == SDLK_UNKNOWN) throw ScriptError(where + ": unknown key '" + name + "'");
    return k;
}

bool compare(double a, const std::string& op, double b) {
    if (op == ">=") return a >= b;
    if (op == "<=") return a <= b;
    if (op == "==") return a == b;
    if (op == "!=") return a != b;
    if (op == ">") return a > b;
    return a < b;
}

SDL_Event key_event(Uint32 type, SDL_Keycode key) {
    SDL_Event e{};
    e.type = type;
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    return e;
}

}  // namespace

Script Script::load(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw ScriptError(path.string() + ": cannot open the script");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path.string());
}

Script Script::parse(const std::string& text, const std::string& name) {
    Script script;
    script.name_ = name;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    using K = ScriptCommand::Kind;
    while (std::getline(in, line)) {
        ++number;
        const std::string where = name + ":" + std::to_string(number);
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream words(line);
        std::string verb;
        if (!(words >> verb)) continue;
        std::vector<std::string> args;
        for (std::string w; words >> w;) args.push_back(w);
        auto need = [&](std::size_t lo, std::size_t hi) {
            if (args.size() < lo || args.size() > hi) {
                throw ScriptError(where + ": '" + verb + "' takes " + std::to_string(lo) +
                                  (hi > lo ? "–" + std::to_string(hi) : "") + " argument(s)");
            }
        };
        ScriptCommand c;
        c.line = number;
        if (verb == "wait") {
            need(1, 1); c.kind = K::wait; c.seconds = parse_number(args[0], where);
        } else if (verb == "key" || verb == "down" || verb == "up") {
            need(1, 1);
            c.kind = verb == "key" ? K::key : verb == "down" ? K::down : K::up;
            c.key = parse_key(args[0], where);
        } else if (verb == "text") {
            // "text" alone (or "text # comment") has nothing to type.
            if (args.empty()) throw ScriptError(where + ": 'text' takes the text to type");
            const auto start = line.find("text") + 4;
            c.kind = K::text;
            c.arg = line.substr(line.find_first_not_of(" \t", start));
            while (!c.arg.empty() && (c.arg.back() == ' ' || c.arg.back() == '\r')) c.arg.pop_back();
        } else if (verb == "screenshot") {
            need(1, 1); c.kind = K::screenshot; c.arg = args[0];
        } else if (verb == "wait_scene" || verb == "expect_scene") {
            need(1, verb == "wait_scene" ? 2 : 1);
            c.kind = verb == "wait_scene" ? K::wait_scene : K::expect_scene;
            c.arg = args[0];
            c.seconds = args.size() > 1 ? parse_number(args[1], where) : 10.0;
        } else if (verb == "wait_probe") {
            need(3, 4);
            c.kind = K::wait_probe;
            c.arg = args[0];
            c.op = args[1];
            if (c.op != ">=" && c.op != "<=" && c.op != "==" && c.op != "!=" && c.op != ">" && c.op != "<") {
                throw ScriptError(where + ": unknown comparison '" + c.op + "'");
            }
            c.value = parse_number(args[2], where);
            c.seconds = args.size() > 3 ? parse_number(args[3], where) : 10.0;
        } else if (verb == "resize") {
            need(2, 2); c.kind = K::resize;
            const double w = parse_number(args[0], where);
            const double h = parse_number(args[1], where);
            // Checked as doubles: a cast of 1e300 or nan to int is undefined behaviour.
            if (!(w >= 320 && h >= 200)) throw ScriptError(where + ": window size must be at least 320x200");
            if (!(w <= 16384 && h <= 16384)) throw ScriptError(where + ": window size must be at most 16384x16384");
            c.w = static_cast<int>(w);
            c.h = static_cast<int>(h);
        } else if (verb == "quit") {
            need(0, 0); c.kind = K::quit;
        } else {
            throw ScriptError(where + ": unknown command '" + verb + "'");
        }
        script.commands_.push_back(std::move(c));
    }
    return script;
}

std::optional<int> Script::fail(const ScriptCommand& c, const std::string& message) const {
    std::fprintf(stderr, "%s:%d: %s\n", name_.c_str(), c.line, message.c_str());
    return 3;
}

std::optional<int> Script::run_frame(ScriptHost& host) {
    using K = ScriptCommand::Kind;
    // Several instant commands may run in one frame; a wait ends the frame's turn.
    while (next_ < commands_.size()) {
        const ScriptCommand& c = commands_[next_];
        if (!started_) {
            started_ = true;
            started_at_s_ = host.now_s();
        }
        const double elapsed = host.now_s() - started_at_s_;
        switch (c.kind) {
            case K::wait:
                if (elapsed < c.seconds) return std::nullopt;
                break;
            case K::key:
                host.inject(key_event(SDL_KEYDOWN, c.key));
                host.inject(key_event(SDL_KEYUP, c.key));
                break;
            case K::down: host.inject(key_event(SDL_KEYDOWN, c.key)); break;
            case K::up: host.inject(key_event(SDL_KEYUP, c.key)); break;
            case K::text: {
                // One SDL text event holds 31 bytes: longer text goes in several, cut
                // between UTF-8 characters (as an input method sends it).
                const std::string& t = c.arg;
                for (std::size_t at = 0; at < t.size();) {
                    std::size_t end = std::min(t.size(), at + sizeof(SDL_TextInputEvent::text) - 1);
                    while (end < t.size() && end > at && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80) --end;
                    SDL_Event e{};
                    e.type = SDL_TEXTINPUT;
                    SDL_strlcpy(e.text.text, t.substr(at, end - at).c_str(), sizeof(e.text.text));
                    host.inject(e);
                    at = end;
                }
                break;
            }
            case K::screenshot:
                host.request_screenshot(c.arg);
                ++next_;
                started_ = false;
                return std::nullopt;  // one screenshot per frame
            case K::wait_scene:
                if (host.scene_id() != c.arg) {
                    if (elapsed > c.seconds) {
                        return fail(c, "waited " + std::to_string(c.seconds) + " s for scene '" + c.arg +
                                           "', still on '" + host.scene_id() + "'");
                    }
                    return std::nullopt;
                }
                break;
            case K::wait_probe: {
                const std::string v = host.probe(c.arg);
                bool ok = false;
                if (!v.empty()) {
                    try { ok = compare(std::stod(v), c.op, c.value); } catch (const std::exception&) { ok = false; }
                }
                if (!ok) {
                    if (elapsed > c.seconds) {
                        return fail(c, "waited " + std::to_string(c.seconds) + " s for " + c.arg + " " + c.op + " " +
                                           std::to_string(c.value) + " on scene '" + host.scene_id() + "', it is '" +
                                           v + "'");
                    }
                    return std::nullopt;
                }
                break;
            }
            case K::expect_scene:
                if (host.scene_id() != c.arg) {
                    return fail(c, "expected scene '" + c.arg + "', on '" + host.scene_id() + "'");
                }
                break;
            case K::resize: host.resize(c.w, c.h); break;
            case K::quit: return 0;
        }
        ++next_;
        started_ = false;
        // Injected input is handled next frame; let it land before the next command.
        if (c.kind == K::key || c.kind == K::down || c.kind == K::up || c.kind == K::text || c.kind == K::resize) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace highstep::app
