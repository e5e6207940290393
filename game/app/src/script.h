#pragma once
// The test hook `highstep --script FILE`: drives the real program with synthetic
// SDL key events, waits for screens and game values, and takes screenshots. One
// command a line, '#' comments:
//
//   wait SECONDS                       let the game run (game clock)
//   key NAME                           press and release a key (SDL key name: Return, Escape, a, Up, F11)
//   down NAME | up NAME                hold / release a key
//   text STRING                        type text (a player's name)
//   screenshot PATH                    save this frame as a BMP
//   wait_scene ID [TIMEOUT_S]          until the top scene is ID (default timeout 10 s)
//   wait_probe KEY OP VALUE [TIMEOUT_S]  until the top scene's probe KEY compares (>= <= == != > <)
//   expect_scene ID                    fail now unless the top scene is ID
//   resize W H                         resize the window
//   quit                               end the program (exit code 0)
//
// A failed wait or expect ends the program with exit code 3 and "SCRIPT:LINE: ..."
// on stderr. A malformed script is refused before the window opens.
#include <SDL.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace highstep::app {

class ScriptError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ScriptCommand {
    enum class Kind { wait, key, down, up, text, screenshot, wait_scene, wait_probe, expect_scene, resize, quit };
    Kind kind = Kind::wait;
    int line = 0;
    double seconds = 0.0;     // wait; timeout of wait_*
    SDL_Keycode key = SDLK_UNKNOWN;
    std::string arg;          // text, path, scene id, probe key
    std::string op;           // wait_probe
    double value = 0.0;       // wait_probe
    int w = 0, h = 0;         // resize
};

// What the script needs from the running game.
class ScriptHost {
public:
    virtual ~ScriptHost() = default;
    virtual double now_s() const = 0;
    virtual std::string scene_id() const = 0;
    virtual std::string probe(const std::string& key) const = 0;
    virtual void inject(const SDL_Event& event) = 0;
    virtual void request_screenshot(const std::filesystem::path& path) = 0;
    virtual void resize(int w, int h) = 0;
};

class Script {
public:
    // Parses a script file; throws ScriptError "PATH:LINE: what is wrong".
    static Script load(const std::filesystem::path& path);
    static Script parse(const std::string& text, const std::string& name);

    // Runs commands that are due this frame. Returns an exit code when the script
    // ended the program (0 quit, 3 failure), else nullopt.
    std::optional<int> run_frame(ScriptHost& host);
    bool done() const { return next_ >= commands_.size(); }
    const std::vector<ScriptCommand>& commands() const { return commands_; }

private:
    std::string name_;
    std::vector<ScriptCommand> commands_;
    std::size_t next_ = 0;
    bool started_ = false;        // current command's start time is set
    double started_at_s_ = 0.0;
    std::optional<int> fail(const ScriptCommand& c, const std::string& message) const;
};

}  // namespace highstep::app
