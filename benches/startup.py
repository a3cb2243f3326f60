#!/usr/bin/env python3
"""Start-up budgets of issue 18, measured as whole processes (release build), not timed tests.

  command line  `ppg-desk --version` and `ppg-desk print agenda` of the sample's next meeting:
                wall time from start to exit and the process's peak memory (the kernel's
                own accounting, as /usr/bin/time -v reports it); median of RUNS runs.
  window        from starting `ppg-desk-window` to its Home screen painted (the page says so
                through PPG_DESK_PAINTED_MARK), with the sample PPG and with ten years of
                meetings; then the memory of the whole process tree (app + WebKit, PSS).
  size          the stripped release programs, and that each printing font is in each once.

Needs a display for the window (`make bench` runs this under xvfb-run). Prints each figure
beside its budget and exits 1 if any is over. Usage: benches/startup.py [RUNS]
"""
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
TARGET = os.environ.get("CARGO_TARGET_DIR", "target")
CLI = os.path.join(TARGET, "release", "ppg-desk")
WINDOW = os.path.join(TARGET, "release", "ppg-desk-window")
MIB = 1024 * 1024

# name: (budget, unit)
BUDGETS = {
    "--version wall": (10, "ms"),
    "print agenda wall": (30, "ms"),
    "print agenda peak": (25, "MiB"),
    "Home painted, sample PPG": (800, "ms"),
    "Home painted, ten years": (800, "ms"),
    "window PSS after Home": (260, "MiB"),
    "command line size": (12, "MB"),
    "window app size": (18, "MB"),
}


def run_once(args):
    """(wall ms, peak MiB) of one run of args, which must succeed."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {child.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def median_of(args):
    run_once(args)  # warm-up: the program and the data file into the page cache
    runs = [run_once(args) for _ in range(RUNS)]
    return statistics.median(w for w, _ in runs), statistics.median(p for _, p in runs)


def tree(pid):
    """pid and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [pid]
    while todo:
        here = todo.pop()
        found.append(here)
        todo.extend(children.get(here, []))
    return found


def pss_mib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                total += sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except OSError:
            pass
    return total / 1024


def window_start(data_dir, settle=0.0):
    """(ms to Home painted, PSS MiB of the tree `settle` seconds later) for one start."""
    mark = os.path.join(data_dir, "..", "painted")
    if os.path.exists(mark):
        os.remove(mark)
    env = dict(os.environ, PPG_DESK_PAINTED_MARK=mark)
    start = time.perf_counter()
    app = subprocess.Popen([WINDOW, "--data-dir", data_dir], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while not os.path.exists(mark):
            if app.poll() is not None or time.perf_counter() - start > 30:
                sys.exit("the window did not paint its first screen within 30 s")
            time.sleep(0.002)
        painted = (time.perf_counter() - start) * 1000
        pss = 0.0
        if settle:
            time.sleep(settle)
            pss = pss_mib(tree(app.pid))
        return painted, pss
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        app.wait()


def main():
    work = tempfile.mkdtemp(prefix="ppg-bench-")
    try:
        figures = {}
        sample, decade = os.path.join(work, "sample"), os.path.join(work, "decade")
        subprocess.run([CLI, "--data-dir", sample, "demo"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([CLI, "--data-dir", decade, "demo", "--years", "10"], check=True, stdout=subprocess.DEVNULL)
        listing = subprocess.run([CLI, "--data-dir", sample, "meetings"], check=True, capture_output=True, text=True)
        next_meeting = re.search(r"^\s*(\d+)\s.*Planned", listing.stdout, re.M).group(1)

        figures["--version wall"], _ = median_of([CLI, "--version"])
        agenda = [CLI, "--data-dir", sample, "print", "agenda", "--meeting", next_meeting,
                  "--out", os.path.join(work, "agenda.pdf")]
        figures["print agenda wall"], figures["print agenda peak"] = median_of(agenda)

        for name, data in [("sample PPG", sample), ("ten years", decade)]:
            window_start(data)  # warm-up
            figures[f"Home painted, {name}"] = statistics.median(window_start(data)[0] for _ in range(max(3, RUNS // 2)))
        figures["window PSS after Home"] = window_start(sample, settle=3.0)[1]

        figures["command line size"] = os.path.getsize(CLI) / 1e6
        figures["window app size"] = os.path.getsize(WINDOW) / 1e6

        fonts = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "fonts")
        for program in (CLI, WINDOW):
            binary = open(program, "rb").read()
            for font in sorted(f for f in os.listdir(fonts) if f.endswith(".ttf")):
                copies = binary.count(open(os.path.join(fonts, font), "rb").read())
                # Atkinson is built in once; the other faces are files read when needed.
                wanted = 1 if font.startswith("AtkinsonHyperlegible-") else 0
                if copies != wanted:
                    sys.exit(f"{os.path.basename(program)} holds {copies} copies of {font}, not {wanted}")
        print("Atkinson is built into each program once, and no other printing font is")

        over = False
        for name, (budget, unit) in BUDGETS.items():
            value = figures[name]
            verdict = "ok" if value <= budget else "OVER BUDGET"
            over |= value > budget
            print(f"{name:28} {value:8.1f} {unit:4} (budget {budget} {unit}) {verdict}")
        sys.exit(1 if over else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
