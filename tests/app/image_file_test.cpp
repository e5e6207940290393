// assets/images: the window icon reads, and a bad image file is an error naming
// its file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "highstep/app/image_file.h"
#include "highstep/app/music_score.h"

using namespace highstep::app;

namespace {

std::string image_error(const std::string& text) {
    try {
        parse_image(text, "i.image");
    } catch (const ImageError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(ImageFile, ThePaletteGivesEachPixelItsColour) {
    const Image img = parse_image("highstep-image 1\nsize 3 2\ncolor _ transparent\ncolor r #ff0000\ncolor g #00Ff00\n"
                                  "pixels\nr_g\ngg_\n",
                                  "i.image");
    ASSERT_EQ(img.width, 3);
    ASSERT_EQ(img.height, 2);
    ASSERT_EQ(img.rgba.size(), 6u);
    EXPECT_EQ(img.rgba[0], 0xff0000ffu);
    EXPECT_EQ(img.rgba[1], 0u) << "transparent";
    EXPECT_EQ(img.rgba[2], 0x00ff00ffu);
    EXPECT_EQ(img.rgba[5], 0u);
}

TEST(ImageFile, BadFilesNameTheFileAndLine) {
    const std::string head = "highstep-image 1\nsize 2 2\ncolor a #000000\npixels\n";
    EXPECT_EQ(image_error("highstep-image 2\n"), "i.image:1: format version '2' is not supported (this HighStep reads version 1)");
    EXPECT_EQ(image_error(head + "aa\nab\n"), "i.image:6: 'b' is not a colour of the palette");
    EXPECT_EQ(image_error(head + "aaa\n"), "i.image:5: a row of 3 pixels; the size says 2");
    EXPECT_EQ(image_error(head + "aa\n"), "i.image:5: only 1 of 2 rows");
    EXPECT_EQ(image_error("highstep-image 1\ncolor a red\n"), "i.image:2: 'color C #rrggbb' (or 'transparent') expected");
    EXPECT_EQ(image_error("highstep-image 1\nsize 2 2\nshade a\n"), "i.image:3: unknown statement 'shade'");
}

TEST(ImageFile, TheWindowIconInAssetsReads) {
    const std::filesystem::path assets = assets_dir_beside(std::filesystem::path(HIGHSTEP_SOURCE_DIR) / "levels");
    const Image icon = load_image_file(assets / "images" / "icon.image");
    EXPECT_EQ(icon.width, 32);
    EXPECT_EQ(icon.height, 32);
    int opaque = 0;
    for (std::uint32_t p : icon.rgba) opaque += (p & 0xffu) != 0;
    EXPECT_GT(opaque, 32 * 32 / 2);
}
