#!/usr/bin/env python3
"""Runs every benchmark side by side (native, lvrun, Wine), writes
bench/results.md (a Markdown table of times and ratios to native) and
bench/results.png (a bar chart of the ratios); then the view's
(results-view.md), 7-Zip's (results-7zip.md) and the caught system
calls' (results-syscalls.md, by syscalls.py).

usage: bench/run.py [BUILD_DIR]

Needs hyperfine and gnuplot; Wine (wine64) is optional: without it the
Wine column says so. Each benchmark is a name and one command per runner;
hyperfine runs them with warm-up and reports the mean wall time.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'build'))
LVRUN = os.path.join(BUILD, 'lvrun')
WORK = tempfile.mkdtemp(prefix='lvrun-bench-')
WINEPREFIX = os.path.join(WORK, 'wineprefix')
FILES_DIR = tempfile.mkdtemp(prefix='lvrun-bench-files-', dir='/dev/shm' if os.path.isdir('/dev/shm') else None)
ENV = dict(os.environ, WINEPREFIX=WINEPREFIX, WINEDEBUG='-all', LVRUN_PREFIX=os.path.join(WORK, 'lvprefix'))


def sh(*cmd, **kw):
    subprocess.run(cmd, check=True, env=ENV, **kw)


def build_programs():
    out = {}
    src = os.path.join(HERE, 'hello.c')
    out['hello'] = os.path.join(WORK, 'hello')
    sh('cc', '-O2', src, '-o', out['hello'])
    out['hello.exe'] = os.path.join(WORK, 'hello.exe')
    sh('x86_64-w64-mingw32-gcc', '-O2', '-D__USE_MINGW_ANSI_STDIO=0', src, '-o', out['hello.exe'])
    src = os.path.join(HERE, 'files_native.c')
    out['files_native'] = os.path.join(WORK, 'files_native')
    sh('cc', '-O2', src, '-o', out['files_native'])
    out['files_win.exe'] = os.path.join(WORK, 'files_win.exe')
    sh('x86_64-w64-mingw32-gcc', '-O2', os.path.join(HERE, 'files_win.c'), '-o',
       out['files_win.exe'])
    out['sync_native'] = os.path.join(WORK, 'sync_native')
    sh('cc', '-O2', '-pthread', os.path.join(HERE, 'sync_native.c'), '-o', out['sync_native'])
    out['sync_win.exe'] = os.path.join(WORK, 'sync_win.exe')
    sh('x86_64-w64-mingw32-gcc', '-O2', os.path.join(HERE, 'sync_win.c'), '-o',
       out['sync_win.exe'])
    return out


def have_wine():
    return shutil.which('wine') is not None


def warm_wine(exe):
    """A persistent wineserver and a prefix made in advance: Wine at its
    fastest, as a user who runs programs all day has it."""
    sh('wine', exe, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.Popen(['wineserver', '-p'], env=ENV)


def measure(cmds, runs):
    """Mean wall seconds of each command, measured in one hyperfine run."""
    js = os.path.join(WORK, 'hf.json')
    args = ['hyperfine', '-N', '--warmup', '3', '--runs', str(runs), '--export-json', js,
            '--output', 'null']
    for c in cmds:
        args.append(c)
    sh(*args, stdout=subprocess.DEVNULL)
    with open(js) as f:
        data = json.load(f)
    return [r['mean'] for r in data['results']]


def main():
    progs = build_programs()
    wine = have_wine()
    if wine:
        warm_wine(progs['hello.exe'])
    benches = [
        ('hello (start-up, one line out)', {
            'native': progs['hello'],
            'lvrun': f"{LVRUN} {progs['hello.exe']}",
            'wine': f"wine {progs['hello.exe']}" if wine else None,
        }, 200),
        # Each run makes its own folder (the program creates it) and leaves
        # none behind; on tmpfs so that the disk does not dominate.
        ('5,000 files (create, list, open by other case, delete)', {
            'native': f"{progs['files_native']} {FILES_DIR}/n",
            'lvrun': f"{LVRUN} {progs['files_win.exe']} Z:{FILES_DIR}/l",
            'wine': f"wine {progs['files_win.exe']} Z:{FILES_DIR}/w" if wine else None,
        }, 20),
    ]
    # Synchronization: native is the same work with pthreads (a recursive
    # mutex, a condition-variable event, create+join).
    for label, mode, count in (('critical section pair x10M', 'cs', 10000000),
                               ('event ping-pong x100k', 'pingpong', 100000),
                               ('thread create+join x5k', 'threads', 5000)):
        benches.append((label, {
            'native': f"{progs['sync_native']} {mode} {count}",
            'lvrun': f"{LVRUN} {progs['sync_win.exe']} {mode} {count}",
            'wine': f"wine {progs['sync_win.exe']} {mode} {count}" if wine else None,
        }, 5))
    rows = []
    for name, cmds, runs in benches:
        runners = [r for r in ('native', 'lvrun', 'wine') if cmds.get(r)]
        times = dict(zip(runners, measure([cmds[r] for r in runners], runs)))
        rows.append((name, times))
    if wine:
        subprocess.run(['wineserver', '-k'], env=ENV)
    write_table(rows)
    write_chart(rows)
    view_bench()
    sevenzip_bench()
    # The caught system calls of static programs (issue 6), in a script
    # of their own so that they can be run alone.
    subprocess.run([sys.executable, os.path.join(HERE, 'syscalls.py'), BUILD], check=True)
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.rmtree(FILES_DIR, ignore_errors=True)


def write_table(rows):
    lines = ['| benchmark | native | lvrun | Wine | lvrun / native | Wine / native |',
             '|---|---|---|---|---|---|']
    for name, t in rows:
        n = t['native']
        def ms(r):
            return f"{t[r] * 1000:.2f} ms" if r in t else 'n/a'
        def ratio(r):
            return f"{t[r] / n:.2f}x" if r in t else 'n/a'
        lines.append(f"| {name} | {ms('native')} | {ms('lvrun')} | {ms('wine')} | "
                     f"{ratio('lvrun')} | {ratio('wine')} |")
    text = '\n'.join(lines) + '\n'
    with open(os.path.join(HERE, 'results.md'), 'w') as f:
        f.write(text)
    print(text)


def write_chart(rows):
    dat = os.path.join(WORK, 'ratios.dat')
    with open(dat, 'w') as f:
        for name, t in rows:
            n = t['native']
            label = name.split(' (')[0].split(' x')[0]
            f.write('"%s" %.3f %.3f\n' % (label, t['lvrun'] / n,
                                         t['wine'] / n if 'wine' in t else 0))
    png = os.path.join(HERE, 'results.png')
    script = f"""
