package shell

import "testing"

func TestIndentSchema(t *testing.T) {
	long := "CREATE TABLE t2(a INTEGER PRIMARY KEY, b BLOB DEFAULT(jsonb('[]')),c TEXT NOT NULL)STRICT"
	tests := []struct{ in, want string }{
		{"CREATE TABLE t(a,   b)", "CREATE TABLE t(a, b)"},
		{"  CREATE TABLE t ( a )  ", "CREATE TABLE t(a)"},
		{"CREATE VIEW v AS SELECT   1", "CREATE VIEW v AS SELECT   1"},
		{"create trigger x after insert on t begin select 1; end", "create trigger x after insert on t begin select 1; end"},
		{long, "CREATE TABLE t2(\n  a INTEGER PRIMARY KEY,\n  b BLOB DEFAULT(jsonb('[]')),\n  c TEXT NOT NULL\n)STRICT"},
		{"CREATE INDEX some_long_index_name ON some_long_table_name(x) WHERE a > 1 AND b < 2 AND c",
			"CREATE INDEX some_long_index_name ON some_long_table_name(\n  x\n) WHERE a > 1 \n    AND b < 2 \n    AND c"},
		{"CREATE TABLE quoted_names_are_kept(\"a, b\" TEXT, 'c(d' INT, [e,f] REAL, `g)h` BLOB, x)",
			"CREATE TABLE quoted_names_are_kept(\n  \"a, b\" TEXT,\n  'c(d' INT,\n  [e,f] REAL,\n  `g)h` BLOB,\n  x\n)"},
	}
	for _, tt := range tests {
		if got := indentSchema(tt.in); got != tt.want {
			t.Errorf("indentSchema(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
