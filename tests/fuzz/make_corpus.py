#!/usr/bin/env python3
"""Writes the seed corpora tests/fuzz/corpus/<target>/ from the project's own files
(levels/, tests/data/golden/, input/hid/boards/) and small hand-made valid inputs.
Run from anywhere; rerun after the formats change. Seeds are committed, so CI and
the long campaigns start from the same place."""
import json
import pathlib
import shutil
import struct

root = pathlib.Path(__file__).resolve().parents[2]
corpus = root / "tests" / "fuzz" / "corpus"


def target(name):
    d = corpus / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


def write(d, name, data):
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


# ---- Wii Balance Board bytes ------------------------------------------------------
# Calibration rows per sensor (TR, BR, TL, BL): raw at 0, 17, 34 kg.
CAL = [(0x0B20, 0x12C8, 0x1A70), (0x0A10, 0x11B0, 0x1950), (0x0C00, 0x13A4, 0x1B48), (0x0980, 0x1120, 0x18C0)]
cal_block = b"".join(struct.pack(">H", CAL[s][p]) for p in range(3) for s in range(4))
assert len(cal_block) == 24


def read_reply(address, data, error=0):
    return bytes([0x21, 0x00, 0x00, ((len(data) - 1) << 4) | error]) + struct.pack(">H", address & 0xFFFF) + \
        data + bytes(16 - len(data))


def data_report(raws, report_id=0x32, button=False):
    ext = b"".join(struct.pack(">H", r) for r in raws)
    buttons = bytes([0x00, 0x08 if button else 0x00])
    if report_id == 0x32:
        return bytes([0x32]) + buttons + ext
    if report_id == 0x34:
        return bytes([0x34]) + buttons + ext + bytes(11)
    if report_id == 0x35:
        return bytes([0x35]) + buttons + bytes(3) + ext + bytes(8)
    if report_id == 0x36:
        return bytes([0x36]) + buttons + bytes(10) + ext + bytes(1)
    return bytes([0x3D]) + ext + bytes(13)


status = bytes([0x20, 0x00, 0x00, 0x02, 0x00, 0x00, 0xC0])
ack = bytes([0x22, 0x00, 0x00, 0x16, 0x00])
ext_id = read_reply(0xA400FA, bytes([0x00, 0x00, 0xA4, 0x20, 0x04, 0x02]))
cal_1 = read_reply(0xA40024, cal_block[:16])
cal_2 = read_reply(0xA40034, cal_block[16:])
standing = [data_report([0x1000 + 40 * i, 0x0F00, 0x1100, 0x0E00 + 10 * i], rid, button=i == 3)
            for i, rid in enumerate([0x32, 0x34, 0x35, 0x36, 0x3D, 0x32])]


def framed(reports):  # fuzz_wii_reports: a length byte before each report
    return b"".join(bytes([len(r)]) + r for r in reports)


d = target("fuzz_wii_reports")
write(d, "start-up-and-data.bin", framed([status, ack, ext_id, cal_1, cal_2] + standing))
write(d, "calibration-one-reply-each.bin", framed([read_reply(0xA40024 + i, cal_block[i:i + 8]) for i in (0, 8, 16)] + standing[:2]))
write(d, "data-before-calibration.bin", framed(standing[:2] + [cal_1, cal_2, standing[0]]))
write(d, "read-error.bin", framed([status, read_reply(0xA400FA, bytes(1), error=7), ack]))

d = target("fuzz_wii_calibration")
write(d, "board.bin", cal_block + b"".join(struct.pack(">H", v) for v in (0x0B20, 0x12C8, 0x1A70, 0xFFFF, 0x0000, 0x1500)))
write(d, "block-only.bin", cal_block)

# ---- raw HID logs -----------------------------------------------------------------
d = target("fuzz_raw_log")
lines = ["# highstep hidlog v1", "# board: wii-balance-board"]
for i, r in enumerate([status, ack, ext_id, cal_1, cal_2] + standing):
    lines.append("%.6f %s" % (0.01 * i, r.hex()))
write(d, "wii.hidlog", "\n".join(lines) + "\n")
write(d, "wii-spaced.hidlog", "# hex dump style\n0.5 " + " ".join("%02x" % b for b in cal_1) + "\r\n0.6 " +
      " ".join("%02X" % b for b in cal_2) + "\r\n0.7\t" + standing[0].hex() + "\r\n")
generic = [bytes([1]) + struct.pack("<iiIi", 8421 + 100 * i, -3310, 12004, 1577) + bytes([i & 1]) for i in range(4)]
write(d, "generic.hidlog", "# highstep hidlog v1\n# board: generic\n" +
      "".join("%.6f %s\n" % (1.0 + 0.0125 * i, r.hex()) for i, r in enumerate(generic)))

# ---- JSON and text files of the project ----------------------------------------------
d = target("fuzz_level")
for f in sorted((root / "levels").glob("*.json")):
    shutil.copy(f, d / f.name)
# The stability references no shipped level sets: the source coverage of the first
# campaigns (tests/fuzz/coverage.sh) showed mutation never invents those keys.
reference = {"good_velocity_mm_s": 8, "poor_velocity_mm_s": 40, "good_rms_mm": 3, "poor_rms_mm": 15,
             "good_ellipse_mm2": 100, "poor_ellipse_mm2": 2500}