set terminal png size 800,400
set output '{png}'
set title 'Wall time relative to native (lower is better)'
set style data histograms
set style fill solid 0.8
set boxwidth 0.9
set logscale y
set yrange [0.05:*]
set xtics rotate by -15
set grid ytics
set ylabel 'x native'
plot '{dat}' using 2:xtic(1) title 'lvrun', '' using 3 title 'Wine (warm wineserver)'
"""
    subprocess.run(['gnuplot'], input=script.encode(), check=True)


# The virtual view (issue 7): path-heavy host programs natively, under
# `lvrun --preload` with a mount, under proot -b and under fakechroot.
# proot and fakechroot are the bench's own tools (apt-get install proot
# fakechroot), not test dependencies: a missing one gets "-".
def view_bench(runs=10):
    tools = {'proot': shutil.which('proot'), 'fakechroot': shutil.which('fakechroot')}
    lvrun_view = f"{LVRUN} --preload --mount /inc=/usr/include --"
    benches = [
        ('tar cf /dev/null /usr/include', {
            'native': 'tar cf /dev/null /usr/include',
            'lvrun --preload': f'{lvrun_view} tar cf /dev/null /inc',
            'proot -b': 'proot -b /usr/include:/inc tar cf /dev/null /inc' if tools['proot'] else None,
            'fakechroot': 'fakechroot chroot / tar cf /dev/null /usr/include' if tools['fakechroot'] else None,
        }),
        ('find /usr/include -type f \\| wc -l', {
            'native': "sh -c 'find /usr/include -type f | wc -l'",
            'lvrun --preload': f"{lvrun_view} sh -c 'find /inc -type f | wc -l'",
            'proot -b': "proot -b /usr/include:/inc sh -c 'find /inc -type f | wc -l'" if tools['proot'] else None,
            'fakechroot': "fakechroot chroot / sh -c 'find /usr/include -type f | wc -l'" if tools['fakechroot'] else None,
        }),
    ]
    runners = ['native', 'lvrun --preload', 'proot -b', 'fakechroot']
    lines = ['| benchmark | ' + ' | '.join(runners) + ' |', '|---' * (len(runners) + 1) + '|']
    for name, cmds in benches:
        have = [r for r in runners if cmds.get(r)]
        times = dict(zip(have, measure([cmds[r] for r in have], runs)))
        cells = []
        for r in runners:
            if r not in times:
                cells.append('-')
            else:
                cells.append(f"{times[r] * 1000:.1f} ms ({times[r] / times['native']:.2f}x)")
        lines.append(f'| {name} | ' + ' | '.join(cells) + ' |')
    with open(os.path.join(HERE, 'results-view.md'), 'w') as f:
        f.write('# The virtual view: wall time and ratio to native\n\n' + '\n'.join(lines) + '\n')
    print('\n'.join(lines))


def unique_tree(src, dst):
    """A copy of src whose paths are unique case-insensitively, as a Windows
    program needs them; returns the file count."""
    seen, count = set(), 0
    for d, dirs, files in os.walk(src):
        dirs.sort()
        rel = os.path.relpath(d, src)
        for name in sorted(files):
            path = os.path.normpath(os.path.join(rel, name))
            p = os.path.join(d, name)
            if path.lower() in seen or not os.path.isfile(p) or os.path.islink(p):
                continue
            seen.add(path.lower())
            os.makedirs(os.path.join(dst, rel), exist_ok=True)
            shutil.copy2(p, os.path.join(dst, path))
            count += 1
    return count


def peak_kib(cmd, cwd):
    """The peak resident size of one run, from GNU time."""
    r = subprocess.run(['/usr/bin/time', '-f', '%M'] + cmd.split(), cwd=cwd, env=ENV,
                       capture_output=True, text=True)
    return int(r.stderr.strip().splitlines()[-1])


def sevenzip_bench(runs=5):
    """7-Zip 21.07 (7za.exe from the npm registry) against Debian's native
    7z on a case-insensitively unique copy of /usr/include."""
    fetch = subprocess.run([sys.executable, os.path.join(HERE, '..', 'tests', 'realworld',
                                                         'fetch_7za.py')],
                           capture_output=True, text=True)
    if fetch.returncode or not shutil.which('7z'):
        print('7-Zip benchmark skipped: ' + (fetch.stderr.strip() or 'no native 7z'))
        return
    sevenza = fetch.stdout.strip()
    work = os.path.join(FILES_DIR, '7z')
    os.makedirs(work)
    files = unique_tree('/usr/include', os.path.join(work, 'inc'))
    sh('7z', 'a', '-mx1', '-bd', os.path.join(work, 'ref.7z'), 'inc', cwd=work,
       stdout=subprocess.DEVNULL)
    wine = have_wine()
    cmds = {
        'extract (x) of a -mx1 archive': {
            'native': '7z x -y -bd -oout ref.7z',
            'lvrun': f'{LVRUN} {sevenza} x -y -bd -oout ref.7z',
            'wine': f'wine {sevenza} x -y -bd -oout ref.7z' if wine else None,
            'prepare': 'rm -rf out',
        },
        'compress (a -mx1)': {
            'native': '7z a -mx1 -bd new.7z inc',
            'lvrun': f'{LVRUN} {sevenza} a -mx1 -bd new.7z inc',
            'wine': f'wine {sevenza} a -mx1 -bd new.7z inc' if wine else None,
            'prepare': 'rm -f new.7z',
        },
    }
    lines = [f'7-Zip on {files} files of /usr/include (unique ignoring case):', '',
             '| operation | native 7z | lvrun 7za.exe | Wine 7za.exe | lvrun / native | Wine / native | peak memory lvrun / native |',
             '|---|---|---|---|---|---|---|']
    for name, c in cmds.items():
        runners = [r for r in ('native', 'lvrun', 'wine') if c.get(r)]
        js = os.path.join(WORK, 'hf7.json')
        args = ['hyperfine', '-N', '--warmup', '1', '--runs', str(runs), '--prepare', c['prepare'],
                '--export-json', js, '--output', 'null'] + [c[r] for r in runners]
        sh(*args, cwd=work, stdout=subprocess.DEVNULL)
        with open(js) as f:
            t = dict(zip(runners, [r['mean'] for r in json.load(f)['results']]))
        sh(*c['prepare'].split(), cwd=work)
        mem_native = peak_kib(c['native'], work)
        sh(*c['prepare'].split(), cwd=work)
        mem_lvrun = peak_kib(c['lvrun'], work)
        w = f"{t['wine']:.2f} s" if 'wine' in t else 'n/a'
        wr = f"{t['wine'] / t['native']:.2f}x" if 'wine' in t else 'n/a'
        lines.append(f"| {name} | {t['native']:.2f} s | {t['lvrun']:.2f} s | {w} | "
                     f"{t['lvrun'] / t['native']:.2f}x | {wr} | {mem_lvrun / mem_native:.2f}x |")
    text = '\n'.join(lines) + '\n'
    with open(os.path.join(HERE, 'results-7zip.md'), 'w') as f:
        f.write(text)
    print(text)


if __name__ == '__main__':
    main()
