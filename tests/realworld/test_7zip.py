#!/usr/bin/env python3
"""7-Zip 21.07 (7za.exe, MSVC-built, from the npm package 7zip-bin) under
lvrun: one scenario per run, checked as a user would check it.

usage: test_7zip.py LVRUN SCENARIO

Each scenario works in a fresh temporary folder with a private lvrun
prefix. Debian's native 7z (p7zip-full) is the reference for archive
interoperability.
"""
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LVRUN = os.path.abspath(sys.argv[1])
SCENARIO = sys.argv[2]
failures = []


def fetch_7za():
    r = subprocess.run([sys.executable, os.path.join(HERE, 'fetch_7za.py')],
                       capture_output=True, text=True)
    if r.returncode:
        sys.exit(r.stderr.strip())
    return r.stdout.strip()


SEVENZA = fetch_7za()


def ok(cond, msg):
    if not cond:
        failures.append(msg)
        print('FAIL:', msg)


def run7(*args, cwd, stdin=None, timeout=300):
    """7za under lvrun; returns (status, stdout, stderr)."""
    p = subprocess.run([LVRUN, SEVENZA, *args], cwd=cwd, input=stdin,
                       stdin=None if stdin is not None else subprocess.DEVNULL,
                       capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def native7(*args, cwd):
    p = subprocess.run(['7z', *args], cwd=cwd, capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode('utf-8', 'replace')


def make_tree(root, files=3000):
    """A tree of several thousand files of varied sizes and contents, with
    fixed modification times so that preservation can be checked."""
    os.makedirs(root)
    for i in range(files):
        d = os.path.join(root, f'dir{i % 37:02d}', f'sub{i % 5}')
        os.makedirs(d, exist_ok=True)
        name = os.path.join(d, f'file{i:05d}.{"txt" if i % 3 else "bin"}')
        with open(name, 'wb') as f:
            if i % 3:
                f.write((f'line {i} of a text file\n' * (i % 50 + 1)).encode())
            else:
                f.write(hashlib.sha256(str(i).encode()).digest() * (i % 64 + 1))
        os.utime(name, (1600000000 + i, 1600000000 + i))


def tree_digest(root):
    """Relative path -> (sha256, mtime) for every file under root."""
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            with open(p, 'rb') as f:
                h = hashlib.sha256(f.read()).hexdigest()
            out[os.path.relpath(p, root)] = (h, int(os.stat(p).st_mtime))
    return out


def same_trees(a, b, what):
    da, db = tree_digest(a), tree_digest(b)
    ok(da.keys() == db.keys(), f'{what}: file lists differ ({len(da)} vs {len(db)})')
    diff = [k for k in da if k in db and da[k] != db[k]]
    ok(not diff, f'{what}: {len(diff)} files differ, e.g. {diff[:3]}')


def scenario_usage(w):
    code, out, err = run7(cwd=w)
    ok(code == 0, f'usage exit {code}')
    ok('7-Zip (a) 21.07 (x64)' in out and '<Commands>' in out, 'usage text')
    code, out, err = run7('i', cwd=w)
    ok(code == 0, f'i exit {code}: {err}')
    ok('Formats:' in out and 'Codecs:' in out and 'LZMA2' in out, 'i lists formats and codecs')


def scenario_benchmark(w):
    code, out, err = run7('b', '-mmt1', '-md18', cwd=w, timeout=600)
    ok(code == 0, f'b exit {code}: {err[-300:]}')
    ok('Avr:' in out and 'Tot:' in out, 'benchmark rating table: ' + out[-300:])


def scenario_archive_7z(w):
    src = os.path.join(w, 'tree')
    make_tree(src)
    for opts in (['-mx1'], ['-mx5'], ['-mx1', '-mmt1'], ['-mx1', '-mmt2']):
        arc = os.path.join(w, 'a' + ''.join(opts) + '.7z')
        code, out, err = run7('a', *opts, arc, 'tree', cwd=w)
        ok(code == 0 and 'Everything is Ok' in out, f'a {opts}: {code} {err[-300:]}')
        code, out, err = run7('t', arc, cwd=w)
        ok(code == 0 and 'Everything is Ok' in out, f't {opts}: {code}')
        dest = os.path.join(w, 'x' + ''.join(opts))
        code, out, err = run7('x', arc, '-o' + dest, cwd=w)
        ok(code == 0, f'x {opts}: {code} {err[-300:]}')
        same_trees(src, os.path.join(dest, 'tree'), f'x of {opts}')
    code, out, err = run7('l', os.path.join(w, 'a-mx1.7z'), cwd=w)
    ok(code == 0 and '3000 files' in out, 'l lists 3000 files: ' + out[-200:])


def scenario_archive_zip(w):
    src = os.path.join(w, 'tree')
    make_tree(src, 1000)
    code, out, err = run7('a', 'a.zip', 'tree', cwd=w)
    ok(code == 0, f'a zip: {code} {err[-300:]}')
    code, out, err = run7('e', 'a.zip', '-oflat', '-r', 'file0001*', cwd=w)
    ok(code == 0, f'e: {code}')
    flat = sorted(os.listdir(os.path.join(w, 'flat')))
    ok(flat == [f'file{i:05d}.{"txt" if i % 3 else "bin"}' for i in range(10, 20)],
       f'e extracts without folders: {flat[:5]}')


def scenario_update_delete(w):
    src = os.path.join(w, 'tree')
    make_tree(src, 200)
    run7('a', 'a.7z', 'tree', cwd=w)
    with open(os.path.join(src, 'new.txt'), 'w') as f:
        f.write('added later\n')
    code, out, err = run7('u', 'a.7z', 'tree', cwd=w)
    ok(code == 0, f'u: {code} {err}')
    code, out, err = run7('l', 'a.7z', cwd=w)
    ok('new.txt' in out and '201 files' in out, 'u added the new file')
    code, out, err = run7('d', 'a.7z', 'tree/new.txt', cwd=w)
    ok(code == 0, f'd: {code} {err}')
    code, out, err = run7('l', 'a.7z', cwd=w)
    ok('new.txt' not in out and '200 files' in out, 'd removed it')


def scenario_password(w):
    src = os.path.join(w, 'tree')
    make_tree(src, 100)
    code, out, err = run7('a', '-psecret', '-mhe=on', 'enc.7z', 'tree', cwd=w)
    ok(code == 0, f'a -p: {code} {err}')
    code, out, err = run7('l', '-pwrong', 'enc.7z', cwd=w)
    ok(code == 2, f'l with a wrong password exits 2, got {code}')
    code, out, err = run7('x', '-psecret', 'enc.7z', '-oout', cwd=w)
    ok(code == 0, f'x -p: {code} {err}')
    same_trees(src, os.path.join(w, 'out', 'tree'), 'AES round trip')
    code, out, err = run7('x', '-pwrong', 'enc.7z', '-obad', cwd=w)
    ok(code == 2 and ('Wrong password' in out + err or 'Wrong password' in err),
       f'x with a wrong password: {code} {(out + err)[-200:]}')


def scenario_wildcards(w):
    src = os.path.join(w, 'tree')
    make_tree(src, 300)
    code, out, err = run7('a', '-r', 'txt.7z', 'tree/*.txt', cwd=w)
    ok(code == 0, f'a -r wildcard: {code}')
    code, out, err = run7('l', 'txt.7z', cwd=w)
    ok('.bin' not in out and '200 files' in out, 'only .txt files: ' + out[-120:])


def scenario_pipes(w):
    data = os.urandom(1 << 20)
    p = subprocess.run([LVRUN, SEVENZA, 'a', '-si', '-so', '-txz', 'dummy'], input=data,
                       capture_output=True, cwd=w, timeout=120)
    ok(p.returncode == 0, f'-si -so: {p.returncode} {p.stderr[-200:]!r}')
    q = subprocess.run([LVRUN, SEVENZA, 'x', '-si', '-so', '-txz'], input=p.stdout,
                       capture_output=True, cwd=w, timeout=120)
    ok(q.returncode == 0 and q.stdout == data, 'xz through pipes round-trips')
    n = subprocess.run(['xz', '-dc'], input=p.stdout, capture_output=True)
    ok(n.returncode == 0 and n.stdout == data, 'the host xz reads what 7za wrote to a pipe')


def scenario_interop(w):
    src = os.path.join(w, 'tree')
    make_tree(src, 500)
    ro = os.path.join(src, 'dir00', 'sub0', 'file00000.bin')
    os.chmod(ro, 0o444)
    run7('a', 'lv.7z', 'tree', cwd=w)
    code, out = native7('x', 'lv.7z', '-onative', cwd=w)
    ok(code == 0, f'native 7z extracts lvrun\'s archive: {code}')
    same_trees(src, os.path.join(w, 'native', 'tree'), 'native extract of lvrun archive')
    code, out = native7('a', 'native.7z', 'tree', cwd=w)
    code, out, err = run7('x', 'native.7z', '-olv', cwd=w)
    ok(code == 0, f'lvrun extracts the native archive: {code} {err}')
    same_trees(src, os.path.join(w, 'lv', 'tree'), 'lvrun extract of native archive')
    mode = os.stat(os.path.join(w, 'lv', 'tree', 'dir00', 'sub0', 'file00000.bin')).st_mode
    ok(not mode & stat.S_IWUSR, 'the read-only attribute survives')


def scenario_unicode(w):
    src = os.path.join(w, 'uni')
    os.makedirs(src)
    names = ['café.txt', '中文.txt', 'emoji 😀.txt', 'with space.txt']
    for i, n in enumerate(names):
        with open(os.path.join(src, n), 'w') as f:
            f.write(f'content {i}\n')
    code, out, err = run7('a', 'u.7z', 'uni', cwd=w)
    ok(code == 0, f'a unicode: {code} {err}')
    code, out, err = run7('x', 'u.7z', '-oout', cwd=w)
    ok(code == 0, f'x unicode: {code} {err}')
    ok(sorted(os.listdir(os.path.join(w, 'out', 'uni'))) == sorted(names), 'names round-trip')
    code, out = native7('l', 'u.7z', cwd=w)
    ok(all(n in out for n in names), 'native 7z sees the same names')


def scenario_errors(w):
    code, out, err = run7('x', 'missing.7z', cwd=w)
    ok(code == 2, f'missing archive exits 2, got {code}')
    ok('Cannot find archive' in out + err or 'cannot find' in (out + err).lower(), 'missing archive message')
    with open(os.path.join(w, 'corrupt.7z'), 'wb') as f:
        f.write(b"7z\xbc\xaf'\x1c" + os.urandom(4000))
    code, out, err = run7('t', 'corrupt.7z', cwd=w)
    ok(code == 2, f'corrupt archive exits 2, got {code}')
    # Two host names that differ only in case collide on Windows.
    src = os.path.join(w, 'case')
    os.makedirs(src)
    for n in ('Name.txt', 'name.txt'):
        with open(os.path.join(src, n), 'w') as f:
            f.write(n)
    code, out, err = run7('a', 'case.7z', 'case', cwd=w)
    ok(code == 2 and 'Duplicate filename on disk' in out + err,
       f'case-colliding names are reported: {code} {(out + err)[-200:]}')
    ok(not os.path.exists(os.path.join(w, 'case.7z')), 'no archive is left after the error')
    # A read-only destination: a clear error, nothing that claims success.
    ro = os.path.join(w, 'ro')
    os.makedirs(ro)
    os.chmod(ro, 0o555)
    make_tree(os.path.join(w, 'small'), 10)
    code, out, err = run7('a', os.path.join(ro, 'x.7z'), 'small', cwd=w)
    if os.geteuid() != 0:
        ok(code != 0 and not os.path.exists(os.path.join(ro, 'x.7z')),
           f'writing into a read-only folder fails: {code}')


def scenario_ctrl_c(w):
    src = os.path.join(w, 'big')
    os.makedirs(src)
    with open(os.path.join(src, 'random.bin'), 'wb') as f:
        f.write(os.urandom(64 << 20))
    p = subprocess.Popen([LVRUN, SEVENZA, 'a', '-mx9', '-mmt1', 'big.7z', 'big'], cwd=w,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(3)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    ok(p.returncode != 0, f'Ctrl-C stops the compression: status {p.returncode}')
    left = [n for n in os.listdir(w) if n.startswith('big.7z')]
    ok(not left, f'no archive or temporary file is left: {left}')


def main():
    fn = globals().get('scenario_' + SCENARIO)
    if not fn:
        sys.exit(f'no scenario {SCENARIO}')
    w = tempfile.mkdtemp(prefix='lvrun-7zip-')
    os.environ['LVRUN_PREFIX'] = os.path.join(w, '.prefix')
    try:
        fn(w)
    finally:
        for d, dirs, _ in os.walk(w):
            for x in dirs:
                os.chmod(os.path.join(d, x), 0o755)
        shutil.rmtree(w, ignore_errors=True)
    print(f'{SCENARIO}: {"ok" if not failures else str(len(failures)) + " failed"}')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
