package main

import (
	"fmt"
	"strings"
)

type Flag uint16

const (
	FlagA Flag = 1 << iota
	FlagB
	FlagC
	FlagD
	FlagAll = FlagA | FlagB | FlagC | FlagD
)

var flagNames = []string{"A", "B", "C", "D"}

func (f Flag) String() string {
	var parts []string
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "+")
}

func (f Flag) Has(g Flag) bool { return f&g == g }

func main() {
	f := FlagA | FlagC
	fmt.Println(f, FlagAll, FlagAll&^f, f^FlagAll)
	fmt.Printf("%v %d %b %08b %#x %o %X\n", f, f, f, f, f, f, FlagAll)
	fmt.Println(f.Has(FlagA), f.Has(FlagB), (f | FlagB).Has(FlagB))
	f |= FlagD
	f &^= FlagA
	fmt.Println(f, uint16(f), ^f&FlagAll)
	fmt.Println(FlagB<<1 == FlagC, FlagD>>3, Flag(0))
	var counts [4]int
	for _, x := range []Flag{FlagA, FlagB | FlagA, FlagAll} {
		for i := range counts {
			if x&(1<<i) != 0 {
				counts[i]++
			}
		}
	}
	fmt.Println(counts)
	const mask = 0xF0
	var b byte = 0xAB
	fmt.Printf("%08b %08b %08b %x\n", b, b&mask, b>>4, b&^mask)
	fmt.Println(1<<3|1, 6&3, 6|3, 6^3, -8>>1)
}
