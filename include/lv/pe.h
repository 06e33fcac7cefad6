/* PE32+ on-disk structures (Microsoft PE/COFF specification). Only the
 * fields lvrun reads are named; layouts are exact. */
#ifndef LV_PE_H
#define LV_PE_H

#include <stdint.h>

#define PE_DOS_MAGIC 0x5a4d           /* "MZ" */
#define PE_NT_SIGNATURE 0x00004550    /* "PE\0\0" */
#define PE_OPT_MAGIC_PE32 0x10b
#define PE_OPT_MAGIC_PE32PLUS 0x20b

#define PE_MACHINE_I386 0x014c
#define PE_MACHINE_AMD64 0x8664
#define PE_MACHINE_ARM64 0xaa64
#define PE_MACHINE_ARMNT 0x01c4

#define PE_FILE_DLL 0x2000
#define PE_FILE_RELOCS_STRIPPED 0x0001

#define PE_SUBSYSTEM_WINDOWS_GUI 2
#define PE_SUBSYSTEM_WINDOWS_CUI 3

#define PE_DLLCHAR_DYNAMIC_BASE 0x0040

#define PE_SCN_CNT_CODE 0x00000020
#define PE_SCN_CNT_INITIALIZED_DATA 0x00000040
#define PE_SCN_CNT_UNINITIALIZED_DATA 0x00000080
#define PE_SCN_MEM_EXECUTE 0x20000000
#define PE_SCN_MEM_READ 0x40000000
#define PE_SCN_MEM_WRITE 0x80000000

enum pe_dir {
    PE_DIR_EXPORT = 0,
    PE_DIR_IMPORT = 1,
    PE_DIR_RESOURCE = 2,
    PE_DIR_EXCEPTION = 3,
    PE_DIR_SECURITY = 4,
    PE_DIR_BASERELOC = 5,
    PE_DIR_DEBUG = 6,
    PE_DIR_TLS = 9,
    PE_DIR_LOAD_CONFIG = 10,
    PE_DIR_IAT = 12,
    PE_DIR_DELAY_IMPORT = 13,
    PE_DIR_CLR = 14,
    PE_DIR_COUNT = 16
};

#define PE_REL_ABSOLUTE 0
#define PE_REL_HIGH 1
#define PE_REL_LOW 2
#define PE_REL_HIGHLOW 3
#define PE_REL_HIGHADJ 4
#define PE_REL_DIR64 10

#define PE_ORDINAL_FLAG64 0x8000000000000000ull

struct pe_dos_header {
    uint16_t e_magic;
    uint16_t e_unused[29];
    int32_t e_lfanew;
};

struct pe_file_header {
    uint16_t Machine;
    uint16_t NumberOfSections;
    uint32_t TimeDateStamp;
    uint32_t PointerToSymbolTable;
    uint32_t NumberOfSymbols;
    uint16_t SizeOfOptionalHeader;
    uint16_t Characteristics;
};

struct pe_data_dir {
    uint32_t VirtualAddress;
    uint32_t Size;
};

/* Headers that hold 64-bit fields but need only 4-byte alignment in a
 * file (e_lfanew is a multiple of 4): packed, aligned to 4, with the same
 * offsets. */
#define PE_ALIGN4 __attribute__((packed, aligned(4)))

struct PE_ALIGN4 pe_optional_header64 {
    uint16_t Magic;
    uint8_t MajorLinkerVersion, MinorLinkerVersion;
    uint32_t SizeOfCode;
    uint32_t SizeOfInitializedData;
    uint32_t SizeOfUninitializedData;
    uint32_t AddressOfEntryPoint;
    uint32_t BaseOfCode;
    uint64_t ImageBase;
    uint32_t SectionAlignment;
    uint32_t FileAlignment;
    uint16_t MajorOperatingSystemVersion, MinorOperatingSystemVersion;
    uint16_t MajorImageVersion, MinorImageVersion;
    uint16_t MajorSubsystemVersion, MinorSubsystemVersion;
    uint32_t Win32VersionValue;
    uint32_t SizeOfImage;
    uint32_t SizeOfHeaders;
    uint32_t CheckSum;
    uint16_t Subsystem;
    uint16_t DllCharacteristics;
    uint64_t SizeOfStackReserve;
    uint64_t SizeOfStackCommit;
    uint64_t SizeOfHeapReserve;
    uint64_t SizeOfHeapCommit;
    uint32_t LoaderFlags;
    uint32_t NumberOfRvaAndSizes;
    struct pe_data_dir DataDirectory[PE_DIR_COUNT];
};

struct PE_ALIGN4 pe_nt_headers64 {
    uint32_t Signature;
    struct pe_file_header FileHeader;
    struct pe_optional_header64 OptionalHeader;
};

/* The section table follows an optional header of any size: no alignment
 * may be assumed. */
struct __attribute__((packed)) pe_section_header {
    char Name[8];
    uint32_t VirtualSize;
    uint32_t VirtualAddress;
    uint32_t SizeOfRawData;
    uint32_t PointerToRawData;
    uint32_t PointerToRelocations;
    uint32_t PointerToLinenumbers;
    uint16_t NumberOfRelocations;
    uint16_t NumberOfLinenumbers;
    uint32_t Characteristics;
};

struct pe_import_descriptor {
    uint32_t OriginalFirstThunk; /* RVA of the lookup table (names) */
    uint32_t TimeDateStamp;
    uint32_t ForwarderChain;
    uint32_t Name;
    uint32_t FirstThunk;         /* RVA of the IAT */
};

struct pe_delay_descriptor {
    uint32_t Attributes;
    uint32_t DllNameRVA;
    uint32_t ModuleHandleRVA;
    uint32_t ImportAddressTableRVA;
    uint32_t ImportNameTableRVA;
    uint32_t BoundImportAddressTableRVA;
    uint32_t UnloadInformationTableRVA;
    uint32_t TimeDateStamp;
};

struct pe_export_directory {
    uint32_t Characteristics;
    uint32_t TimeDateStamp;
    uint16_t MajorVersion, MinorVersion;
    uint32_t Name;
    uint32_t Base;
    uint32_t NumberOfFunctions;
    uint32_t NumberOfNames;
    uint32_t AddressOfFunctions;
    uint32_t AddressOfNames;
    uint32_t AddressOfNameOrdinals;
};

struct PE_ALIGN4 pe_tls_directory64 {
    uint64_t StartAddressOfRawData;
    uint64_t EndAddressOfRawData;
    uint64_t AddressOfIndex;
    uint64_t AddressOfCallBacks;
    uint32_t SizeOfZeroFill;
    uint32_t Characteristics;
};

struct pe_base_relocation {
    uint32_t VirtualAddress;
    uint32_t SizeOfBlock;
};

struct pe_runtime_function {
    uint32_t BeginAddress;
    uint32_t EndAddress;
    uint32_t UnwindData;
};

struct pe_resource_directory {
    uint32_t Characteristics;
    uint32_t TimeDateStamp;
    uint16_t MajorVersion, MinorVersion;
    uint16_t NumberOfNamedEntries;
    uint16_t NumberOfIdEntries;
};

struct pe_resource_directory_entry {
    uint32_t Name;
    uint32_t OffsetToData;
};

struct pe_resource_data_entry {
    uint32_t OffsetToData;
    uint32_t Size;
    uint32_t CodePage;
    uint32_t Reserved;
};

#endif
