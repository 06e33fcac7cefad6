/* The resource tree walk on trees built here: found when whole, and an
 * error, never a read outside, when truncated or garbled. Each tree is
 * copied into a buffer of exactly its size so that a sanitizer build
 * sees any overrun. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "lv/pe_resource.h"

#define IMAGE_SIZE 0x1000
#define DIR_RVA 0x100
#define TREE_SIZE 0x5c

static uint8_t g_image[IMAGE_SIZE];

static void put32(uint8_t *t, size_t off, uint32_t v)
{
    memcpy(t + off, &v, 4);
}

/* type 10 / name 1 / language 0x409 -> "abcd" */
static void build_tree(uint8_t *t)
{
    memset(t, 0, TREE_SIZE);
    t[14] = 1;                      /* root: one ID entry */
    put32(t, 16, 10);
    put32(t, 20, 0x80000018);
    t[0x18 + 14] = 1;               /* names */
    put32(t, 0x18 + 16, 1);
    put32(t, 0x18 + 20, 0x80000030);
    t[0x30 + 14] = 1;               /* languages */
    put32(t, 0x30 + 16, 0x409);
    put32(t, 0x30 + 20, 0x48);
    put32(t, 0x48, DIR_RVA + 0x58); /* data entry */
    put32(t, 0x4c, 4);
    memcpy(t + 0x58, "abcd", 4);
    memcpy(g_image + DIR_RVA, t, TREE_SIZE);
}

static const struct pe_res_key type10 = { .id = 10 }, name1 = { .id = 1 };
static const uint16_t neutral[] = { 0 };

/* Look up type 10 / name 1 in a copy of size bytes of tree t. */
static enum pe_res_status find_in(const uint8_t *t, uint32_t size, const void **data)
{
    uint8_t *copy = malloc(size ? size : 1);
    memcpy(copy, t, size);
    struct pe_resources r;
    pe_resources_of_image(&r, g_image, IMAGE_SIZE, copy, size);
    const struct pe_resource_data_entry *e;
    enum pe_res_status st = pe_resource_find(&r, &type10, &name1, neutral, 1, &e);
    *data = NULL;
    if (st == PE_RES_OK) {
        uint32_t n;
        *data = pe_resource_data(&r, e, &n);
        if (*data)
            assert_true((const uint8_t *)*data + n <= g_image + IMAGE_SIZE);
    }
    free(copy);
    return st;
}

static void test_whole(void **state)
{
    (void)state;
    uint8_t t[TREE_SIZE];
    build_tree(t);
    const void *data;
    assert_int_equal(find_in(t, TREE_SIZE, &data), PE_RES_OK);
    assert_memory_equal(data, "abcd", 4);

    struct pe_resources r;
    pe_resources_of_image(&r, g_image, IMAGE_SIZE, t, TREE_SIZE);
    const struct pe_resource_data_entry *e;
    struct pe_res_key other = { .id = 11 };
    assert_int_equal(pe_resource_find(&r, &other, &name1, neutral, 1, &e), PE_RES_NO_TYPE);
    assert_int_equal(pe_resource_find(&r, &type10, &other, neutral, 1, &e), PE_RES_NO_NAME);
    pe_resources_of_image(&r, g_image, IMAGE_SIZE, NULL, 0);
    assert_int_equal(pe_resource_find(&r, &type10, &name1, neutral, 1, &e), PE_RES_NO_DATA);
}

static void test_truncated(void **state)
{
    (void)state;
    uint8_t t[TREE_SIZE];
    build_tree(t);
    const void *data;
    /* The data entry ends at 0x58; the bytes after it are reached by RVA. */
    for (uint32_t size = 0; size < 0x58; size++)
        assert_int_equal(find_in(t, size, &data), PE_RES_BAD);
}

static void test_garbled(void **state)
{
    (void)state;
    uint8_t t[TREE_SIZE];
    const void *data;

    build_tree(t);
    t[14] = 0xff, t[15] = 0xff;           /* entry count past the end */
    assert_int_equal(find_in(t, TREE_SIZE, &data), PE_RES_BAD);
    build_tree(t);
    put32(t, 20, 0x8000fff0);             /* subdirectory past the end */
    assert_int_equal(find_in(t, TREE_SIZE, &data), PE_RES_BAD);
    build_tree(t);
    put32(t, 16, 0x8000fff0);             /* name string past the end */
    assert_int_equal(find_in(t, TREE_SIZE, &data), PE_RES_BAD);
    build_tree(t);
    put32(t, 0x4c, 0xffffffff);           /* data larger than the image */
    assert_int_equal(find_in(t, TREE_SIZE, &data), PE_RES_OK);
    assert_null(data);

    /* Every byte set to each of a few values: no crash, no data outside. */
    static const uint8_t values[] = { 0x00, 0x01, 0x7f, 0x80, 0xff };
    for (size_t i = 0; i < TREE_SIZE; i++)
        for (size_t v = 0; v < sizeof values; v++) {
            build_tree(t);
            t[i] = values[v];
            find_in(t, TREE_SIZE, &data);
        }
}

static int count_entry(const struct pe_res_key *k, void *ctx)
{
    (void)k;
    ++*(int *)ctx;
    return 0;
}

static void test_enum_and_foreign_entry(void **state)
{
    (void)state;
    uint8_t t[TREE_SIZE];
    build_tree(t);
    struct pe_resources r;
    pe_resources_of_image(&r, g_image, IMAGE_SIZE, t, TREE_SIZE);
    int n = 0, stopped;
    assert_int_equal(pe_resource_enum(&r, NULL, 0, count_entry, &n, &stopped), PE_RES_OK);
    assert_int_equal(n, 1);
    struct pe_res_key path[2] = { type10, name1 };
    assert_int_equal(pe_resource_enum(&r, path, 2, count_entry, &n, &stopped), PE_RES_OK);
    assert_int_equal(n, 2);
    t[0x18 + 14] = 0xff;
    assert_int_equal(pe_resource_enum(&r, path, 2, count_entry, &n, &stopped), PE_RES_BAD);

    /* An HRSRC that is not a data entry of this tree is refused. */
    struct pe_resource_data_entry outside = { DIR_RVA + 0x58, 4, 0, 0 };
    assert_null(pe_resource_data(&r, &outside, NULL));
    assert_null(pe_resource_data(&r, (const void *)(t + 0x4a), NULL));
}

static void test_not_a_pe(void **state)
{
    (void)state;
    static const uint8_t text[] = "just some text, not an executable";
    struct pe_resources r;
    char err[128];
    assert_int_equal(pe_resources_of_file(&r, text, sizeof text, err, sizeof err), PE_RES_BAD);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_garbled),
        cmocka_unit_test(test_enum_and_foreign_entry),
        cmocka_unit_test(test_not_a_pe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
