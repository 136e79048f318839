package main

import "fmt"

type Meters float64
type Feet float64

const FeetPerMeter = 3.28084

func (m Meters) ToFeet() Feet { return Feet(m * FeetPerMeter) }

type ID string

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f), int64(f*100))
	n := 65
	fmt.Println(string(rune(n)), float64(n)/2)
	var b byte = byte(n + 200)
	fmt.Println(b)
	m := Meters(100)
	fmt.Printf("%.2f %T\n", m.ToFeet(), m.ToFeet())
	fmt.Printf("%v %T\n", m*2, m*2)
	var id ID = "u-42"
	fmt.Printf("%v %q %T %s\n", id, id, id, string(id)+"!")
	const k = 5
	var i8 int8 = k
	var u16 uint16 = k * 1000
	fmt.Println(i8, u16, float32(k)/2)
	x := uint8(250)
	y := int(x) + 10
	fmt.Println(x+10, y)
	fmt.Println([]byte("hé"), []rune("hé"), string([]rune{72, 105}))
}
