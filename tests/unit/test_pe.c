/* PE parsing and relocation on images built here, byte by byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "pe_image.h"

#define FILE_SIZE 0x600

/* A minimal valid PE32+: headers, one .text section with raw data at
 * 0x200 (RVA 0x1000), one .reloc section at 0x400 (RVA 0x2000). */
static void build_image(uint8_t *d)
{
    memset(d, 0, FILE_SIZE);
    struct pe_dos_header *dos = (void *)d;
    dos->e_magic = PE_DOS_MAGIC;
    dos->e_lfanew = 0x80;
    struct pe_nt_headers64 *nt = (void *)(d + 0x80);
    nt->Signature = PE_NT_SIGNATURE;
    nt->FileHeader.Machine = PE_MACHINE_AMD64;
    nt->FileHeader.NumberOfSections = 2;
    nt->FileHeader.SizeOfOptionalHeader = sizeof nt->OptionalHeader;
    nt->OptionalHeader.Magic = PE_OPT_MAGIC_PE32PLUS;
    nt->OptionalHeader.AddressOfEntryPoint = 0x1000;
    nt->OptionalHeader.ImageBase = 0x140000000;
    nt->OptionalHeader.SectionAlignment = 0x1000;
    nt->OptionalHeader.FileAlignment = 0x200;
    nt->OptionalHeader.SizeOfImage = 0x3000;
    nt->OptionalHeader.SizeOfHeaders = 0x200;
    nt->OptionalHeader.NumberOfRvaAndSizes = 16;
    nt->OptionalHeader.DataDirectory[PE_DIR_BASERELOC].VirtualAddress = 0x2000;
    nt->OptionalHeader.DataDirectory[PE_DIR_BASERELOC].Size = 12;
    struct pe_section_header *s = (void *)(nt + 1);
    memcpy(s[0].Name, ".text", 5);
    s[0].VirtualSize = 0x100;
    s[0].VirtualAddress = 0x1000;
    s[0].SizeOfRawData = 0x200;
    s[0].PointerToRawData = 0x200;
    s[0].Characteristics = PE_SCN_CNT_CODE | PE_SCN_MEM_READ | PE_SCN_MEM_EXECUTE;
    memcpy(s[1].Name, ".reloc", 6);
    s[1].VirtualSize = 12;
    s[1].VirtualAddress = 0x2000;
    s[1].SizeOfRawData = 0x200;
    s[1].PointerToRawData = 0x400;
    s[1].Characteristics = PE_SCN_CNT_INITIALIZED_DATA | PE_SCN_MEM_READ;
    /* One block for page 0x1000: a DIR64 at +0x10, a HIGHLOW at +0x20,
     * and an ABSOLUTE pad entry. */
    struct pe_base_relocation *b = (void *)(d + 0x400);
    b->VirtualAddress = 0x1000;
    b->SizeOfBlock = 12;
    uint16_t *e = (uint16_t *)(b + 1);
    e[0] = (PE_REL_DIR64 << 12) | 0x10;
    e[1] = (PE_REL_HIGHLOW << 12) | 0x20;
}

static struct pe_nt_headers64 *nt_of(uint8_t *d)
{
    return (void *)(d + 0x80);
}

static void expect_error(uint8_t *d, size_t size, const char *words)
{
    struct pe_file pe;
    char err[256] = "";
    assert_int_equal(pe_parse(d, size, &pe, err, sizeof err), -1);
    if (!strstr(err, words))
        fail_msg("error \"%s\" lacks \"%s\"", err, words);
}

static void test_valid(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    struct pe_file pe;
    char err[256];
    build_image(d);
    assert_int_equal(pe_parse(d, sizeof d, &pe, err, sizeof err), 0);
    assert_int_equal(pe.nsections, 2);
    assert_memory_equal(pe.sections[1].Name, ".reloc", 6);
}

static void test_not_mz(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    build_image(d);
    d[0] = 'X';
    expect_error(d, sizeof d, "no MZ header");
}

static void test_tiny(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    build_image(d);
    expect_error(d, 10, "too small");
    expect_error(d, 0x90, "PE header lies past");
}

static void test_bad_signature(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    build_image(d);
    nt_of(d)->Signature = 0x12345678;
    expect_error(d, sizeof d, "not a PE image");
}

static void test_machines(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    build_image(d);
    nt_of(d)->FileHeader.Machine = PE_MACHINE_I386;
    expect_error(d, sizeof d, "32-bit Windows programs are not supported");
    build_image(d);
    nt_of(d)->OptionalHeader.Magic = PE_OPT_MAGIC_PE32;
    expect_error(d, sizeof d, "32-bit Windows programs are not supported");
    build_image(d);
    nt_of(d)->FileHeader.Machine = PE_MACHINE_ARM64;
    expect_error(d, sizeof d, "ARM64");
    build_image(d);
    nt_of(d)->FileHeader.Machine = 0x1234;
    expect_error(d, sizeof d, "machine type 0x1234");
}

