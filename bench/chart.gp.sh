#!/usr/bin/env bash
# chart.gp.sh RESULTS_DIR OUT.png: draw bench/run's results with gnuplot:
# time relative to the stock shell (startup, workload) and binary size.
set -euo pipefail
dir=${1:?usage: chart.gp.sh RESULTS_DIR OUT.png} png=${2:?usage: chart.gp.sh RESULTS_DIR OUT.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# "label" wall-ratio CPU-ratio: median times over the stock shell's.
{
  awk -F'\t' '{ printf "\"startup\\n%s\" %s %s\n", $1, $6, $8 }' "$dir/startup.tsv"
  awk -F'\t' '{ printf "\"workload\\n%s\" %s %s\n", $1, $6, $8 }' "$dir/workload.tsv"
} >"$tmp/time.dat"
awk -F'\t' '{ printf "\"%s\" %.3f %s\n", $1, $2 / 1e6, ($3 == "-" ? "NaN" : $3 / 1e6) }' "$dir/size.tsv" >"$tmp/size.dat"
gnuplot <<GP
set terminal pngcairo size 1400,600 font "sans,10"
set output "$png"
set multiplot layout 1,2 title "hello-sqlite against the stock sqlite3 shell and the other Go drivers ($(date -u +%F), $(nproc) cores)"
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.8
set grid ytics
set xtics rotate by -40 left font ",8"
set yrange [0:*]
set key inside top left horizontal
set offsets 0, 0, graph 0.12, 0
set title "median time / stock sqlite3 3.40's (lower is better)"
set ylabel "ratio"
set style histogram clustered gap 1
plot "$tmp/time.dat" using 2:xtic(1) title "wall" linecolor rgb "#4472c4", "" using 3 title "CPU" linecolor rgb "#70ad47", 1 with lines dashtype 2 linecolor rgb "#888888" notitle
set title "binary size, MB (the stock shell counted with its shared libraries)"
set ylabel "MB"
plot "$tmp/size.dat" using 2:xtic(1) title "stripped" linecolor rgb "#4472c4", "" using 3 title "gzip -9" linecolor rgb "#ed7d31"
unset multiplot
GP
