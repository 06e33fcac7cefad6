/* Shared by the files of msvcrt (and ucrtbase, which is built on it). */
#ifndef MSVCRT_PRIVATE_H
#define MSVCRT_PRIVATE_H

#include "lv/windef.h"

#endif
