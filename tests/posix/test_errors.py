#!/usr/bin/env python3
"""lvrun's messages for ELF programs it does not run: each must fail with
status 126 and say why on stderr (prefixed "lvrun:")."""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

lvrun, hello, linked, static = (os.path.abspath(a) for a in sys.argv[1:5])
failures = 0


def expect(name, cmd, needles, env=None):
    global failures
    p = subprocess.run(cmd, capture_output=True, env=env, timeout=30)
    err = p.stderr.decode()
    missing = [n for n in needles if n not in err]
    if p.returncode != 126 or missing or p.stdout or not err.startswith('lvrun: '):
        failures += 1
        print(f'FAIL {name}: status {p.returncode}, stderr {err!r}, missing {missing}')
    else:
        print(f'ok {name}: {err.strip()}')


with tempfile.TemporaryDirectory() as d:
    glibc_prog = shutil.which('true') or '/bin/true'
    expect('glibc program', [lvrun, glibc_prog],
           ['linked against glibc', 'ld-linux-x86-64.so.2', 'run it directly'])

    arm = os.path.join(d, 'arm')
    data = bytearray(open(hello, 'rb').read())
    struct.pack_into('<H', data, 18, 183)  # e_machine = EM_AARCH64
    open(arm, 'wb').write(data)
    os.chmod(arm, 0o755)
    expect('foreign architecture', [lvrun, arm], ['AArch64', 'x86-64'])

    lone = os.path.join(d, 'linked')
    shutil.copy(linked, lone)
    env = dict(os.environ)
    env.pop('LVRUN_LIBRARY_PATH', None)
    expect('missing library', [lvrun, lone], ['libplugin.so not found', d, 'LVRUN_LIBRARY_PATH'],
           env=env)

    # A static program is no longer refused: syscalls/ runs it.
    native = subprocess.run([static, 'x'], capture_output=True, timeout=30)
    caught = subprocess.run([lvrun, static, 'x'], capture_output=True, timeout=30)
    if (caught.returncode, caught.stdout, caught.stderr) != \
            (native.returncode, native.stdout, native.stderr):
        failures += 1
        print(f'FAIL static program: {caught!r}, natively {native!r}')
    else:
        print('ok static program: runs as natively')

sys.exit(1 if failures else 0)
