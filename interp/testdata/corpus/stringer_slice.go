package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Reading struct {
	Place string
	Temp  Celsius
}

func main() {
	temps := []Celsius{21.5, 19}
	fmt.Println(temps)
	fmt.Println(Reading{"Oslo", 3})
	fmt.Println(map[string]Celsius{"x": 1})
}
