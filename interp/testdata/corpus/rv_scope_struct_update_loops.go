package main

import "fmt"

type Player struct {
	Name  string
	Score int
}

var players = []Player{{"ann", 3}, {"bob", 5}}

func best() Player {
	b := players[0]
	for _, p := range players[1:] {
		if p.Score > b.Score {
			b = p
		}
	}
	return b
}

func main() {
	for _, p := range players {
		p.Score *= 10
	}
	fmt.Println(players)
	for i := range players {
		players[i].Score *= 10
	}
	fmt.Println(players, best())
	byName := map[string]*Player{}
	for i := range players {
		byName[players[i].Name] = &players[i]
	}
	byName["ann"].Score = 99
	fmt.Println(players[0], best().Name)
	p := players[1]
	p.Name = "copy"
	fmt.Println(players[1].Name, p.Name)
	if b := best(); b.Score > 50 {
		b.Score = 0
		fmt.Println("inner", b)
	}
	fmt.Println(best())
	total := 0
	for _, p := range players {
		total += p.Score
	}
	fmt.Println("total", total)
}
