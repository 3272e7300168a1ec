"""Kernel-level confinement of the sandbox child: namespaces, Landlock and seccomp.

The child calls :func:`confine` once, single-threaded, before any user code runs.
Each layer is best effort: a kernel that lacks it leaves the layer off, and the
outcome names every layer with ``"on"`` or the reason it is off, so that callers can
see what actually protected a run. Everything here is stdlib plus ``ctypes`` because
the child runs with ``-I -S`` and must start fast.

The layers, in the order they are applied:

* ``no_new_privs`` - required by Landlock and seccomp for unprivileged callers.
* ``network_namespace`` - ``unshare(CLONE_NEWUSER | CLONE_NEWNET)``: the child gets
  its own network stack with only a loopback interface that is down, so even a raw
  ``connect`` to ``127.0.0.1`` of the host fails.
* ``landlock`` - file access limited to read-only roots (the interpreter, the
  installed libraries, the shared libraries they load) plus the read-write working
  directory; TCP bind/connect and signals to processes outside the sandbox are
  denied where the kernel's Landlock ABI supports it.
* ``seccomp`` - a BPF filter. Process creation (``fork``, ``vfork``, ``clone``
  without ``CLONE_THREAD``, ``execve``), ``ptrace``, ``io_uring``, ``bpf``, mounting
  and namespace changes kill the process with ``SIGSYS``, which the parent reports
  as a policy violation: these calls only happen when code got past the audit hook.
  Socket calls fail with ``EPERM`` instead, because glibc's name-service code tries
  a socket and then falls back to files. Threads stay allowed because OpenBLAS and
  friends create them.
"""

from __future__ import annotations

import ctypes
import os
import struct
from typing import TypedDict

__all__ = ["confine", "seccomp_program"]

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_CLONE_THREAD = 0x00010000
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2

_EPERM = 1
_ENOSYS = 38


# Syscall numbers per architecture: the AUDIT_ARCH value, the calls answered EPERM,
# the calls that kill the process, clone (allowed only for threads) and clone3
# (answered ENOSYS so glibc falls back to clone, whose flags a BPF filter can inspect).
class _SyscallTable(TypedDict):
    audit_arch: int
    clone: int
    clone3: int
    landlock: tuple[int, int, int]  # create_ruleset, add_rule, restrict_self
    eperm: dict[str, int]
    kill: dict[str, int]


# fmt: off
_ARCHES: dict[str, _SyscallTable] = {
    "x86_64": {
        "audit_arch": 0xC000003E,
        "clone": 56,
        "clone3": 435,
        "landlock": (444, 445, 446),
        "eperm": {"socket": 41, "socketpair": 53, "connect": 42, "bind": 49},
        "kill": {
            "fork": 57, "vfork": 58, "execve": 59, "execveat": 322, "ptrace": 101,
            "process_vm_readv": 310, "process_vm_writev": 311,
            "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
            "bpf": 321, "perf_event_open": 298, "userfaultfd": 323,
            "unshare": 272, "setns": 308, "mount": 165, "umount2": 166,
            "pivot_root": 155, "chroot": 161, "kexec_load": 246, "init_module": 175,
            "finit_module": 313, "add_key": 248, "request_key": 249, "keyctl": 250,
            "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431,
            "fsmount": 432, "fspick": 433, "mount_setattr": 442,
        },
    },
    "aarch64": {
        "audit_arch": 0xC00000B7,
        "clone": 220,
        "clone3": 435,
        "landlock": (444, 445, 446),
        "eperm": {"socket": 198, "socketpair": 199, "connect": 203, "bind": 200},
        "kill": {
            "execve": 221, "execveat": 281, "ptrace": 117, "process_vm_readv": 270,
            "process_vm_writev": 271, "io_uring_setup": 425, "io_uring_enter": 426,
            "io_uring_register": 427, "bpf": 280, "perf_event_open": 241,
            "userfaultfd": 282, "unshare": 97, "setns": 268, "mount": 40, "umount2": 39,
            "pivot_root": 41, "chroot": 51, "kexec_load": 104, "init_module": 105,
            "finit_module": 273, "add_key": 217, "request_key": 218, "keyctl": 219,
            "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431,
            "fsmount": 432, "fspick": 433, "mount_setattr": 442,
        },
    },
}

# fmt: on

# Landlock filesystem rights (linux/landlock.h); later ABIs add the last ones.
_LL_EXECUTE = 1 << 0
_LL_WRITE_FILE = 1 << 1
_LL_READ_FILE = 1 << 2
_LL_READ_DIR = 1 << 3
_LL_ABI1_ALL = (1 << 13) - 1
_LL_REFER = 1 << 13
_LL_TRUNCATE = 1 << 14
_LL_IOCTL_DEV = 1 << 15
_LL_FILE_ONLY = _LL_EXECUTE | _LL_WRITE_FILE | _LL_READ_FILE | _LL_TRUNCATE | _LL_IOCTL_DEV
_LL_NET_ALL = (1 << 0) | (1 << 1)
_LL_SCOPE_ALL = (1 << 0) | (1 << 1)
_LL_RULE_PATH_BENEATH = 1
_LL_CREATE_RULESET_VERSION = 1


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _errno_text() -> str:
    return os.strerror(ctypes.get_errno())


def _stmt(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k)


