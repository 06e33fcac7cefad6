#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "pe_image.h"

static const char *const dir_names[PE_DIR_COUNT] = {
    "export", "import", "resource", "exception", "security", "relocation",
    "debug", "architecture", "global pointer", "TLS", "load configuration",
    "bound import", "import address table", "delay-load import", "CLR",
    "reserved",
};

static int fail(char *err, size_t errsz, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsz, fmt, ap);
    va_end(ap);
    return -1;
}

static int is_power_of_two(uint32_t x)
{
    return x && !(x & (x - 1));
}

/* 32-bit and non-x64 images are named, since users meet them often. */
static int check_machine(const struct pe_file_header *fh, uint16_t magic,
                         char *err, size_t errsz)
{
    if (fh->Machine == PE_MACHINE_I386 || magic == PE_OPT_MAGIC_PE32)
        return fail(err, errsz, "32-bit Windows programs are not supported");
    if (fh->Machine == PE_MACHINE_ARM64)
        return fail(err, errsz, "ARM64 Windows programs are not supported");
    if (fh->Machine != PE_MACHINE_AMD64)
        return fail(err, errsz, "unsupported machine type 0x%04x", fh->Machine);
    if (magic != PE_OPT_MAGIC_PE32PLUS)
        return fail(err, errsz, "unknown optional header magic 0x%04x", magic);
    return 0;
}

static int check_sections(const struct pe_file *pe, char *err, size_t errsz)
{
    const struct pe_optional_header64 *opt = &pe->nt->OptionalHeader;
    for (unsigned i = 0; i < pe->nsections; i++) {
        const struct pe_section_header *s = &pe->sections[i];
        char name[9] = {0};
        memcpy(name, s->Name, 8);
        uint64_t vsize = s->VirtualSize ? s->VirtualSize : s->SizeOfRawData;
        if ((uint64_t)s->VirtualAddress + vsize > opt->SizeOfImage)
            return fail(err, errsz, "section %s lies outside the image "
                        "(SizeOfImage 0x%x)", name, opt->SizeOfImage);
        if (s->VirtualAddress % opt->SectionAlignment)
            return fail(err, errsz, "section %s is not aligned to 0x%x", name,
                        opt->SectionAlignment);
        if (s->VirtualAddress < opt->SizeOfHeaders && vsize)
            return fail(err, errsz, "section %s overlaps the headers", name);
        /* Windows accepts raw data that runs past the end of the file by
         * less than FileAlignment (the last section's padding); anything
         * more is a truncated or corrupt file. */
        uint64_t fa = opt->FileAlignment;
        uint64_t padded = (pe->size + fa - 1) / fa * fa;
        if (s->SizeOfRawData &&
            (uint64_t)s->PointerToRawData + s->SizeOfRawData > padded)
            return fail(err, errsz, "section %s extends past the end of "
                        "the file (truncated?)", name);
    }
    return 0;
}

static int check_dirs(const struct pe_file *pe, char *err, size_t errsz)
{
    const struct pe_optional_header64 *opt = &pe->nt->OptionalHeader;
    unsigned n = opt->NumberOfRvaAndSizes;
    if (n > PE_DIR_COUNT)
        n = PE_DIR_COUNT;
    for (unsigned i = 0; i < n; i++) {
        const struct pe_data_dir *d = &opt->DataDirectory[i];
        /* The security directory holds a file offset, not an RVA. */
        if (i == PE_DIR_SECURITY || !d->Size)
            continue;
        if ((uint64_t)d->VirtualAddress + d->Size > opt->SizeOfImage)
            return fail(err, errsz, "the %s directory lies outside the image",
                        dir_names[i]);
    }
    return 0;
}

int pe_parse(const uint8_t *data, size_t size, struct pe_file *pe,
             char *err, size_t errsz)
{
    memset(pe, 0, sizeof *pe);
    pe->data = data;
    pe->size = size;
    if (size < sizeof(struct pe_dos_header))
        return fail(err, errsz, "file too small to be an executable");
    const struct pe_dos_header *dos = (const void *)data;
    if (dos->e_magic != PE_DOS_MAGIC)
        return fail(err, errsz, "not a Windows executable (no MZ header)");
    uint64_t nt_off = (uint32_t)dos->e_lfanew;
    size_t fixed = offsetof(struct pe_nt_headers64, OptionalHeader);
    if (dos->e_lfanew < 0 || nt_off + fixed + 2 > size)
        return fail(err, errsz, "truncated file: the PE header lies past its end");
    if (nt_off % 4)
        return fail(err, errsz, "misaligned PE header offset 0x%llx",
                    (unsigned long long)nt_off);
    const struct pe_nt_headers64 *nt = (const void *)(data + nt_off);
    if (nt->Signature != PE_NT_SIGNATURE)
        return fail(err, errsz, "not a PE image (MS-DOS program?)");
    if (check_machine(&nt->FileHeader, nt->OptionalHeader.Magic, err, errsz))
        return -1;
    size_t opt_min = offsetof(struct pe_optional_header64, DataDirectory);
    uint16_t optsize = nt->FileHeader.SizeOfOptionalHeader;
    if (optsize < opt_min)
        return fail(err, errsz, "optional header too small (%u bytes)", optsize);
    if (nt_off + fixed + sizeof(struct pe_optional_header64) > size)
        return fail(err, errsz, "truncated file: the optional header lies past its end");
    pe->nt = nt;
    const struct pe_optional_header64 *opt = &nt->OptionalHeader;
    if (optsize < opt_min + opt->NumberOfRvaAndSizes * sizeof(struct pe_data_dir) &&
        opt->NumberOfRvaAndSizes <= PE_DIR_COUNT)
        return fail(err, errsz, "optional header too small for its %u data "
                    "directories", opt->NumberOfRvaAndSizes);
    if (!is_power_of_two(opt->SectionAlignment) || !is_power_of_two(opt->FileAlignment))
        return fail(err, errsz, "bad section or file alignment");
    if (opt->SizeOfImage == 0 || opt->SizeOfImage > (1u << 31))
        return fail(err, errsz, "implausible SizeOfImage 0x%x", opt->SizeOfImage);
    if (opt->SizeOfHeaders > opt->SizeOfImage || opt->SizeOfHeaders > size)
        return fail(err, errsz, "SizeOfHeaders 0x%x exceeds the image or the file",
                    opt->SizeOfHeaders);
    if (opt->AddressOfEntryPoint >= opt->SizeOfImage)
        return fail(err, errsz, "entry point 0x%x lies outside the image",
                    opt->AddressOfEntryPoint);
    if (opt->ImageBase % 0x10000)
        return fail(err, errsz, "image base 0x%llx is not 64 KiB aligned",
                    (unsigned long long)opt->ImageBase);
    uint64_t sec_off = nt_off + fixed + optsize;
    pe->nsections = nt->FileHeader.NumberOfSections;
    if (pe->nsections > 96)
        return fail(err, errsz, "too many sections (%u)", pe->nsections);
    if (sec_off + (uint64_t)pe->nsections * sizeof(struct pe_section_header) > size)
        return fail(err, errsz, "truncated file: the section table lies past its end");
    pe->sections = (const void *)(data + sec_off);
    if (check_sections(pe, err, errsz) || check_dirs(pe, err, errsz))
        return -1;
    return 0;
}
