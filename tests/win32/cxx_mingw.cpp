// A g++ program linked against MinGW's C++ runtime DLLs, copied beside it:
// iostreams, std::string, an exception thrown in a DLL and caught here,
// static constructors and destructors in order, thread_local, and (with
// the posix thread model, the only one of GCC 12 with std::thread) threads,
// a mutex and a condition variable.
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>
#ifdef _GLIBCXX_HAS_GTHREADS
#include <condition_variable>
#include <thread>
#endif

void dll_throw(int v);

struct Named {
    const char *n;
    Named(const char *n) : n(n) { std::cout << "ctor " << n << "\n"; }
    ~Named() { std::cout << "dtor " << n << "\n"; }
};
static Named first("a"), second("b");
thread_local int tl = 5;

int main()
{
    std::string s = "hello";
    s += " world";
    std::cout << s << " " << s.size() << std::endl;
    try {
        dll_throw(3);
    } catch (const std::exception &e) {
        std::cout << "caught: " << e.what() << "\n";
    }
    try {
        throw 42;
    } catch (int v) {
        std::cout << "int " << v << "\n";
    }
#ifdef _GLIBCXX_HAS_GTHREADS
    std::mutex m;
    std::condition_variable cv;
    int count = 0;
    bool go = false;
    std::vector<std::thread> ts;
    for (int i = 0; i < 4; i++)
        ts.emplace_back([&, i] {
            tl += i;
            std::unique_lock<std::mutex> l(m);
            cv.wait(l, [&] { return go; });
            count += tl;
        });
    {
        std::lock_guard<std::mutex> l(m);
        go = true;
    }
    cv.notify_all();
    for (auto &t : ts)
        t.join();
    std::cout << "count " << count << " tl " << tl << "\n";
#endif
    return 0;
}
