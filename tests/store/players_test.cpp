// Players of a household: add, find, update, delete, names, weigh-in history.
#include "store_fixture.h"

namespace highstep::store::testing {
namespace {

class PlayersTest : public StoreTest {
protected:
    Database db{db_path};
};

TEST_F(PlayersTest, AddFindListUpdate) {
    Player ada;
    ada.name = "Ada";
    ada.dominant_leg = Leg::left;
    ada.input_offset_ms = -20;
    ada.board_rotated_180 = true;
    const auto id = add_player(db, ada);
    add(db, "Bob");
    add(db, "Émile");

    const auto found = find_player(db, "ADA");  // names match case-insensitively
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->name, "Ada");
    EXPECT_EQ(found->dominant_leg, Leg::left);
    EXPECT_DOUBLE_EQ(found->input_offset_ms, -20);
    EXPECT_TRUE(found->board_rotated_180);
    EXPECT_FALSE(found->body_weight_kg);

    const auto all = list_players(db);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].name, "Ada");
    EXPECT_EQ(all[1].name, "Bob");

    Player changed = *found;
    changed.name = "Ada L.";
    changed.input_offset_ms = 35;
    changed.dominant_leg = Leg::right;
    update_player(db, changed);
    const auto again = get_player(db, id);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->name, "Ada L.");
    EXPECT_DOUBLE_EQ(again->input_offset_ms, 35);
    EXPECT_EQ(again->dominant_leg, Leg::right);
    EXPECT_FALSE(find_player(db, "Ada"));
}

TEST_F(PlayersTest, ManyPlayersForABigHousehold) {
    for (int i = 0; i < 30; ++i) add(db, "Player " + std::to_string(i));
    EXPECT_EQ(list_players(db).size(), 30u);
}

TEST_F(PlayersTest, DuplicateNameRefusedWhateverTheCase) {
    add(db, "Ada");
    try {
        add(db, "aDA");
        FAIL() << "duplicate accepted";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
    }
    const auto bob = add(db, "Bob");
    Player renamed = *get_player(db, bob);
    renamed.name = "ADA";
    EXPECT_THROW(update_player(db, renamed), StoreError);
    EXPECT_EQ(list_players(db).size(), 2u);
}

TEST_F(PlayersTest, BadNamesRefusedWithReason) {
    const std::pair<std::string, std::string> cases[] = {
        {"", "empty"},
        {std::string(41, 'a'), "longer than 40"},
        {"Bob\nDROP", "control character"},
        {std::string("Nul\0x", 5), "control character"},
        {"\x1b[31mRed", "control character"},
        {"bad\xff utf8", "UTF-8"},
        {"\xe2\x80\xae" "evil", "invisible"},  // right-to-left override
        {" padded", "space"},
    };
    for (const auto& [name, why] : cases) {
        Player p;
        p.name = name;
        try {
            add_player(db, p);
            ADD_FAILURE() << "accepted name '" << name << "'";
        } catch (const StoreError& e) {
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
    }
    EXPECT_TRUE(list_players(db).empty());
    // 40 characters of multi-byte text are fine: the limit counts characters.
    Player ok;
    ok.name = std::string();
    for (int i = 0; i < 40; ++i) ok.name += "é";
    EXPECT_NO_THROW(add_player(db, ok));
    // Text that looks like SQL is just a name.
    ok.name = "Robert'); DROP TABLE players;--";
    EXPECT_NO_THROW(add_player(db, ok));
    EXPECT_TRUE(find_player(db, "Robert'); DROP TABLE players;--"));
    EXPECT_EQ(list_players(db).size(), 2u);
}

TEST_F(PlayersTest, OffsetOutOfRangeRefused) {
    Player p;
    p.name = "Ada";
    p.input_offset_ms = 900;
    EXPECT_THROW(add_player(db, p), StoreError);
}

TEST_F(PlayersTest, WeighInHistoryKeptInOrder) {
    const auto ada = add(db, "Ada");
    WeighIn w;
    w.player_id = ada;
    w.t_unix_s = 1767000000;
    w.body_weight_kg = 62.0;
    add_weigh_in(db, w);
    w.t_unix_s = 1767600000;
    w.body_weight_kg = 61.2;
    w.left_foot_x_mm = -95;
    w.right_foot_x_mm = 102;
    add_weigh_in(db, w);
    w.t_unix_s = 1767300000;  // entered out of order
    w.body_weight_kg = 61.7;
    w.left_foot_x_mm.reset();
    w.right_foot_x_mm.reset();
    add_weigh_in(db, w);

    const auto history = weigh_ins(db, ada);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_DOUBLE_EQ(history[0].body_weight_kg, 62.0);
    EXPECT_DOUBLE_EQ(history[1].body_weight_kg, 61.7);
    EXPECT_DOUBLE_EQ(history[2].body_weight_kg, 61.2);
    EXPECT_DOUBLE_EQ(*history[2].left_foot_x_mm, -95);
    // The player's current weight is the latest weigh-in by time, not by entry.
    EXPECT_DOUBLE_EQ(*get_player(db, ada)->body_weight_kg, 61.2);

    w.body_weight_kg = 5;  // not a person
    EXPECT_THROW(add_weigh_in(db, w), StoreError);
    EXPECT_EQ(weigh_ins(db, ada).size(), 3u);
}

TEST_F(PlayersTest, DeleteRemovesTheirHistory) {
    const auto ada = add(db, "Ada");
    const auto bob = add(db, "Bob");
    WeighIn w;
    w.player_id = ada;
    w.body_weight_kg = 60;
    add_weigh_in(db, w);
    play(db, ada, "hill-1", 5000);
    play(db, bob, "hill-1", 4000);
    delete_player(db, ada);
    EXPECT_FALSE(get_player(db, ada));
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM weigh_ins"), 0);
    EXPECT_EQ(query_int(db_path, "SELECT COUNT(*) FROM sessions"), 1);
    EXPECT_THROW(delete_player(db, ada), StoreError);
}

TEST_F(PlayersTest, TheLastPlayerIsRememberedUntilDeleted) {
    EXPECT_FALSE(last_player(db)) << "nobody has played yet";
    const auto ada = add(db, "Ada");
    const auto bob = add(db, "Bob");
    set_last_player(db, ada);
    set_last_player(db, bob);
    ASSERT_TRUE(last_player(db));
    EXPECT_EQ(last_player(db)->name, "Bob");
    delete_player(db, bob);
    EXPECT_FALSE(last_player(db)) << "a deleted player is not opened on";
    set_last_player(db, ada);
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db_path.c_str(), &raw), SQLITE_OK);
    sqlite3_exec(raw, "UPDATE settings SET value = '7x' WHERE key = 'last_player_id'", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    EXPECT_FALSE(last_player(db)) << "a damaged value reads as none";
}

TEST(LegTest, ParsesShortAndLongForms) {
    EXPECT_EQ(parse_leg("Left"), Leg::left);
    EXPECT_EQ(parse_leg("r"), Leg::right);
    EXPECT_FALSE(parse_leg("middle"));
}

}  // namespace
}  // namespace highstep::store::testing
