// Package ncruces holds only the benchmarks of its test file.
package ncruces
