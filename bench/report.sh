#!/usr/bin/env bash
# report.sh RESULTS_DIR HELLO STOCK340 STOCK353: write bench/RESULTS.md (on
# stdout) from bench/run's TSV files, then append bench/levers.md (the levers
# tried, measured by hand with the same tools).
set -euo pipefail
dir=$1 hello=$2 stock340=$3 stock353=$4
bench=$(cd "$(dirname "$0")" && pwd)
ver() { (cd "$bench/drivers" && go list -m -f '{{.Version}}' "$1"); }
row() { awk -F'\t' -v name="$1" '$1 == name' "$2"; }
goal() { awk -v v="$1" -v max="$2" 'BEGIN { print (v <= max) ? "met" : "**missed**" }'; }

cat <<EOF2
# Benchmark results

Made by \`bench/run\` (see the README); the chart is [results/chart.png](results/chart.png), the raw figures
are the TSV files in [results/](results/). Every timing alternates the contenders round after round and gives the
median; "ratio" is the median wall time divided by the stock shell's (Debian's sqlite3 3.40, C, run directly).
"CPU" is user + system time of the process (less disturbed by other load on the machine than wall time; for Go
programs it includes the runtime's other threads). Peak RSS is the program's VmHWM read at its exit.

- Date: $(date -u '+%F %H:%M UTC')
- Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, Linux $(uname -r), $(. /etc/os-release && echo "$PRETTY_NAME")
- Load average (1, 5, 15 min) when the run started: $(cat "$dir/loadavg-start"); when it ended: $(cat "$dir/loadavg-end")
  (2 cores: above 2, other work shared the CPUs and wall times spread; the CPU columns suffer less)
- Go: $(go version | cut -d' ' -f3-)
- hello-sqlite: $("$hello" -version 2>/dev/null | paste -sd ';' - | sed 's/;/; /g' || echo "(no -version)"), $(stat -c %s "$hello") bytes (built by scripts/build-static)
- Stock shells: sqlite3 $("$stock340" -version | cut -d' ' -f1) (/usr/bin/sqlite3), sqlite3 $("$stock353" -version | cut -d' ' -f1) (stock-sqlite3)
- Drivers: github.com/ncruces/go-sqlite3 $(ver github.com/ncruces/go-sqlite3), modernc.org/sqlite $(ver modernc.org/sqlite), github.com/mattn/go-sqlite3 $(ver github.com/mattn/go-sqlite3) (cgo, gcc $(gcc -dumpfullversion))

## 1. Startup: \`:memory:\`, CREATE, 10 INSERTs, SUM

| contender | median ms | min ms | max ms | ratio | CPU ms | CPU ratio | peak RSS |
|---|---:|---:|---:|---:|---:|---:|---:|
$(awk -F'\t' '{ printf "| %s | %.2f | %.2f | %.2f | %.2fx | %.2f | %.2fx | %.1f MiB |\n", $1, $2, $3, $4, $6, $7, $8, $5 / 1024 }' "$dir/startup.tsv")

sqlite3-3.40 gets the SQL as one argument; hello-sqlite-demo is the binary without arguments (prints 55);
hello-sqlite-shell is the binary given the same SQL argument as the stock shell; modernc-demo and mattn-demo are
the same demo on database/sql with those drivers, built static (bench/drivers/cmd).
Goal: startup <= 1.3x the stock shell: $(goal "$(row hello-sqlite-demo "$dir/startup.tsv" | cut -f6)" 1.3) (demo, wall; CPU ratio
$(row hello-sqlite-demo "$dir/startup.tsv" | awk -F'\t' '{ printf "%.2fx", $8 }')).

## 2. Shell workload on a file database

\`bench/workload.sql.in\` with 400,000 rows: one INSERT from a recursive CTE, CREATE INDEX, a GROUP BY printing 1,000
rows, a 200,000-row self-join, a LIKE scan; fed on stdin to a fresh database file each run. The outputs of all
contenders were checked to be identical.

| contender | median ms | min ms | max ms | ratio | CPU ms | CPU ratio | peak RSS |
|---|---:|---:|---:|---:|---:|---:|---:|
$(awk -F'\t' '{ printf "| %s | %.0f | %.0f | %.0f | %.2fx | %.0f | %.2fx | %.1f MiB |\n", $1, $2, $3, $4, $6, $7, $8, $5 / 1024 }' "$dir/workload.tsv")

The 3.53 shell runs through \`stock-sqlite3\`, a bash wrapper that also runs dpkg twice before it execs the shell
(about 35 ms of each of its runs). Goal: workload <= 1.5x the stock shell: $(goal "$(row hello-sqlite "$dir/workload.tsv" | cut -f6)" 1.5)
(wall; CPU ratio $(row hello-sqlite "$dir/workload.tsv" | awk -F'\t' '{ printf "%.2fx", $8 }')).

## 3. Driver level (database/sql, go test -bench, bench/drivers)

| benchmark | driver | median ns/op | vs ncruces |
|---|---|---:|---:|
$(awk -F'\t' '{ printf "| %s | %s | %.0f | %.2fx |\n", $1, $2, $3, $4 }' "$dir/drivers.tsv")

InsertTx: one prepared INSERT per op inside one transaction (commit included). QueryLarge: scan all of a
100,000-row, 3-column table per op. ConcurrentReaders: 100-row range reads of a WAL database, 4 goroutines per core
on a pool of 8 connections; ns/op is wall time per query (so lower also means better use of both cores). Each driver
has its own test binary (ncruces and mattn both register "sqlite3"); the script runs them in turn, round after
round.

## 4. Size

| binary | bytes | MB | gzip -9 MB |
|---|---:|---:|---:|
$(awk -F'\t' '{ printf "| %s | %d | %.2f | %s |\n", $1, $2, $2 / 1e6, ($3 == "-" ? "-" : sprintf("%.2f", $3 / 1e6)) }' "$dir/size.tsv")

All Go builds stripped (-s -w) and static; mattn built with CGO_ENABLED=1, \`-tags
sqlite_omit_load_extension,osusergo,netgo\`, \`-linkmode external -extldflags -static\` (checked: no INTERP, no
DYNAMIC segment). The seed's figure is its Rust image. Goal: binary <= 7.5 MB:
$(goal "$(row hello-sqlite "$dir/size.tsv" | awk '{ print $2 / 1e6 }')" 7.5).

## 5. Peak memory

Median peak RSS (VmHWM at exit, measured in runs of their own under ptrace) in the runs above: the demo
$(row hello-sqlite-demo "$dir/startup.tsv" | awk -F'\t' '{ printf "%.1f MiB", $5 / 1024 }') (goal <= 8 MB: $(goal "$(row hello-sqlite-demo "$dir/startup.tsv" | awk -F'\t' '{ print $5 * 1024 / 1e6 }')" 8)), the stock shell
$(row sqlite3-3.40 "$dir/startup.tsv" | awk -F'\t' '{ printf "%.1f MiB", $5 / 1024 }'); the workload: hello-sqlite
$(row hello-sqlite "$dir/workload.tsv" | awk -F'\t' '{ printf "%.1f MiB", $5 / 1024 }'), sqlite3 3.40
$(row sqlite3-3.40 "$dir/workload.tsv" | awk -F'\t' '{ printf "%.1f MiB", $5 / 1024 }').

EOF2
cat "$bench/levers.md"