level = json.loads((root / "levels" / "hill-1.json").read_text())
level["id"] = "hill-references"
level["scoring"]["two_feet"] = reference
level["scoring"]["one_foot"] = {k: v * 3 for k, v in reference.items()}
write(d, "hill-references.json", json.dumps(level, indent=1))
level = json.loads((root / "levels" / "tower-3.json").read_text())
level["id"] = "tower-references"
level["program"]["tempo_bpm"] = 0
level.setdefault("scoring", {})["one_foot"] = {k: v * 3 for k, v in reference.items()}
write(d, "tower-references.json", json.dumps(level, indent=1))

d = target("fuzz_board_map")
for f in sorted((root / "input" / "hid" / "boards").glob("*.json")):
    # The text, a NUL, then a report the mapping decodes.
    write(d, f.name, f.read_bytes() + b"\0" + generic[1])
write(d, "big-endian-3-byte.json", json.dumps({
    "format": "highstep-board-map", "version": 1, "name": "three byte cells", "vendor_id": "0x1209",
    "product_id": "0x0002", "report_id": 0,
    "cells": {c: {"offset": 3 * i, "size": 3, "byte_order": "big", "signed": False, "zero": 100, "counts_per_kg": -50.5}
              for i, c in enumerate(["tl", "tr", "bl", "br"])}}) + "\0" + "\x10" * 12)

golden = root / "tests" / "data" / "golden"
d = target("fuzz_recording")
for f in sorted(golden.glob("*.csv")):
    # The first 60 lines: header, metadata, markers and enough samples; small seeds fuzz faster.
    write(d, f.name, "".join(f.read_text().splitlines(keepends=True)[:60]))
write(d, "button-column.csv", "# highstep recording v1\n# board: wii-balance-board\n# marker: start 0.01\n"
      "tr_kg,t_s,tl_kg,bl_kg,br_kg,button\n0.0,1.5,2.5,3.5,4.5,0\n0.0100,1.5,2.5,3.5,4.5,1\n")

d = target("fuzz_synth_script")
for f in sorted(golden.glob("*.script")):
    shutil.copy(f, d / f.name)
write(d, "every-action.script", """# every keyword once
empty 1.5
step-on right share=0.4
stand 2
lean 20 -15 1
one-leg left 3
knee-drive right 0.8 peak=1.2
step-off left
step-up left
step-up-drop right lowering=0.5
step-up-knee left hold=1 peak=1.25
""")

d = target("fuzz_app_script")
write(d, "every-command.script", """# every command once
wait 0.5
wait_scene title 5
key Return
down Up
up Up
text Anna
wait_probe weight_kg >= 60 3
expect_scene player
screenshot /tmp/highstep-fuzz-never-written.bmp
resize 800 600
key F11
quit
""")

d = target("fuzz_music")
for f in sorted((root / "assets" / "music").glob("*.music")):
    shutil.copy(f, d / f.name)

d = target("fuzz_image")
for f in sorted((root / "assets" / "images").glob("*.image")):
    shutil.copy(f, d / f.name)
write(d, "two-by-two.image", "highstep-image 1\r\nsize 2 2\ncolor a #00ff00\ncolor . transparent\npixels\na.\n.a\n# done\n")

d = target("fuzz_sounds")
shutil.copy(root / "assets" / "sounds" / "effects.sounds", d / "effects.sounds")
cues = ["click", "click_accent", "cue_lead", "perfect", "good", "ok", "miss", "set_complete", "rest_over",
        "level_complete", "level_failed", "menu_move", "menu_confirm", "board_lost"]
write(d, "smallest.sounds", "highstep-sounds 1\ninstrument k bank 128 program 0\n" +
      "".join(f"sound {c} length 0.1\n  at 0 k 76\n" for c in cues))

# ---- challenge files ----------------------------------------------------------------------
recording = "# highstep recording v1\n# board: wii-balance-board\nt_s,tl_kg,tr_kg,bl_kg,br_kg\n0.0,1,2,3,4\n0.01,1,2,3,4\n"
challenge = {
    "format_version": 1, "kind": "highstep-challenge",
    "challenge": {"uid": "0123456789abcdef0123456789abcdef", "name": "Winter cup", "household": "Smiths",
                  "starts": "2026-12-01", "ends": "2026-12-31", "created_unix_s": 1764547200,
                  "levels": ["hill-1", "tower-2"],
                  "rules": {"mode": "hot_seat", "attempts_per_level": 3, "weigh_in_each_turn": True}},
    "entries": [
        {"uid": "fedcba9876543210fedcba9876543210", "player": "Anna", "household": "Smiths", "level": "hill-1",
         "score": 1234.5, "grade": "A-", "stability_mean_velocity_mm_s": 12.5, "reps": 10,
         "finished_unix_s": 1764633600, "recording_csv": recording},
        {"uid": "00000000000000000000000000000001", "player": "Bob", "household": "Joneses", "level": "tower-2",
         "score": 0, "grade": "C", "stability_mean_velocity_mm_s": 0, "reps": 0, "finished_unix_s": 1764633601},
    ],
}
d = target("fuzz_challenge_file")
write(d, "two-entries.json", json.dumps(challenge, indent=1))
challenge["entries"] = []
challenge["challenge"]["rules"]["mode"] = "anytime"
write(d, "no-entries.json", json.dumps(challenge))
