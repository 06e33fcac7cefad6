/* C++ exceptions of MinGW's g++ (libgcc's SEH personality over
 * RaiseException, RtlUnwindEx and RtlVirtualUnwind): the C++ part is
 * seh_cxx_body.cpp. */
int seh_cxx_run(void);

int main(void)
{
    return seh_cxx_run();
}
