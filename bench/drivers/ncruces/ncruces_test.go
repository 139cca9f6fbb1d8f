// Package ncruces runs the driver benchmarks (internal/suite) on ncruces.
package ncruces

import (
	"testing"

	"github.com/hello-sqlite/hello-sqlite/bench/drivers/internal/suite"
	_ "github.com/ncruces/go-sqlite3/driver"
)

var driver = suite.Driver{
	Name: "sqlite3",
	DSN: func(path string) string {
		return "file:" + path + "?_pragma=journal_mode(wal)&_pragma=synchronous(normal)&_pragma=busy_timeout(5000)"
	},
}

func BenchmarkDriver(b *testing.B) { suite.All(b, driver) }
