// Command demo-mattn is the seed's demo (prints 55) on mattn/go-sqlite3 (cgo; build it static with -linkmode external -extldflags -static).
package main

import (
	"fmt"
	"os"

	"github.com/hello-sqlite/hello-sqlite/bench/drivers/internal/demo"
	_ "github.com/mattn/go-sqlite3"
)

func main() {
	if err := demo.Run("sqlite3", os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demo-mattn:", err)
		os.Exit(1)
	}
}
