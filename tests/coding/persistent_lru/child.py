"""A child process for the crash tests: run seeded calls through the LRU under test
and print one line per call that returned, `<index> <canonical result>`, flushed
before the next call starts. The parent kills it whenever it likes.

    python child.py IMPL CLASS PATH CAPACITY SEED START COUNT [FAULT ARM_AFTER]

IMPL is the file that defines CLASS (ours, or a reader's). FAULT, if given, is
"before-rename" or "after-rename": once ARM_AFTER calls have returned, the next
os.replace or os.rename (which pathlib and shutil use too) kills this process
with SIGKILL, either instead of renaming or right after it.
"""
from __future__ import annotations

import importlib.util
import os
import signal
import sys
from pathlib import Path


def arm(fault: str) -> None:
    def crashing(real):
        def rename(*args, **kwargs):
            if fault == "after-rename":
                real(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)
        return rename
    os.replace, os.rename = crashing(os.replace), crashing(os.rename)


def main(argv: list[str]) -> None:
    impl, name, path, capacity, seed, start, count = argv[:7]
    fault, arm_after = (argv[7], int(argv[8])) if len(argv) > 7 else ("", 0)
    sys.path[:0] = [str(Path(__file__).resolve().parents[3]), str(Path(impl).resolve().parent)]
    from tests.coding.persistent_lru import workload

    spec = importlib.util.spec_from_file_location("lru_under_test", impl)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    calls = workload.random_calls(int(seed), int(start) + int(count))
    print("open", flush=True)
    lru = getattr(module, name)(int(capacity), path)
    for i in range(int(start), len(calls)):
        if fault and i == int(start) + arm_after:
            arm(fault)
        result = workload.invoke(lru, calls[i])
        print(i, workload.canonical(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
