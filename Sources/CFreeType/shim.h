// Declarations only: FreeType plus the macros Swift cannot import.
#ifndef WALLBOARD_CFREETYPE_SHIM_H
#define WALLBOARD_CFREETYPE_SHIM_H

#include <ft2build.h>
#include FT_FREETYPE_H

static const FT_Int32 WB_FT_LOAD_DEFAULT = FT_LOAD_DEFAULT;
static const FT_Int32 WB_FT_LOAD_RENDER = FT_LOAD_RENDER;
static const FT_Int32 WB_FT_LOAD_TARGET_NORMAL = FT_LOAD_TARGET_NORMAL;
static const FT_Int32 WB_FT_LOAD_TARGET_LIGHT = FT_LOAD_TARGET_LIGHT;
static const FT_Int32 WB_FT_LOAD_NO_BITMAP = FT_LOAD_NO_BITMAP;

static inline int wb_ft_has_kerning(FT_Face face) { return FT_HAS_KERNING(face) ? 1 : 0; }
static inline int wb_ft_is_scalable(FT_Face face) { return FT_IS_SCALABLE(face) ? 1 : 0; }

#endif
