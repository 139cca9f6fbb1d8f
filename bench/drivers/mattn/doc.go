// Package mattn holds only the benchmarks of its test file.
package mattn
