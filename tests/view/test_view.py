#!/usr/bin/env python3
"""The virtual view's tests: every escape attempted from a PE program, a
musl program, a static program and preloaded host programs is denied;
read-only mounts refuse every write kind; nothing outside a read-write
mount changes; a bundle runs after being moved with PATH=/usr/bin:/bin.
With --binfmt: binfmt_misc registration (exit 77, a skip, with the reason
where the host does not allow it)."""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

LVRUN = os.path.abspath(sys.argv[1])
BUILD = os.environ.get('VIEW_TEST_DIR', os.path.dirname(LVRUN) + '/tests/view')
failures = []
SYS = ['--mount', '/usr=/usr:ro', '--mount', '/bin=/usr/bin:ro', '--mount', '/lib=/usr/lib:ro',
       '--mount', '/lib64=/usr/lib64:ro', '--mount', '/etc=/etc:ro']


def check(name, cond, detail=''):
    print(('ok     ' if cond else 'FAILED ') + name + ('' if cond else ': ' + detail))
    if not cond:
        failures.append(name)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=60, **kw)


def listing(root):
    """A checksum listing of a host tree (names, kinds, contents, modes)."""
    h = hashlib.sha256()
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for n in sorted(dirs + files):
            p = os.path.join(d, n)
            st = os.lstat(p)
            h.update(f'{p} {st.st_mode} {st.st_size} {st.st_mtime_ns}\n'.encode())
            if os.path.islink(p):
                h.update(os.readlink(p).encode())
            elif os.path.isfile(p):
                h.update(open(p, 'rb').read())
    return h.hexdigest()


def setup(top):
    for d in ('data/sub', 'ro', 'outside'):
        os.makedirs(os.path.join(top, d))
    open(f'{top}/data/a.txt', 'w').write('inside\n')
    open(f'{top}/outside/secret', 'w').write('secret\n')
    open(f'{top}/ro/r.txt', 'w').write('ro\n')
    os.symlink(f'{top}/outside/secret', f'{top}/data/abs')
    os.symlink('../outside/secret', f'{top}/data/rel')
    os.symlink('../../outside', f'{top}/data/sub/up')


def escapes(top, guest):
    """Paths that name the secret file from inside the view /d."""
    return ['/d/abs', '/d/rel', '/d/sub/up/secret', '/d/../outside/secret',
            f'{top}/outside/secret', '/proc/self/root' + f'{top}/outside/secret',
            '/proc/self/cwd/../outside/secret', f'/proc/{os.getpid()}/root{top}/outside/secret']


