// Command demo-ncruces-sql is the seed's demo (prints 55) on ncruces/go-sqlite3 through database/sql (to show what database/sql costs next to hello-sqlite's direct API).
package main

import (
	"fmt"
	"os"

	"github.com/hello-sqlite/hello-sqlite/bench/drivers/internal/demo"
	_ "github.com/ncruces/go-sqlite3/driver"
)

func main() {
	if err := demo.Run("sqlite3", os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demo-ncruces-sql:", err)
		os.Exit(1)
	}
}
