// Command demo-modernc is the seed's demo (prints 55) on modernc.org/sqlite (SQLite translated from C to Go).
package main

import (
	"fmt"
	"os"

	"github.com/hello-sqlite/hello-sqlite/bench/drivers/internal/demo"
	_ "modernc.org/sqlite"
)

func main() {
	if err := demo.Run("sqlite", os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demo-modernc:", err)
		os.Exit(1)
	}
}
