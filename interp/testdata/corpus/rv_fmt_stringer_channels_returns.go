package main

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type Reading struct {
	Where string
	T     Temp
}

func (r Reading) String() string { return r.Where + "@" + r.T.String() }

func minMax(ts ...Temp) (Temp, Temp) {
	lo, hi := ts[0], ts[0]
	for _, t := range ts {
		if t < lo {
			lo = t
		}
		if t > hi {
			hi = t
		}
	}
	return lo, hi
}

func latest() Reading { return Reading{"roof", 21.25} }

func feed(rs ...Reading) chan Reading {
	ch := make(chan Reading, len(rs))
	for _, r := range rs {
		ch <- r
	}
	close(ch)
	return ch
}

func main() {
	fmt.Println(minMax(3, -2, 7.5))
	lo, hi := minMax(1, 2)
	fmt.Println(lo, hi, hi-lo)
	fmt.Println(latest(), latest().T)
	fmt.Printf("%v %s\n", latest(), latest())
	ch := feed(Reading{"a", 1}, Reading{"b", 2})
	fmt.Println(<-ch)
	for r := range ch {
		fmt.Println("ranged", r)
	}
	r, ok := <-ch
	fmt.Println(r, ok)
	temps := make(chan Temp, 1)
	temps <- 36.6
	fmt.Println(<-temps)
	getters := []func() Temp{func() Temp { return 1 }, func() Temp { return 2 }}
	fmt.Println(getters[1](), fmt.Sprint(getters[0]()))
	pr := &Reading{"p", 5}
	fmt.Println(pr, *pr)
	m := map[string]*Reading{"x": pr}
	fmt.Println(m["x"])
}
