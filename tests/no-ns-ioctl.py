# SPDX-License-Identifier: 0BSD
"""no-ns-ioctl.py COMMAND [ARG]...: run COMMAND where every NS_GET_* ioctl
fails with ENOTTY, as on a kernel before 4.9 (a seccomp filter; x86_64)."""
import ctypes
import os
import struct
import sys

LD_ABS, JEQ, AND, RET = 0x20, 0x15, 0x54, 0x06
ALLOW, ENOTTY = 0x7FFF0000, 0x00050000 | 25
prog = [
    (LD_ABS, 0, 0, 4),              # arch
    (JEQ, 0, 6, 0xC000003E),        # AUDIT_ARCH_X86_64, else allow
    (LD_ABS, 0, 0, 0),              # syscall number
    (JEQ, 0, 4, 16),                # ioctl, else allow
    (LD_ABS, 0, 0, 24),             # its request (low half of args[1])
    (AND, 0, 0, 0xFFFFFF00),
    (JEQ, 0, 1, 0xB700),            # _IO(NSIO, n)
    (RET, 0, 0, ENOTTY),
    (RET, 0, 0, ALLOW),
]
code = b"".join(struct.pack("HBBI", *i) for i in prog)
buf = ctypes.create_string_buffer(code)
fprog = struct.pack("H6xQ", len(prog), ctypes.addressof(buf))  # struct sock_fprog
fbuf = ctypes.create_string_buffer(fprog)
libc = ctypes.CDLL(None, use_errno=True)
libc.prctl.argtypes = [ctypes.c_int] + [ctypes.c_ulong] * 4
if libc.prctl(38, 1, 0, 0, 0) or libc.prctl(22, 2, ctypes.addressof(fbuf), 0, 0):
    sys.exit("no-ns-ioctl: prctl: " + os.strerror(ctypes.get_errno()))
os.execvp(sys.argv[1], sys.argv[1:])
