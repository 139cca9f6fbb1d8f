// Package mattn runs the driver benchmarks (internal/suite) on mattn.
package mattn

import (
	"testing"

	"github.com/hello-sqlite/hello-sqlite/bench/drivers/internal/suite"
	_ "github.com/mattn/go-sqlite3"
)

var driver = suite.Driver{
	Name: "sqlite3",
	DSN: func(path string) string {
		return "file:" + path + "?_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=5000"
	},
}

func BenchmarkDriver(b *testing.B) { suite.All(b, driver) }
