package lineedit

import (
	"strings"
	"unicode/utf8"
)

// Bracketed paste. liner has none: a paste reads as typed, so a Tab in
// pasted SQL completes and an Escape starts a key sequence. The terminal
// marks a paste with pasteStart ... pasteEnd while pasteOn is in force;
// pasteFilter (run by the pump on what fd 0 gives) makes each control
// character inside a paste a private-use rune, which liner inserts as an
// ordinary character, and ReadLine turns back into the control character.

const (
	pasteOn    = "\x1b[?2004h"
	pasteOff   = "\x1b[?2004l"
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"

	// literalBase+b stands for the control byte b (C0 or DEL) while liner
	// edits: plane 16's private use area, which nobody types.
	literalBase = 0x10FF00
)

// pasteFilter turns what the terminal sends into what liner reads. A line
// end in a paste (\r\n, \r or \n) is Enter, so each pasted line is
// accepted in turn and a last line without one stays to be edited.
type pasteFilter struct {
	inPaste bool
	afterCR bool   // the paste's last byte was \r: a \n after it ends no other line
	held    []byte // a proper prefix of the marker awaited, at the end of the last chunk
}

// feed appends to out what in, after the bytes held, gives liner.
func (f *pasteFilter) feed(out, in []byte) []byte {
	if len(f.held) > 0 {
		in = append(f.held, in...)
		f.held = nil
	}
	for i := 0; i < len(in); i++ {
		if in[i] == 0x1b {
			marker := pasteStart
			if f.inPaste {
				marker = pasteEnd
			}
			rest := string(in[i:])
			if strings.HasPrefix(rest, marker) {
				f.inPaste, f.afterCR = !f.inPaste, false
				i += len(marker) - 1
				continue
			}
			if strings.HasPrefix(marker, rest) { // the chunk ends inside a marker
				f.held = []byte(rest)
				return out
			}
		}
		out = f.byte(out, in[i])
	}
	return out
}

// holding reports whether feed holds bytes outside a paste: the caller
// waits a little for the rest of the marker, then calls flush, so that an
// Escape key is not held. In a paste the end marker is sure to follow.
func (f *pasteFilter) holding() bool { return len(f.held) > 0 && !f.inPaste }

// flush appends the bytes held as what they are when no marker follows.
func (f *pasteFilter) flush(out []byte) []byte {
	for _, b := range f.held {
		out = f.byte(out, b)
	}
	f.held = nil
	return out
}

func (f *pasteFilter) byte(out []byte, b byte) []byte {
	if !f.inPaste {
		return append(out, b)
	}
	switch {
	case b == '\n' && f.afterCR:
	case b == '\r' || b == '\n':
		out = append(out, '\r')
	case b < 0x20 || b == 0x7f:
		out = utf8.AppendRune(out, literalBase+rune(b))
	default:
		out = append(out, b)
	}
	f.afterCR = b == '\r'
	return out
}

// fromLiteral turns the private-use runes back into control characters.
func fromLiteral(s string) string {
	return strings.Map(func(r rune) rune {
		if c := r - literalBase; c >= 0 && (c < 0x20 || c == 0x7f) {
			return c
		}
		return r
	}, s)
}
