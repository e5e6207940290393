// Enumeration and the game's "first board found" rule.
#include <algorithm>

#include "hid_device.h"
#include "highstep/hid/board.h"
#include "highstep/hid/wii_protocol.h"

namespace highstep::hid {

const char* board_kind_name(BoardKind kind) {
    return kind == BoardKind::wii_balance_board ? "wii-balance-board" : "generic-hid";
}

std::string BoardCandidate::describe() const {
    std::string name;
    if (kind == BoardKind::generic_hid) name = map ? map->name : "HID board";
    else name = product == wii::kBoardProductName ? "Wii Balance Board" : "Wii device";
    return name + " (" + path + ")";
}

BoardScan find_boards(const std::vector<GenericBoardMap>& maps) {
    BoardScan scan;
    for (const HidDeviceInfo& d : enumerate_hid(wii::kVendorNintendo)) {
        if (d.product_id != wii::kProductRvl && d.product_id != wii::kProductRvlPlus) continue;
        // Boards and remotes share ids; the product string tells them apart. With no
        // product string the start-up's extension check decides.
        if (d.product.starts_with(wii::kRemoteProductName)) {
            scan.rejected.push_back({d.path, d.product, "a Wii Remote, not a Balance Board"});
            continue;
        }
        if (!d.product.empty() && d.product != wii::kBoardProductName) {
            scan.rejected.push_back({d.path, d.product, "an unknown Nintendo device, not a Balance Board"});
            continue;
        }
        scan.boards.push_back({BoardKind::wii_balance_board, d.path, d.serial, d.product, d.vendor_id, d.product_id, {}});
    }
    if (!maps.empty()) {
        for (const HidDeviceInfo& d : enumerate_hid(0)) {
            for (const GenericBoardMap& m : maps) {
                if (m.vendor_id == d.vendor_id && m.product_id == d.product_id) {
                    scan.boards.push_back({BoardKind::generic_hid, d.path, d.serial, d.product, d.vendor_id,
                                           d.product_id, m});
                    break;
                }
            }
        }
    }
    return scan;
}

std::unique_ptr<BoardReader> open_first_board(const std::vector<GenericBoardMap>& maps, BoardReaderSettings settings,
                                              std::vector<std::string>* problems) {
    const BoardScan scan = find_boards(maps);
    if (problems != nullptr) {
        for (const RejectedDevice& r : scan.rejected) problems->push_back(r.path + ": " + r.reason);
    }
    for (const BoardCandidate& board : scan.boards) {
        try {
            return BoardReader::open(board, settings);
        } catch (const BoardError& e) {
            if (problems != nullptr) problems->push_back(e.what());
        }
    }
    return nullptr;
}

BoardProbe probe_board(const BoardCandidate& board, BoardReaderSettings settings) {
    BoardProbe probe;
    try {
        settings.queue_capacity = 1;
        const auto reader = BoardReader::open(board, std::move(settings));
        const BoardStatus s = reader->status();
        probe.ok = true;
        probe.battery_percent = s.battery_percent;
        probe.calibration_ok = s.calibration_ok;
    } catch (const BoardError& e) {
        probe.problem = e.what();
    }
    return probe;
}

}  // namespace highstep::hid