def test_preload(top):
    view = SYS + ['--mount', f'/d={top}/data', '--mount', f'/r={top}/ro:ro', '--confine']
    r = run([LVRUN, '--preload'] + view + ['--', '/bin/cat', '/d/a.txt'])
    check('preload: cat inside', r.stdout == 'inside\n', r.stderr)
    for p in escapes(top, '/d'):
        for tool in (['/bin/cat', p], ['/bin/ls', '-L', p], ['/bin/cp', p, '/d/copy'],
                     ['/usr/bin/tar', 'cf', '/dev/null', p], ['/usr/bin/find', p, '-type', 'f'],
                     ['/usr/bin/python3', '-c', f'open({p!r}).read()']):
            if not os.path.exists(tool[0]):
                continue
            r = run([LVRUN, '--preload'] + view + ['--'] + tool)
            check(f'preload: {os.path.basename(tool[0])} {p} denied',
                  r.returncode != 0 and 'secret' not in r.stdout, r.stdout + r.stderr)
    # A symlink made by the guest after any check, then used.
    r = run([LVRUN, '--preload'] + view + ['--', '/bin/sh', '-c',
             f'ln -s {top}/outside/secret /d/late && cat /d/late; rm -f /d/late'])
    check('preload: symlink made by the guest', 'secret' not in r.stdout, r.stdout)
    # openat relative to a directory fd passed in from outside.
    fd = os.open(f'{top}/outside', os.O_RDONLY)
    r = subprocess.run([LVRUN, '--preload'] + view + ['--', '/usr/bin/python3', '-c',
                        f'import os; print(open("secret", opener=lambda p,f: os.open(p,f,dir_fd={fd})).read())'],
                       capture_output=True, text=True, pass_fds=(fd,))
    os.close(fd)
    check('preload: openat from a passed-in fd', 'secret' not in r.stdout, r.stdout)
    writes = ['echo x > /r/new', 'rm /r/r.txt', 'mv /r/r.txt /d/', 'mv /d/a.txt /r/',
              'mkdir /r/x', 'touch /r/r.txt', 'chmod 777 /r/r.txt', 'ln /r/r.txt /d/hl',
              'truncate -s0 /r/r.txt', 'ln -s x /r/sl', 'echo x >> /r/r.txt']
    before = listing(top)
    for w in writes:
        r = run([LVRUN, '--preload'] + view + ['--', '/bin/sh', '-c', w])
        check(f'preload: read-only mount refuses "{w}"',
              r.returncode != 0 and 'Read-only' in r.stderr, r.stderr)
    check('preload: nothing changed outside', listing(top) == before)
    r = run([LVRUN, '--preload'] + view + ['--', '/bin/sh', '-c', 'cd /d && pwd && cat a.txt'])
    check('preload: cd and getcwd in the view', r.stdout == '/d\ninside\n', r.stdout + r.stderr)
    r = run([LVRUN, '--preload', '--user', 'bob', '--hostname', 'box', '--env', 'K=V',
             '--', '/bin/sh', '-c', 'id -un; hostname; echo $K'])
    check('preload: user, host name, environment', r.stdout == 'bob\nbox\nV\n', r.stdout)


def test_guest(top, prog, kind):
    if not os.path.exists(prog):
        print(f'skip   {kind}: {prog} not built')
        return
    view = ['--mount', f'/d={top}/data', '--confine']
    r = run([LVRUN] + view + [prog, '/d/a.txt'] + escapes(top, '/d'))
    lines = r.stdout.splitlines()
    check(f'{kind}: inside', lines[:1] == ['/d/a.txt: ok'], r.stdout + r.stderr)
    for line in lines[1:len(escapes(top, '/d')) + 1]:
        check(f'{kind}: {line}', line.endswith('EACCES'), line)


def test_pe(top):
    prog = os.path.join(BUILD, 'view_escape.exe')
    if not os.path.exists(prog):
        print('skip   pe: view_escape.exe not built (no MinGW)')
        return
    view = ['--mount', f'/d={top}/data', '--confine', '--hostname', 'box']
    win_top = top.replace('/', '\\')
    paths = ['Z:\\d\\a.txt', 'Z:\\d\\abs', 'Z:\\d\\rel', 'Z:\\d\\sub\\up\\secret',
             'Z:\\d\\..\\outside\\secret', f'Z:{win_top}\\outside\\secret',
             f'\\\\?\\Z:{win_top}\\outside\\secret', f'\\\\.\\Z:{win_top}\\outside\\secret',
             '\\\\server\\share\\secret', '\\\\?\\UNC\\server\\share\\secret',
             '\\\\.\\PhysicalDrive0', 'C:\\windows\\..\\..\\..\\..\\..\\..\\..' + win_top + '\\outside\\secret']
    r = run([LVRUN] + view + [prog] + paths, cwd=top)
    lines = r.stdout.splitlines()
    check('pe: inside', lines[:1] == ['Z:\\d\\a.txt: ok'], r.stdout + r.stderr)
    for line in lines[1:len(paths)]:
        check(f'pe: {line}', line.endswith('error 5'), line)
    check('pe: GetComputerName', 'host box' in lines, r.stdout)


def tree_listing(root):
    out = []
    for d, dirs, files in sorted(os.walk(root)):
        for n in sorted(dirs + files):
            p = os.path.join(d, n)
            st = os.lstat(p)
            out.append((os.path.relpath(p, root), st.st_mode, st.st_size, st.st_mtime_ns))
    return out


