// MSVC's C++ exceptions and RTTI (x64 FuncInfo tables, __CxxFrameHandler3),
// compiled by clang for the MSVC target: throw and catch by value, by
// reference and by pointer, base classes (multiple and virtual), catch (...),
// rethrow, exceptions thrown and caught inside catch blocks, destructors
// while unwinding, typeid and dynamic_cast. No MSVC headers: the few
// declarations are here.
extern "C" int printf(const char *, ...);
class type_info { public: virtual ~type_info(); const char *name() const; const char *raw_name() const; int operator==(const type_info &) const; int before(const type_info &) const; private: void *data; char dname[1]; };
namespace std { using ::type_info; }
extern "C" bool __uncaught_exception();
struct Obj { int id; Obj(int i):id(i){ printf("ctor %d\n", id);} Obj(const Obj &o):id(o.id+100){ printf("copy %d\n", id);} ~Obj(){ printf("dtor %d uncaught=%d\n", id, (int)__uncaught_exception());} };
struct A { int a = 10; virtual ~A(){} };
struct B { int b = 20; virtual ~B(){} };
struct C : A, B { int c = 30; };
struct V { int v = 40; virtual ~V(){} };
struct D1 : virtual V { int d1 = 1; };
struct D2 : virtual V { int d2 = 2; };
struct E : D1, D2 { int e = 50; };
enum Color { Red };
__declspec(noinline) void level3(int k) { Obj o(300 + k); if (k == 1) throw C(); if (k == 2) throw E(); if (k == 3) throw new C(); if (k == 4) throw Obj(9); }
__declspec(noinline) void level2(int k) { Obj o(200 + k); level3(k); printf("not reached\n"); }
__declspec(noinline) int level1(int k) {
    Obj o(100 + k);
    try {
        Obj inner(150 + k);
        level2(k);
    } catch (B &b) {
        printf("level1 caught B& b=%d\n", b.b);
        try { Obj x(160); throw 7; } catch (int i) { printf("nested in catch: %d\n", i); }
        try { throw; } catch (A &a) { printf("rethrown caught as A& a=%d\n", a.a); }
        throw 3.5;
    }
    return 0;
}
int main() {
    try { level1(1); } catch (double d) { printf("main caught double %g\n", d); }
    try { level2(2); } catch (V &v) { printf("caught V& v=%d\n", v.v); }
    try { level2(2); } catch (D2 d) { printf("caught D2 by value d2=%d v=%d\n", d.d2, d.v); }
    try { level2(3); } catch (B *b) { printf("caught B* b=%d\n", b->b); delete b; }
    try { level2(4); } catch (...) { printf("caught ... \n"); }
    try {
        try { level2(4); } catch (Obj &o) { printf("caught Obj& %d, rethrow\n", o.id); throw; }
    } catch (Obj o) { printf("outer caught Obj %d\n", o.id); }
    try { throw Red; } catch (Color c) { printf("enum %d\n", (int)c); }
    C c; A *pa = &c; B *pb = &c;
    printf("typeid %s | %s | %s | %s | %s\n", typeid(*pa).name(), typeid(int).name(), typeid(const char *).name(), typeid(Color).name(), typeid(unsigned long long).name());
    printf("raw %s\n", typeid(*pb).raw_name());
    printf("eq %d\n", typeid(*pa) == typeid(C));
    printf("dyn A->C %d, A->B %d (b=%d), B->A %d\n", dynamic_cast<C *>(pa) == &c, dynamic_cast<B *>(pa) == pb, dynamic_cast<B *>(pa)->b, dynamic_cast<A *>(pb) == pa);
    A a; printf("dyn fail %d\n", dynamic_cast<C *>(&a) == nullptr);
    E e; V *pv = &e; printf("dyn V->D2 %d void %d\n", dynamic_cast<D2 *>(pv)->d2, dynamic_cast<void *>(pv) == (void *)&e);
    printf("done\n");
    return 0;
}