def seccomp_program(arch: str) -> bytes:
    """Return the BPF filter for ``arch`` as packed ``struct sock_filter`` entries.

    >>> len(seccomp_program("x86_64")) % 8
    0
    """
    table = _ARCHES[arch]
    ld_w_abs, jeq_k, jge_k, jset_k, ret_k = 0x20, 0x15, 0x35, 0x45, 0x06
    allow, kill = 0x7FFF0000, 0x80000000
    eperm, enosys = 0x00050000 | _EPERM, 0x00050000 | _ENOSYS
    # Kill on an unexpected arch too: its syscall numbers mean other things.
    prog = [
        _stmt(ld_w_abs, 0, 0, 4),  # seccomp_data.arch
        _stmt(jeq_k, 1, 0, table["audit_arch"]),
        _stmt(ret_k, 0, 0, kill),
        _stmt(ld_w_abs, 0, 0, 0),  # seccomp_data.nr
    ]
    if arch == "x86_64":
        # The x32 ABI reuses the x86_64 audit arch with this bit set; refuse it all.
        prog += [_stmt(jge_k, 0, 1, 0x40000000), _stmt(ret_k, 0, 0, kill)]
    prog += [_stmt(jeq_k, 0, 1, table["clone3"]), _stmt(ret_k, 0, 0, enosys)]
    for action, numbers in ((eperm, table["eperm"]), (kill, table["kill"])):
        for number in numbers.values():
            prog += [_stmt(jeq_k, 0, 1, number), _stmt(ret_k, 0, 0, action)]
    prog += [
        _stmt(jeq_k, 0, 3, table["clone"]),
        _stmt(ld_w_abs, 0, 0, 16),  # low 32 bits of args[0], the clone flags
        _stmt(jset_k, 1, 0, _CLONE_THREAD),
        _stmt(ret_k, 0, 0, kill),
        _stmt(ret_k, 0, 0, allow),
    ]
    return b"".join(prog)


def _install_seccomp(libc: ctypes.CDLL, arch: str) -> str:
    if arch not in _ARCHES:
        return f"off: no syscall table for {arch}"
    raw = seccomp_program(arch)
    buf = ctypes.create_string_buffer(raw, len(raw))

    class _Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = _Prog(len(raw) // 8, ctypes.addressof(buf))
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        return f"off: {_errno_text()}"
    return "on"


def _install_landlock(
    libc: ctypes.CDLL, arch: str, read_paths: list[str], write_paths: list[str]
) -> str:
    if arch not in _ARCHES:
        return f"off: no syscall table for {arch}"
    create, add_rule, restrict = _ARCHES[arch]["landlock"]
    libc.syscall.restype = ctypes.c_long
    abi = libc.syscall(
        ctypes.c_long(create), None, ctypes.c_size_t(0), ctypes.c_uint32(_LL_CREATE_RULESET_VERSION)
    )
    if abi < 1:
        return f"off: Landlock unavailable ({_errno_text()})"
    fs_all = _LL_ABI1_ALL
    if abi >= 2:
        fs_all |= _LL_REFER
    if abi >= 3:
        fs_all |= _LL_TRUNCATE
    if abi >= 5:
        fs_all |= _LL_IOCTL_DEV
    fields = [fs_all]
    if abi >= 4:
        fields.append(_LL_NET_ALL)  # handled with no rule: every TCP bind/connect denied
    if abi >= 6:
        fields.append(_LL_SCOPE_ALL)  # no signals or abstract sockets outside the sandbox
    attr = struct.pack(f"={len(fields)}Q", *fields)
    ruleset = libc.syscall(
        ctypes.c_long(create), attr, ctypes.c_size_t(len(attr)), ctypes.c_uint32(0)
    )
    if ruleset < 0:
        return f"off: landlock_create_ruleset failed ({_errno_text()})"
    read_rights = _LL_EXECUTE | _LL_READ_FILE | _LL_READ_DIR
    try:
        for paths, rights in ((read_paths, read_rights), (write_paths, fs_all)):
            for path in paths:
                try:
                    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
                except OSError:
                    continue  # a root that does not exist on this machine
                try:
                    allowed = rights
                    if not os.path.isdir(path):
                        allowed &= _LL_FILE_ONLY
                    rule = struct.pack("=Qi", allowed, fd)
                    if (
                        libc.syscall(
                            ctypes.c_long(add_rule),
                            ctypes.c_int(ruleset),
                            ctypes.c_int(_LL_RULE_PATH_BENEATH),
                            rule,
                            ctypes.c_uint32(0),
                        )
                        != 0
                    ):
                        return f"off: landlock_add_rule({path}) failed ({_errno_text()})"
                finally:
                    os.close(fd)
        if libc.syscall(ctypes.c_long(restrict), ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return f"off: landlock_restrict_self failed ({_errno_text()})"
    finally:
        os.close(ruleset)
    return f"on (ABI {abi})"


def confine(
    read_paths: list[str],
    write_paths: list[str],
    *,
    network: bool = True,
    landlock: bool = True,
    seccomp: bool = True,
) -> dict[str, str]:
    """Apply every available kernel layer to the calling (single-threaded) process.

    Returns a mapping from layer name to ``"on..."`` or ``"off: reason"``; a layer
    the caller turned off is reported as disabled, so that its absence is visible.
    """
    layers: dict[str, str] = {}
    if os.uname().sysname != "Linux":
        return {name: "off: not Linux" for name in ("network_namespace", "landlock", "seccomp")}
    libc = _libc()
    arch = os.uname().machine
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        layers["no_new_privs"] = f"off: {_errno_text()}"
    else:
        layers["no_new_privs"] = "on"
    disabled = "off: disabled by sandbox.disabled_layers"
    if not network:
        layers["network_namespace"] = disabled
    elif libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        layers["network_namespace"] = f"off: unshare failed ({_errno_text()})"
    else:
        layers["network_namespace"] = "on"
    if landlock:
        layers["landlock"] = _install_landlock(libc, arch, read_paths, write_paths)
    else:
        layers["landlock"] = disabled
    if seccomp:
        layers["seccomp"] = _install_seccomp(libc, arch)
    else:
        layers["seccomp"] = disabled
    return layers
