package main

import (
	"bytes"
	"debug/elf"
	"fmt"
)

// elfMachines maps GOARCH names to ELF machines.
var elfMachines = map[string]elf.Machine{
	"amd64":   elf.EM_X86_64,
	"arm64":   elf.EM_AARCH64,
	"386":     elf.EM_386,
	"arm":     elf.EM_ARM,
	"riscv64": elf.EM_RISCV,
}

// checkBinary reports why data is not a static ELF executable for arch free
// of store paths (arch "" skips the machine check).
func checkBinary(data []byte, arch string) []string {
	var problems []string
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return []string{fmt.Sprintf("not an ELF file: %v", err)}
	}
	if f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN {
		problems = append(problems, fmt.Sprintf("ELF type %v, want an executable", f.Type))
	}
	// Static means: no ELF interpreter (dynamic loader) to find at run time.
	// A static-pie would be ET_DYN with PT_DYNAMIC but still no PT_INTERP.
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			problems = append(problems, "dynamically linked: it has an ELF interpreter (PT_INTERP)")
		}
	}
	if arch != "" {
		want, ok := elfMachines[arch]
		if !ok {
			problems = append(problems, fmt.Sprintf("unknown architecture %q", arch))
		} else if f.Machine != want {
			problems = append(problems, fmt.Sprintf("ELF machine %v, want %v (%s)", f.Machine, want, arch))
		}
	}
	if i := bytes.Index(data, []byte("/nix/store")); i >= 0 {
		problems = append(problems, fmt.Sprintf("contains a /nix/store path at byte %d: %q", i, excerpt(data, i)))
	}
	return problems
}

func excerpt(data []byte, i int) string {
	end := i + 80
	if end > len(data) {
		end = len(data)
	}
	if j := bytes.IndexByte(data[i:end], 0); j >= 0 {
		end = i + j
	}
	return string(data[i:end])
}
