"""Benchmark of the caseworker batch mode (`python -m calculator batch`).

For 1% , 10% and 100% of --rows units (default 1,000,000) it generates a CSV (fixed seed) in a temporary
directory, then times
  (a) parsing it with csv.reader alone, in this process (the best of 5 runs: a single run of a fraction of a
      second is at the mercy of whatever else the machine is doing), and
  (b) the batch mode end to end, as a subprocess, whose peak RSS is read from os.wait4's resource usage,
and prints rows/s, the ratio batch/parse (by wall-clock and by CPU time, which a busy machine disturbs
less), the batch's CPU time per row and the peak memory of each size, which should stay flat.

    .venv/bin/python bench/batch.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2021-09-01"  # inside c01's application window, so every status can occur
SEED = 20210726
PARSE_RUNS = 5
HEADER = ["单位编号", "单位名称", "单位类型", "企业规模", "上年度参保职工人数", "上年度裁员人数", "2020年末参保人数",
          "上年度实际缴纳失业保险费"]
UNIT_TYPES = ["企业"] * 12 + ["enterprise", "社会团体", "基金会", "social_service_org", "律师事务所", "会计师事务所",
                             "以单位形式参保的个体经济组织", "其他（以上都不是）"]
SIZES = ["中小微企业"] * 8 + ["大型企业", "sme", "large"]


def write_units(path: Path, rows: int, seed: int = SEED) -> None:
    """`rows` plausible units, a few cells left empty (unknown), as a caseworker's export would hold them."""
    draw = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(rows):
            staff = max(1, int(draw.lognormvariate(3.5, 1.3)))
            layoffs = 0 if draw.random() < 0.6 else draw.randint(0, max(1, staff // 4))
            unit_type = draw.choice(UNIT_TYPES)
            cells = [
                f"U{number:07d}", f"单位{number}", unit_type,
                draw.choice(SIZES) if unit_type in ("企业", "enterprise") else "",
                staff, min(layoffs, staff), max(0, staff + draw.randint(-5, 5)),
                f"{staff * draw.uniform(300, 900):.2f}",
            ]
            if draw.random() < 0.03:  # an unknown answer
                cells[draw.randint(2, 7)] = ""
            writer.writerow(cells)


def time_parse(path: Path, runs: int = PARSE_RUNS) -> tuple[float, float]:
    """Wall-clock and CPU seconds to read every row with csv.reader and nothing else (the best of `runs`)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for _ in csv.reader(handle):
                pass
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def time_batch(path: Path, out: Path) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds and peak RSS (bytes) of `python -m calculator batch` on `path`, run as a
    child process."""
    command = [sys.executable, "-m", "calculator", "batch", str(path), "-o", str(out), "--as-of", AS_OF]
    wall = time.perf_counter()
    with tempfile.TemporaryFile() as messages:
        child = subprocess.Popen(command, cwd=ROOT, stderr=messages)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - wall
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            messages.seek(0)
            raise SystemExit(f"batch failed (exit status {child.returncode}): {messages.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024  # Linux reports kilobytes


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="the largest size (default 1,000,000)")
    rows = parser.parse_args().rows
    print(f"machine: {os.cpu_count()} CPUs ({cpu_model()}), Python {platform.python_version()}, as of {AS_OF}")
    print(f"{'rows':>10} {'parse s':>8} {'parse rows/s':>13} {'batch s':>8} {'batch rows/s':>13}"
          f" {'batch/parse':>12} {'CPU s parse':>12} {'CPU s batch':>12} {'CPU ratio':>10} {'CPU µs/row':>11}"
          f" {'peak RSS MiB':>13}")
    with tempfile.TemporaryDirectory() as scratch:
        for size in sorted({max(1, rows // 100), max(1, rows // 10), rows}):
            units, out = Path(scratch, f"units-{size}.csv"), Path(scratch, f"out-{size}.csv")
            write_units(units, size)
            parse, parse_cpu = time_parse(units)
            batch, batch_cpu, peak = time_batch(units, out)
            print(f"{size:>10,} {parse:>8.2f} {size / parse:>13,.0f} {batch:>8.2f} {size / batch:>13,.0f}"
                  f" {batch / parse:>11.1f}× {parse_cpu:>12.3f} {batch_cpu:>12.2f} {batch_cpu / parse_cpu:>9.1f}×"
                  f" {batch_cpu / size * 1e6:>11.1f} {peak / 2**20:>13.1f}", flush=True)
            units.unlink()
            out.unlink()


if __name__ == "__main__":
    main()
