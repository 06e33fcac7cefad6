/* Writes FILE forever in chunks of a known pattern (byte n is n % 251),
 * through WriteFile ("win32") or fwrite ("crt"), until killed. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

#define CHUNK 4096

int main(int argc, char **argv)
{
    unsigned char buf[CHUNK];
    unsigned long long offset = 0;
    int i;

    if (argc != 3)
        return 2;
    if (!strcmp(argv[1], "win32")) {
        HANDLE h = CreateFileA(argv[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
        if (h == INVALID_HANDLE_VALUE)
            return 1;
        for (;;) {
            DWORD done;
            for (i = 0; i < CHUNK; i++)
                buf[i] = (unsigned char)((offset + i) % 251);
            if (!WriteFile(h, buf, CHUNK, &done, NULL) || done != CHUNK)
                return 1;
            offset += CHUNK;
        }
    }
    FILE *f = fopen(argv[2], "wb");
    if (!f)
        return 1;
    for (;;) {
        for (i = 0; i < CHUNK; i++)
            buf[i] = (unsigned char)((offset + i) % 251);
        if (fwrite(buf, 1, CHUNK, f) != CHUNK)
            return 1;
        offset += CHUNK;
    }
}
