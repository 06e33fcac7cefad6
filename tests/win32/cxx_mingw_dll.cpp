// A DLL built with MinGW's g++ that throws: its exceptions are caught by
// the program (cxx_mingw.cpp), across libstdc++-6.dll and libgcc_s_seh-1.dll.
#include <stdexcept>
#include <string>

__declspec(dllexport) void dll_throw(int v)
{
    if (v > 0)
        throw std::runtime_error("from dll " + std::to_string(v));
}
