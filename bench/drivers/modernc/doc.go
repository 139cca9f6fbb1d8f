// Package modernc holds only the benchmarks of its test file.
package modernc
