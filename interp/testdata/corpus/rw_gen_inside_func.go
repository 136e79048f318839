package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

type Score int

type Team struct {
	Name   string
	Scores []Score
}

func report(teams []Team) {
	for _, t := range teams {
		fmt.Printf("%s: sum=%d avg=%.2f\n", t.Name, Sum(t.Scores), Average(t.Scores))
	}
	best := func() Team {
		b := teams[0]
		for _, t := range teams[1:] {
			if Sum(t.Scores) > Sum(b.Scores) {
				b = t
			}
		}
		return b
	}()
	fmt.Println("best:", best.Name)
}

var teams = []Team{{"red", []Score{3, 4, 5}}, {"blue", []Score{6, 1, 9}}}

func main() {
	report(teams)
	fmt.Println(Sum([]float64{0.5, 0.25}))
	fmt.Println(Average([]int64{}))
	total := Sum([]Score{teams[0].Scores[0], teams[1].Scores[2]})
	fmt.Printf("%v %T\n", total, total)
}
