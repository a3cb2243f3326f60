/* Test-only stand-in for bcryptprimitives.dll under Wine 8.0, which lacks ProcessPrng.
   Rust's standard library on Windows imports ProcessPrng (Windows 10 and 11 have it), so
   every Rust program fails to start under Debian 12's Wine (status c0000135) without this.
   It fills the buffer from RtlGenRandom (advapi32's SystemFunction036), in pieces a ULONG
   can count. Never shipped: tests/windows/wine-cli.sh puts it beside a copy of the program. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG piece = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, piece)) return FALSE;
        data += piece;
        length -= piece;
    }
    return TRUE;
}
