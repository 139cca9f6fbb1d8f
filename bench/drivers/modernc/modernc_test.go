// Package modernc runs the driver benchmarks (internal/suite) on modernc.
package modernc

import (
	"testing"

	"github.com/hello-sqlite/hello-sqlite/bench/drivers/internal/suite"
	_ "modernc.org/sqlite"
)

var driver = suite.Driver{
	Name: "sqlite",
	DSN: func(path string) string {
		return "file:" + path + "?_pragma=journal_mode(wal)&_pragma=synchronous(normal)&_pragma=busy_timeout(5000)"
	},
}

func BenchmarkDriver(b *testing.B) { suite.All(b, driver) }
