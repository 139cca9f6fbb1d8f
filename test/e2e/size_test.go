//go:build e2e

package e2e

import (
	"os"
	"testing"
)

// sizeBudget is the default binary's budget: 8.0 MB, MB being 10^6 bytes as
// in bench/report.sh. docs/size.md says what each part costs.
const sizeBudget = 8_000_000

// TestBinarySize holds the binary scripts/build-static makes (the flags of
// the Nix build) to its budget.
func TestBinarySize(t *testing.T) {
	st, err := os.Stat(bin)
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > sizeBudget {
		t.Errorf("the binary is %d bytes, over the %d-byte budget by %d (docs/size.md lists levers)",
			st.Size(), sizeBudget, st.Size()-sizeBudget)
	}
	t.Logf("binary: %d bytes, %d under the budget", st.Size(), sizeBudget-st.Size())
}
