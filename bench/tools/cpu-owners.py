#!/usr/bin/env python3
"""Where a MotCua process's CPU goes, by owner (EF Core change tracking, EF queries, Npgsql, Kestrel, MotCua, ...).

Reads `perf script` output of a perf_events CPU profile (on-CPU samples only, unlike dotnet-trace's thread time) and
gives each sample to the innermost frame that belongs to a known owner. With JIT frames named (see docs/performance.md):

    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet run -c Release --project bench/MotCua.Bench -- \
        --applications 100000 --only submit --pairs 14
    perf record -F 999 -g -p "$(pgrep -f MotCua.Web.dll | head -1)" -o submit.perf -- sleep 40   # while it runs
    perf script -i submit.perf > submit.txt
    python3 bench/tools/cpu-owners.py submit.txt ["EF change tracking"]   # an owner's name lists its top frames
"""
import collections
import re
import sys

OWNERS = [
    ("EF change tracking", r"EntityFrameworkCore\.ChangeTracking"),
    ("EF update (SaveChanges)", r"EntityFrameworkCore\.(Update|Storage\.RelationalDatabase|DbContext)"),
    ("EF query", r"EntityFrameworkCore\.(Query|Storage)|dynamicClass::lambda|System\.Linq\.Expressions"),
    ("EF other", r"EntityFrameworkCore"),
    ("Npgsql", r"Npgsql"),
    ("crypto, data protection", r"Cryptography|DataProtection"),
    ("System.Text.Json", r"System\.Text\.Json"),
    ("JSON Schema", r"Json\.Schema|JsonSchema|Json\.More|Json\.Pointer"),
    ("OpenTelemetry, metrics", r"OpenTelemetry|System\.Diagnostics\.Metrics|DiagnosticSource"),
    ("Kestrel", r"Server\.Kestrel"),
    ("logging", r"Extensions\.Logging"),
    ("dependency injection", r"Extensions\.DependencyInjection"),
    ("caching", r"Extensions\.Caching"),
    ("NodaTime", r"NodaTime"),
    ("MotCua", r"MotCua"),
    ("ASP.NET Core other", r"Microsoft\.AspNetCore"),
    ("sockets", r"System\.Net"),
]


def owner(stack):
    for frame in stack:
        for name, pattern in OWNERS:
            if re.search(pattern, frame):
                return name, frame
    leaf = stack[0]
    kind = "runtime, GC (libcoreclr)" if "libcoreclr" in leaf else "kernel" if "kernel" in leaf else "other native"
    return kind, leaf


def main():
    totals, frames, samples, stack = collections.Counter(), collections.defaultdict(collections.Counter), 0, []

    def flush():
        nonlocal samples
        if stack:
            samples += 1
            name, frame = owner(stack)
            totals[name] += 1
            frames[name][re.sub(r"\(.*", "", frame)[:150]] += 1

    with open(sys.argv[1], errors="replace") as lines:
        for line in lines:
            if not line.strip():
                flush()
                stack = []
            elif line[0] in " \t":
                stack.append(line.strip().split(" ", 1)[-1])
    flush()
    print(f"{samples} samples")
    for name, count in totals.most_common():
        print(f"{100 * count / samples:6.2f} %  {name}")
    if len(sys.argv) > 2:
        for frame, count in frames[sys.argv[2]].most_common(25):
            print(f"   {100 * count / samples:5.2f} %  {frame}")


if __name__ == "__main__":
    main()
