package sqlfuncs

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/ncruces/go-sqlite3"
)

// The percentile family as SQLite 3.53's shell has it (SQLITE_ENABLE_PERCENTILE):
// median(Y), percentile(Y,P) with P in 0..100, percentile_cont(Y,P) and
// percentile_disc(Y,P) with P in 0..1. All are window functions; errors carry
// the stock text, with the function's name.

type percentileKind int

const (
	median percentileKind = iota
	percentile
	percentileCont
	percentileDisc
)

var percentileNames = [...]string{"median", "percentile", "percentile_cont", "percentile_disc"}

func newPercentile(kind percentileKind) sqlite3.AggregateConstructor {
	return func() sqlite3.AggregateFunction { return &percentileAgg{kind: kind} }
}

type percentileAgg struct {
	kind     percentileKind
	pct      float64 // the fraction, 0..1
	pctValid bool
	sorted   bool
	ys       []float64
}

func (p *percentileAgg) fail(ctx sqlite3.Context, format string) {
	ctx.ResultError(fmt.Errorf(format, percentileNames[p.kind]))
}

func (p *percentileAgg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	pct := 0.5
	if len(arg) == 2 {
		max := 1.0
		if p.kind == percentile {
			max = 100
		}
		t := arg[1].NumericType()
		pct = arg[1].Float() / max
		if (t != sqlite3.INTEGER && t != sqlite3.FLOAT) || pct < 0 || pct > 1 {
			ctx.ResultError(fmt.Errorf("the fraction argument to %s() is not between 0.0 and %.1f",
				percentileNames[p.kind], max))
			return
		}
	}
	if !p.pctValid {
		p.pct, p.pctValid = pct, true
	} else if d := p.pct - pct; d < -0.001 || d > 0.001 {
		p.fail(ctx, "the fraction argument to %s() is not the same for all input rows")
		return
	}

	switch arg[0].Type() {
	case sqlite3.NULL:
		return
	case sqlite3.INTEGER, sqlite3.FLOAT:
	default:
		p.fail(ctx, "input to %s() is not numeric")
		return
	}
	y := arg[0].Float()
	if math.IsInf(y, 0) {
		p.fail(ctx, "Inf input to %s()")
		return
	}
	if len(p.ys) == 0 {
		p.sorted = true
	} else if p.sorted && y < p.ys[len(p.ys)-1] {
		p.sorted = false
	}
	p.ys = append(p.ys, y)
}

func (p *percentileAgg) Inverse(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if t := arg[0].Type(); t != sqlite3.INTEGER && t != sqlite3.FLOAT {
		return
	}
	y := arg[0].Float()
	if math.IsInf(y, 0) {
		return
	}
	p.sort()
	if i, found := slices.BinarySearch(p.ys, y); found {
		p.ys = slices.Delete(p.ys, i, i+1)
	}
}

func (p *percentileAgg) sort() {
	if !p.sorted {
		sort.Float64s(p.ys)
		p.sorted = true
	}
}

func (p *percentileAgg) Value(ctx sqlite3.Context) {
	n := len(p.ys)
	if n == 0 {
		return
	}
	p.sort()
	ix := p.pct * float64(n-1)
	i1 := int(ix)
	if p.kind == percentileDisc {
		ctx.ResultFloat(p.ys[i1])
		return
	}
	i2 := i1 + 1
	if ix == float64(i1) || i1 == n-1 {
		i2 = i1
	}
	v1, v2 := p.ys[i1], p.ys[i2]
	ctx.ResultFloat(v1 + (v2-v1)*(ix-float64(i1)))
}
