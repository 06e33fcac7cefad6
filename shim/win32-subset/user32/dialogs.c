/* The windowing calls a console program still makes: a message box is
 * written to stderr and answered with its default button; system metrics
 * describe a plain 1024x768 screen. */
#include <stdio.h>
#include <stdlib.h>
#include "user32.spec.h"
#include "lv/wstr.h"

#define MB_TYPEMASK 0x0f
#define MB_DEFMASK 0x300
#define IDOK 1
#define IDCANCEL 2
#define IDABORT 3
#define IDRETRY 4
#define IDIGNORE 5
#define IDYES 6
#define IDNO 7
#define IDTRYAGAIN 10

/* The buttons of each MB_ type, in order; the default is the first unless
 * MB_DEFBUTTON2/3/4 says otherwise. */
static int default_button(UINT type)
{
    static const int buttons[][3] = {
        { IDOK, 0, 0 },                      /* MB_OK */
        { IDOK, IDCANCEL, 0 },               /* MB_OKCANCEL */
        { IDABORT, IDRETRY, IDIGNORE },      /* MB_ABORTRETRYIGNORE */
        { IDYES, IDNO, IDCANCEL },           /* MB_YESNOCANCEL */
        { IDYES, IDNO, 0 },                  /* MB_YESNO */
        { IDRETRY, IDCANCEL, 0 },            /* MB_RETRYCANCEL */
        { IDCANCEL, IDTRYAGAIN, 0 },         /* MB_CANCELTRYCONTINUE (first two) */
    };
    UINT kind = type & MB_TYPEMASK;
    unsigned which = (type & MB_DEFMASK) >> 8;
    if (kind > 6)
        kind = 0;
    if (which > 2 || !buttons[kind][which])
        which = 0;
    return buttons[kind][which];
}

int WINAPI MessageBoxW(HANDLE window, const WCHAR *text, const WCHAR *caption, UINT type)
{
    (void)window;
    char *t = wstr_to_utf8(text ? text : u"");
    char *c = wstr_to_utf8(caption ? caption : u"Error");
    fprintf(stderr, "lvrun: message box \"%s\": %s\n", c, t);
    free(t);
    free(c);
    return default_button(type);
}

int WINAPI MessageBoxA(HANDLE window, const char *text, const char *caption, UINT type)
{
    WCHAR *t = utf8_to_wstr(text), *c = utf8_to_wstr(caption);
    int r = MessageBoxW(window, t, c, type);
    free(t);
    free(c);
    return r;
}

int WINAPI GetSystemMetrics(int index)
{
    switch (index) {
    case 0: return 1024;  /* SM_CXSCREEN */
    case 1: return 768;   /* SM_CYSCREEN */
    case 2: case 3: return 17; /* scroll bar sizes */
    case 4: return 23;    /* SM_CYCAPTION */
    case 5: case 6: return 1; /* borders */
    case 11: case 12: return 32; /* icons */
    case 13: case 14: return 32; /* cursors */
    case 19: return 1;    /* SM_MOUSEPRESENT */
    case 43: return 5;    /* SM_CMOUSEBUTTONS */
    case 80: return 1;    /* SM_CMONITORS */
    }
    return 0;
}
