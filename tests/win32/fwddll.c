/* A DLL whose exports are forwarders (see fwddll.def) plus one of its own. */
int fwddll_own(void)
{
    return 77;
}
