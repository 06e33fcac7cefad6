/* Prints musl's message texts as the C tables of messages.h. Built with
 * musl-gcc and run by hand when musl's texts change:
 *   musl-gcc messages_gen.c -o /tmp/g && /tmp/g > messages.h */
#include <netdb.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

static void quoted(const char *s)
{
    putchar('"');
    for (; *s; s++)
        printf(*s == '"' || *s == '\\' ? "\\%c" : "%c", *s);
    putchar('"');
}

int main(void)
{
    char buf[256];
    printf("/* musl's message texts, printed by messages_gen.c. */\n");
    printf("#define PX_ERRNO_COUNT 134\nstatic const char *const px_errno_text[] = {\n");
    for (int i = 0; i < 134; i++) {
        printf("    ");
        quoted(strerror(i));
        printf(",\n");
    }
    printf("};\n#define PX_SIGNAL_COUNT 65\nstatic const char *const px_signal_text[] = {\n");
    for (int i = 0; i < 65; i++) {
        printf("    ");
        quoted(strsignal(i));
        printf(",\n");
    }
    printf("};\n#define PX_GAI_COUNT 12\nstatic const char *const px_gai_text[] = {\n");
    for (int i = -1; i >= -12; i--) {
        printf("    ");
        quoted(gai_strerror(i));
        printf(",\n");
    }
    printf("};\n#define PX_REG_COUNT 16\nstatic const char *const px_reg_text[] = {\n");
    for (int i = 0; i < 16; i++) {
        regerror(i, NULL, buf, sizeof buf);
        printf("    ");
        quoted(buf);
        printf(",\n");
    }
    printf("};\n");
    return 0;
}
