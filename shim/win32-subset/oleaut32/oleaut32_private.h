#ifndef OLEAUT32_PRIVATE_H
#define OLEAUT32_PRIVATE_H

#include "lv/windef.h"

/* A BSTR points at its characters; the 32-bit byte length sits before
 * them, and a NUL after. */
typedef WCHAR *BSTR;

/* The 24-byte VARIANT of x64: a type tag and an 8-byte value (16 with
 * DECIMAL, which overlays the whole structure). */
typedef struct {
    WORD vt;
    WORD reserved1, reserved2, reserved3;
    union {
        LONGLONG llVal;
        LONG lVal;
        BYTE bVal;
        short iVal;
        float fltVal;
        double dblVal;
        BSTR bstrVal;
        void *punkVal;
        void *byref;
        struct {
            void *pvRecord;
            void *pRecInfo;
        } rec;
    } u;
} VARIANT;

_Static_assert(sizeof(VARIANT) == 24, "VARIANT layout");

#endif
