// Home-built HID boards need no start-up: they stream their report on their own.
#include "board_driver.h"

namespace highstep::hid {

namespace {

class GenericDriver : public BoardDriver {
public:
    explicit GenericDriver(GenericBoardMap map) : map_(std::move(map)) {}

    void start(HidDevice&) override {}

    std::optional<BoardSample> on_report(HidDevice&, std::span<const std::uint8_t> report, double t_s) override {
        auto sample = decode_board_report(map_, report, t_s);
        if (!sample) ++ignored_;
        return sample;
    }

    DriverInfo info() const override {
        DriverInfo i;
        i.calibration_ok = true;  // the mapping file is the calibration
        i.ignored_reports = ignored_;
        return i;
    }

private:
    GenericBoardMap map_;
    std::uint64_t ignored_ = 0;
};

}  // namespace

std::unique_ptr<BoardDriver> make_generic_driver(const GenericBoardMap& map) {
    return std::make_unique<GenericDriver>(map);
}

}  // namespace highstep::hid
