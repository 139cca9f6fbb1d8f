package shell

import (
	"crypto/sha3"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"

	"github.com/hello-sqlite/hello-sqlite/internal/sqltext"
)

// .sha3sum ?OPTIONS? ?LIKE-PATTERN?: a SHA3 hash of the content of the
// tables (those matching the pattern, each hashed separately), the same
// digest as the stock shell's: its queries, hashed as its sha3_query()
// SQL function hashes them (see sha3Query), printed in the current mode.

func dotSha3sum(s *shell, args []string) error {
	like, haveLike := "", false
	schema, separate, size, debug := false, false, 224, false
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "-") {
			z := strings.TrimPrefix(a[1:], "-")
			switch z {
			case "schema":
				schema = true
			case "sha3-224", "sha3-256", "sha3-384", "sha3-512":
				size, _ = strconv.Atoi(z[5:])
			case "debug":
				debug = true
			default:
				fmt.Fprintf(s.stderr, "Unknown option \"%s\" on \"%s\"\n", a, s.dotTyped)
				s.showHelp(s.out, s.dotTyped)
				return ReportedError{fmt.Errorf("unknown option %q", a)}
			}
			continue
		}
		if haveLike {
			return s.stockError("Usage: .sha3sum ?OPTIONS? ?LIKE-PATTERN?")
		}
		like, haveLike, separate = a, true, true
		if likeEscMatch(`sqlite\_%`, like) {
			schema = true
		}
	}
	tables := "SELECT lower(name) as tname FROM sqlite_schema WHERE type='table' AND coalesce(rootpage,0)>1"
	if schema {
		tables += " UNION ALL SELECT 'sqlite_schema' ORDER BY 1 collate nocase"
	} else {
		tables += " AND name NOT LIKE 'sqlite__%' ESCAPE '_' ORDER BY 1 collate nocase"
	}
	rows, err := s.queryStrings(tables)
	if err != nil {
		return err
	}
	type part struct{ query, label string }
	var parts []part
	for _, r := range rows {
		tab := r[0]
		if haveLike && !likeMatch(like, tab) {
			continue
		}
		q := ""
		switch {
		case !strings.HasPrefix(tab, "sqlite_"):
			q = "SELECT * FROM " + sqltext.QuotedIdent(tab) + " NOT INDEXED;"
		case tab == "sqlite_schema":
			q = "SELECT type,name,tbl_name,sql FROM sqlite_schema ORDER BY name;"
		case tab == "sqlite_sequence":
			q = "SELECT name,seq FROM sqlite_sequence ORDER BY name;"
		case tab == "sqlite_stat1":
			q = "SELECT tbl,idx,stat FROM sqlite_stat1 ORDER BY tbl,idx;"
		case tab == "sqlite_stat4":
			q = "SELECT * FROM " + tab + " ORDER BY tbl, idx, rowid;\n"
		}
		parts = append(parts, part{q, tab})
	}
	if debug {
		// The stock shell shows the query it would run.
		var b strings.Builder
		b.WriteString("WITH [sha3sum$query](a,b) AS(")
		for i, p := range parts {
			if i == 0 {
				b.WriteString("VALUES(")
			} else {
				b.WriteString("),(")
			}
			b.WriteString(sqltext.StringLiteral(p.query) + "," + sqltext.StringLiteral(p.label))
		}
		if separate {
			fmt.Fprintf(&b, ")) SELECT lower(hex(sha3_query(a,%d))) AS hash, b AS label   FROM [sha3sum$query]", size)
		} else {
			fmt.Fprintf(&b, ")) SELECT lower(hex(sha3_query(group_concat(a,''),%d))) AS hash   FROM [sha3sum$query]", size)
		}
		fmt.Fprintln(s.out, b.String())
		return s.sha3sumCheckText(like, haveLike, true)
	}
	// The result, as a query, so that it prints in the current mode.
	var result strings.Builder
	if separate {
		for i, p := range parts {
			sum, err := s.sha3Query(p.query, size)
			if err != nil {
				return err
			}
			if i > 0 {
				result.WriteString(" UNION ALL ")
			}
			fmt.Fprintf(&result, "SELECT %s AS hash, %s AS label", sqltext.StringLiteral(sum), sqltext.StringLiteral(p.label))
		}
	} else if len(parts) > 0 {
		var all strings.Builder
		for _, p := range parts {
			all.WriteString(p.query)
		}
		sum, err := s.sha3Query(all.String(), size)
		if err != nil {
			return err
		}
		fmt.Fprintf(&result, "SELECT %s AS hash", sqltext.StringLiteral(sum))
	}
	// No table to hash: the stock shell's query does not compile, and it
	// prints nothing.
	if len(parts) > 0 {
		if err := s.execSQL(result.String()); err != nil {
			return err
		}
	}
	return s.sha3sumCheckText(like, haveLike, false)
}

