#!/usr/bin/env python3
"""syscalls/ benchmarks: the cost of a caught system call, and a whole
static program, natively and under lvrun, side by side. Writes
bench/results-syscalls.md.

usage: bench/syscalls.py [BUILD_DIR]

Per call: sc_getppid (static musl) makes a million getppid calls from one
site and prints ns per call; the best of several runs is kept (the
machine's other load only adds). Runners: native; lvrun with every call
trapped (LVRUN_SYSCALL_REWRITE=0); lvrun with the site rewritten after
its first trap (=lazy: dispatch stays armed); lvrun with every site
rewritten before the start (the default: dispatch not armed); and the
floor, a host program making the same call with Syscall User Dispatch
armed and its selector open, which the lazy way cannot go below.
Whole program: sc_readtree reads every file under /usr/include, timed
with hyperfine (mean wall time)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'build'))
LVRUN = os.path.join(BUILD, 'lvrun')
WORK = tempfile.mkdtemp(prefix='lvrun-bench-sc-')
TREE = '/usr/include'


def build():
    out = {}
    for name in ('sc_getppid', 'sc_readtree'):
        out[name] = os.path.join(WORK, name)
        subprocess.run(['musl-gcc', '-static', '-O2', '-o', out[name],
                        os.path.join(HERE, name + '.c')], check=True)
    out['sc_floor'] = os.path.join(WORK, 'sc_floor')
    subprocess.run(['cc', '-O2', '-o', out['sc_floor'], os.path.join(HERE, 'sc_floor.c')],
                   check=True)
    return out


def per_call(cmd, env, runs=15, calls=300000):
    best = None
    for _ in range(runs):
        p = subprocess.run(cmd + [str(calls)], env=env, capture_output=True, check=True)
        v = float(p.stdout)
        best = v if best is None else min(best, v)
    return best


def wall(cmds, runs=15):
    js = os.path.join(WORK, 'hf.json')
    subprocess.run(['hyperfine', '-N', '--warmup', '3', '--runs', str(runs),
                    '--export-json', js, '--output', 'null'] + cmds,
                   check=True, stdout=subprocess.DEVNULL)
    with open(js) as f:
        return [r['mean'] for r in json.load(f)['results']]


def main():
    p = build()
    ahead = dict(os.environ, LVRUN_SYSCALL_REWRITE='1')
    lazy = dict(os.environ, LVRUN_SYSCALL_REWRITE='lazy')
    trap = dict(os.environ, LVRUN_SYSCALL_REWRITE='0')
    mode = subprocess.run([LVRUN, p['sc_getppid'], '1'], capture_output=True,
                          env=dict(ahead, LVRUN_SYSCALL_STATS='1')).stderr.decode()
    rewriting = '(rewritten ahead)' in mode
    calls = {
        'native': per_call([p['sc_getppid']], ahead),
        'dispatch armed, selector open (floor of the lazy way)': per_call([p['sc_floor']], ahead),
        'lvrun, trapped': per_call([LVRUN, p['sc_getppid']], trap),
    }
    if rewriting:
        calls['lvrun, site rewritten after its first trap (dispatch armed)'] = \
            per_call([LVRUN, p['sc_getppid']], lazy)
        calls['lvrun, sites rewritten ahead (dispatch not armed)'] = \
            per_call([LVRUN, p['sc_getppid']], ahead)
    native = calls['native']
    lines = ['# syscalls/: caught system calls', '',
             '## Per call: getppid from one site (best of 15 runs, ns per call)', '',
             '| runner | ns per call | x native |', '|---|---|---|']
    for name, ns in calls.items():
        lines.append(f'| {name} | {ns:.1f} | {ns / native:.2f}x |')
    if not rewriting:
        lines.append('| lvrun, rewritten sites | address 0 cannot be mapped here | - |')
    cmds = {'native': p['sc_readtree'] + ' ' + TREE,
            'lvrun, trapped': f"env LVRUN_SYSCALL_REWRITE=0 {LVRUN} {p['sc_readtree']} {TREE}"}
    if rewriting:
        cmds['lvrun, sites rewritten after their first trap'] = \
            f"env LVRUN_SYSCALL_REWRITE=lazy {LVRUN} {p['sc_readtree']} {TREE}"
        cmds['lvrun, sites rewritten ahead'] = \
            f"env LVRUN_SYSCALL_REWRITE=1 {LVRUN} {p['sc_readtree']} {TREE}"
    files = subprocess.run([p['sc_readtree'], TREE], capture_output=True).stdout.decode().strip()
    times = dict(zip(cmds, wall(list(cmds.values()))))
    lines += ['', f'## Whole program: read every file under {TREE} ({files}); mean wall', '',
              '| runner | wall | x native |', '|---|---|---|']
    for name, t in times.items():
        lines.append(f"| {name} | {t * 1000:.1f} ms | {t / times['native']:.2f}x |")
    text = '\n'.join(lines) + '\n'
    with open(os.path.join(HERE, 'results-syscalls.md'), 'w') as f:
        f.write(text)
    print(text)
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == '__main__':
    main()
