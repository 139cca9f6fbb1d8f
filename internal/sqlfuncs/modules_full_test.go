//go:build full

package sqlfuncs

import "testing"

// TestFullModules checks the -tags full build has FTS5 and R*Tree.
func TestFullModules(t *testing.T) {
	conn := openRegistered(t)
	err := conn.Exec(`CREATE VIRTUAL TABLE doc USING fts5(body);
		INSERT INTO doc VALUES ('the quick brown fox'), ('lazy dogs sleep');
		CREATE VIRTUAL TABLE box USING rtree(id, x0, x1);
		INSERT INTO box VALUES (1, 0, 10), (2, 20, 30);`)
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		`SELECT body FROM doc WHERE doc MATCH 'fox'`:     "the quick brown fox",
		`SELECT id FROM box WHERE x0 <= 25 AND x1 >= 25`: "2",
	} {
		stmt, _, err := conn.Prepare(q)
		if err != nil {
			t.Fatal(err)
		}
		if !stmt.Step() || stmt.ColumnText(0) != want {
			t.Errorf("%s: got %q, want %q", q, stmt.ColumnText(0), want)
		}
		stmt.Close()
	}
}