def test_pe_readonly(top):
    prog = os.path.join(BUILD, 'view_escape.exe')
    if not os.path.exists(prog):
        print('skip   pe read-only: view_escape.exe not built (no MinGW)')
        return
    ro, rw = os.path.join(top, 'pe-ro'), os.path.join(top, 'pe-rw')
    os.makedirs(os.path.join(ro, 'sub'))
    os.makedirs(rw)
    for path in (os.path.join(ro, 'r.txt'), os.path.join(rw, 'w.txt')):
        with open(path, 'w') as f:
            f.write('data\n')
    before = tree_listing(ro)
    view = ['--mount', f'/r={ro}:ro', '--mount', f'/w={rw}', '--confine']
    r = run([LVRUN] + view + [prog, '--write', 'Z:\\r', 'Z:\\w'], cwd=top)
    lines = r.stdout.splitlines()
    check('pe read-only: every write kind reported', len(lines) == 12, r.stdout + r.stderr)
    for line in lines:
        check(f'pe read-only: {line}', line.endswith('error 19'), line)
    check('pe read-only: nothing changed in the mount', tree_listing(ro) == before)


def test_bundle(top):
    app = os.path.join(top, 'app')
    os.makedirs(app)
    open(f'{app}/greeting.txt', 'w').write('bundled\n')
    out = os.path.join(top, 'made', 'bundle')
    r = run([LVRUN, 'pack', '--entry', '/bin/cat', '--out', out, '--mount', f'/data={app}:ro',
             '--confine', '--mount', '/usr=/usr:ro', '--mount', '/lib=/usr/lib:ro',
             '--mount', '/lib64=/usr/lib64:ro', app])
    check('pack: folder made', r.returncode == 0 and os.path.exists(f'{out}/run'), r.stderr)
    moved = os.path.join(top, 'elsewhere', 'b')
    os.makedirs(os.path.dirname(moved))
    shutil.move(out, moved)
    shutil.rmtree(app)
    env = {'PATH': '/usr/bin:/bin', 'HOME': top}
    r = run([f'{moved}/run', '/data/greeting.txt'], env=env, cwd='/')
    check('pack: moved bundle runs with PATH=/usr/bin:/bin', r.stdout == 'bundled\n', r.stdout + r.stderr)
    r = run([f'{moved}/run', f'{top}/outside/secret'], env=env, cwd='/')
    check('pack: the bundle keeps its view', 'secret' not in r.stdout, r.stdout)
    single = os.path.join(top, 'single.run')
    os.makedirs(app)
    open(f'{app}/greeting.txt', 'w').write('single\n')
    r = run([LVRUN, 'pack', '--single-file', '--entry', '/bin/cat', '--out', single,
             '--mount', f'/data={app}', app])
    shutil.rmtree(app)
    for attempt in ('first', 'cached'):
        r = run([single, '/data/greeting.txt'], env=env)
        check(f'pack: single file ({attempt} start)', r.stdout == 'single\n', r.stdout + r.stderr)


def test_binfmt():
    if os.geteuid() != 0:
        print('SKIP: binfmt_misc registration needs root')
        sys.exit(77)
    r = run([LVRUN, '--register-binfmt'])
    if r.returncode != 0:
        print('SKIP: this host does not allow binfmt_misc: ' + r.stderr.strip())
        sys.exit(77)
    try:
        prog = os.path.join(BUILD, 'view_escape.exe')
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, 'prog.exe')
            shutil.copy(prog, p)
            os.chmod(p, 0o755)
            r = run([p, 'C:\\'])
            check('binfmt: ./prog.exe runs through lvrun', 'host ' in r.stdout, r.stdout + r.stderr)
    finally:
        run([LVRUN, '--unregister-binfmt'])


def main():
    if '--binfmt' in sys.argv:
        test_binfmt()
    else:
        with tempfile.TemporaryDirectory() as top:
            top = os.path.realpath(top)
            setup(top)
            test_preload(top)
            test_guest(top, os.path.join(BUILD, 'view_musl'), 'musl')
            test_guest(top, os.path.join(BUILD, 'view_static'), 'static')
            test_pe(top)
            test_pe_readonly(top)
            test_bundle(top)
    print(f'{len(failures)} failure(s)')
    sys.exit(1 if failures else 0)


main()
