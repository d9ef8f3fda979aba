// Declarations only: glibc's <wchar.h>, which Swift's Glibc module leaves out. The canvas fills
// rows of 32-bit pixels with wmemset (wchar_t is 32 bits on Linux).
#ifndef WALLBOARD_CWIDECHAR_SHIM_H
#define WALLBOARD_CWIDECHAR_SHIM_H

#include <wchar.h>

#endif
