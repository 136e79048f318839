package main

import (
	"fmt"
	"math"
)

type Vec struct{ X, Y float64 }

func (v Vec) Add(o Vec) Vec       { return Vec{v.X + o.X, v.Y + o.Y} }
func (v Vec) Scale(f float64) Vec { return Vec{v.X * f, v.Y * f} }
func (v Vec) Len() float64        { return math.Hypot(v.X, v.Y) }
func (v *Vec) Normalize() {
	l := v.Len()
	v.X /= l
	v.Y /= l
}

type Particle struct {
	Name string
	Pos  Vec
	Vel  Vec
}

func (p *Particle) Step(dt float64) { p.Pos = p.Pos.Add(p.Vel.Scale(dt)) }

func main() {
	v := Vec{3, 4}
	fmt.Println(v, v.Len(), v.Add(Vec{1, 1}))
	v.Normalize()
	fmt.Printf("%.2f %.2f\n", v.X, v.Y)
	p := Particle{Name: "p1", Vel: Vec{1, 2}}
	for i := 0; i < 3; i++ {
		p.Step(0.5)
	}
	fmt.Printf("%+v\n", p)
	fmt.Println(Vec{1, 2} == Vec{1, 2}, Vec{} == Vec{0, 1})
}
