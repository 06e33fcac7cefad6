// throw and catch across frames, destructors run during unwinding,
// catch (...), rethrow, and an exception through a destructor-only frame.
#include <cstdio>
#include <stdexcept>

struct Guard {
    const char *name;
    explicit Guard(const char *n) : name(n) {}
    ~Guard()
    {
        if (name)
            std::printf("destroy %s\n", name);
    }
};

struct Custom {
    int v;
};

static __attribute__((noinline)) int depth3(int x)
{
    Guard g(x < 4 ? "depth3" : nullptr);
    if (x > 2)
        throw std::runtime_error("too deep");
    return x;
}

static __attribute__((noinline)) int depth2(int x)
{
    Guard g("depth2");
    return depth3(x + 1) + 1;
}

static __attribute__((noinline)) int depth1(int x)
{
    Guard g("depth1");
    return depth2(x + 1) + 1;
}

extern "C" int seh_cxx_run(void)
{
    try {
        depth1(1);
        std::printf("not reached\n");
    } catch (const std::exception &e) {
        std::printf("caught: %s\n", e.what());
    }
    try {
        Guard g("scope");
        throw Custom{7};
    } catch (int) {
        std::printf("wrong handler\n");
    } catch (...) {
        std::printf("caught ...\n");
    }
    try {
        try {
            throw 5;
        } catch (int v) {
            std::printf("rethrowing %d\n", v);
            throw;
        }
    } catch (int v) {
        std::printf("outer caught %d\n", v);
    }
    int caught = 0;
    for (int i = 0; i < 100; i++) {
        try {
            depth3(3 + i);
        } catch (const std::runtime_error &) {
            caught++;
        }
        if (i == 0)
            std::printf("(quiet from here)\n");
    }
    std::printf("caught %d times\n", caught);
    std::fflush(stdout);
    return 3;
}