// sha3Query is the stock shell's sha3_query(SQL, SIZE) as lower-case hex:
// each statement of sql is run, and hashed as "S<n>:<its text>", then
// "R" and each column of each row (N; I or F and 8 bytes big-endian;
// T<n>:text; B<n>:bytes).
func (s *shell) sha3Query(sql string, size int) (string, error) {
	var h hash.Hash
	switch size {
	case 224:
		h = sha3.New224()
	case 256:
		h = sha3.New256()
	case 384:
		h = sha3.New384()
	default:
		h = sha3.New512()
	}
	for sql != "" {
		stmt, tail, err := s.db.Prepare(sql)
		if err != nil {
			return "", fmt.Errorf("error SQL statement [%s]: %s", sql, ErrorMessage(err))
		}
		text := sql[:len(sql)-len(tail)]
		sql = tail
		if stmt == nil {
			continue
		}
		if !stmt.ReadOnly() {
			stmt.Close()
			return "", fmt.Errorf("non-query: [%s]", text)
		}
		fmt.Fprintf(h, "S%d:%s", len(text), text)
		n := stmt.ColumnCount()
		var num [9]byte
		for stmt.Step() {
			h.Write([]byte("R"))
			for i := 0; i < n; i++ {
				switch stmt.ColumnType(i) {
				case sqlite3.NULL:
					h.Write([]byte("N"))
				case sqlite3.INTEGER:
					num[0] = 'I'
					binary.BigEndian.PutUint64(num[1:], uint64(stmt.ColumnInt64(i)))
					h.Write(num[:])
				case sqlite3.FLOAT:
					num[0] = 'F'
					binary.BigEndian.PutUint64(num[1:], math.Float64bits(stmt.ColumnFloat(i)))
					h.Write(num[:])
				case sqlite3.TEXT:
					t := stmt.ColumnRawText(i)
					fmt.Fprintf(h, "T%d:", len(t))
					h.Write(t)
				case sqlite3.BLOB:
					b := stmt.ColumnRawBlob(i)
					fmt.Fprintf(h, "B%d:", len(b))
					h.Write(b)
				}
			}
		}
		err = stmt.Err()
		stmt.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// sha3sumCheckText warns, as the stock shell does, about text values that
// do not survive a round trip through a blob (invalid UTF-8), since the
// digest depends on how they are stored.
// With debug, the queries are shown as they run.
func (s *shell) sha3sumCheckText(like string, haveLike, debug bool) error {
	tables := "SELECT lower(name) as tname FROM sqlite_schema\n" +
		"WHERE type='table' AND coalesce(rootpage,0)>1\n" +
		"AND name NOT LIKE 'sqlite__%' ESCAPE '_'"
	var binds []string
	if haveLike {
		tables += " AND name LIKE $tspec"
		binds = append(binds, like)
	}
	tables += "\nORDER BY 1 collate nocase"
	gen := "with tabcols as materialized(\n" +
		"select tname, cname\n" +
		"from (" +
		" select printf('\"%w\"',ss.tname) as tname," +
		" printf('\"%w\"',ti.name) as cname\n" +
		" from (" + tables + ") ss\n inner join pragma_table_info(tname) ti))\n" +
		"select 'SELECT total(bad_text_count) AS bad_text_count\n" +
		"FROM ('||group_concat(query, ' UNION ALL ')||')' as btc_query\n" +
		" from (select 'SELECT COUNT(*) AS bad_text_count\n" +
		"FROM '||tname||' WHERE '\n" +
		"||group_concat('CAST(CAST('||cname||' AS BLOB) AS TEXT)<>'||cname\n" +
		"|| ' AND typeof('||cname||')=''text'' ',\n" +
		"' OR ') as query, tname from tabcols group by tname)"
	if debug {
		fmt.Fprintln(s.out, gen)
	}
	rows, err := s.queryNullable(gen, binds...)
	if err != nil || len(rows) == 0 || rows[0] == nil {
		// No column to check: the stock shell fails to prepare NULL.
		return s.stockError(".sha3sum failed.")
	}
	if debug {
		fmt.Fprintln(s.out, *rows[0])
	}
	counts, err := s.queryStrings(*rows[0])
	if err != nil {
		return s.stockError(".sha3sum failed.")
	}
	if len(counts) > 0 {
		if n, _ := strconv.ParseFloat(counts[0][0], 64); n > 0 {
			sz := int(n + 0.5)
			plural := ""
			if sz > 1 {
				plural = "s"
			}
			fmt.Fprintf(s.stderr, "Digest includes %d invalidly encoded text field%s.\n", sz, plural)
		}
	}
	return nil
}

// likeEscMatch is LIKE with "\\" as the escape character.
func likeEscMatch(pattern, s string) bool { return likeMatchEscape(pattern, s, '\\') }

// queryNullable runs sql and returns the first column of each row, nil
// for NULL.
func (s *shell) queryNullable(sql string, binds ...string) ([]*string, error) {
	stmt, _, err := s.db.Prepare(sql)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	for i, b := range binds {
		stmt.BindText(i+1, b)
	}
	var out []*string
	for stmt.Step() {
		if stmt.ColumnType(0) == sqlite3.NULL {
			out = append(out, nil)
			continue
		}
		v := stmt.ColumnText(0)
		out = append(out, &v)
	}
	return out, stmt.Err()
}