static void test_sections(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    build_image(d);
    expect_error(d, 0x300, "section .reloc extends past the end");
    build_image(d);
    nt_of(d)->FileHeader.NumberOfSections = 200;
    expect_error(d, sizeof d, "too many sections");
    build_image(d);
    nt_of(d)->FileHeader.NumberOfSections = 30;
    expect_error(d, sizeof d, "section table lies past");
    build_image(d);
    struct pe_section_header *s = (void *)(nt_of(d) + 1);
    s[0].VirtualAddress = 0x2f80;
    expect_error(d, sizeof d, "outside the image");
}

static void test_directories_and_sizes(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    build_image(d);
    nt_of(d)->OptionalHeader.DataDirectory[PE_DIR_IMPORT].VirtualAddress = 0x7fff0000;
    nt_of(d)->OptionalHeader.DataDirectory[PE_DIR_IMPORT].Size = 0x100;
    expect_error(d, sizeof d, "import directory lies outside");
    build_image(d);
    nt_of(d)->OptionalHeader.SizeOfImage = 0x90000000;
    expect_error(d, sizeof d, "implausible SizeOfImage");
    build_image(d);
    nt_of(d)->OptionalHeader.AddressOfEntryPoint = 0x5000;
    expect_error(d, sizeof d, "entry point");
    build_image(d);
    nt_of(d)->OptionalHeader.SectionAlignment = 0x1001;
    expect_error(d, sizeof d, "alignment");
    build_image(d);
    nt_of(d)->OptionalHeader.ImageBase = 0x140001000;
    expect_error(d, sizeof d, "64 KiB");
}

/* Every single-byte corruption of the headers is either accepted or
 * refused with a message: never a crash (run under ASan for reads). */
static void test_every_header_byte(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    for (size_t i = 0; i < 0x200; i++) {
        for (int v = 0; v < 3; v++) {
            build_image(d);
            d[i] = (uint8_t)(v == 0 ? 0 : v == 1 ? 0xff : d[i] ^ 0x80);
            struct pe_file pe;
            char err[256] = "";
            if (pe_parse(d, sizeof d, &pe, err, sizeof err))
                assert_true(err[0] != 0);
        }
    }
}

static void test_relocate(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    build_image(d);
    /* A mapped copy: headers at 0, .text at 0x1000, .reloc at 0x2000. */
    static uint8_t img[0x3000];
    memset(img, 0, sizeof img);
    memcpy(img, d, 0x200);
    memcpy(img + 0x2000, d + 0x400, 12);
    uint64_t v64 = 0x140001234;
    uint32_t v32 = 0x40005678;
    memcpy(img + 0x1010, &v64, 8);
    memcpy(img + 0x1020, &v32, 4);
    char err[256];
    assert_int_equal(pe_relocate(img, sizeof img, 0x10000, err, sizeof err), 0);
    memcpy(&v64, img + 0x1010, 8);
    memcpy(&v32, img + 0x1020, 4);
    assert_true(v64 == 0x140011234ull);
    assert_int_equal(v32, 0x40015678);
}

static void test_relocate_out_of_bounds(void **state)
{
    (void)state;
    _Alignas(8) uint8_t d[FILE_SIZE];
    build_image(d);
    static uint8_t img[0x3000];
    memset(img, 0, sizeof img);
    memcpy(img, d, 0x200);
    memcpy(img + 0x2000, d + 0x400, 12);
    struct pe_base_relocation *b = (void *)(img + 0x2000);
    b->VirtualAddress = 0x2ff8; /* +0x10 runs past the image */
    char err[256] = "";
    assert_int_equal(pe_relocate(img, sizeof img, 0x10000, err, sizeof err), -1);
    assert_non_null(strstr(err, "outside the image"));
    b->VirtualAddress = 0x1000;
    b->SizeOfBlock = 4;
    assert_int_equal(pe_relocate(img, sizeof img, 0x10000, err, sizeof err), -1);
    assert_non_null(strstr(err, "malformed relocation block"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_not_mz),
        cmocka_unit_test(test_tiny),
        cmocka_unit_test(test_bad_signature),
        cmocka_unit_test(test_machines),
        cmocka_unit_test(test_sections),
        cmocka_unit_test(test_directories_and_sizes),
        cmocka_unit_test(test_every_header_byte),
        cmocka_unit_test(test_relocate),
        cmocka_unit_test(test_relocate_out_of_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
