package main

import (
	"fmt"
	"time"
)

type Celsius float64
type Fahrenheit float64

const (
	Freezing Celsius = 0
	Boiling  Celsius = 100
)

func (c Celsius) String() string    { return fmt.Sprintf("%.1f°C", float64(c)) }
func (f Fahrenheit) String() string { return fmt.Sprintf("%.1f°F", float64(f)) }

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

type ID uint16

const MaxID ID = 1<<16 - 1

func main() {
	fmt.Println(Freezing, Boiling, CToF(Boiling), CToF(-40))
	fmt.Println(Boiling/3, (Boiling-Freezing)/4)
	fmt.Printf("%v %.2f %g %e\n", Boiling/3, Boiling/3, Celsius(1.5), Celsius(1e6))
	var id ID = MaxID
	id++
	fmt.Println(id, MaxID, uint32(MaxID)+1)
	small, byteVal := int8(-128), uint8(200)
	fmt.Println(small/-1 == -128, byteVal+100, -small)
	f := 3.99
	fmt.Println(int(f), int(-f), uint8(int(f)))
	r := 'Z'
	fmt.Println(string(r), string(rune(r+1)), []byte("hé"), []rune("hé"))
	const timeout = 2 * time.Second
	fmt.Println(timeout, timeout/4, time.Duration(1500)*time.Microsecond)
	d := 90 * time.Minute
	fmt.Printf("%v %d %.1f\n", d, d, d.Hours())
	type Percent float32
	p := Percent(12.5)
	fmt.Printf("%v %.3f %T\n", p, p, float32(p))
}
