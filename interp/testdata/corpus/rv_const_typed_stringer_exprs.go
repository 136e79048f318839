package main

import "fmt"

type Suit int

const (
	Spades Suit = iota
	Hearts
	Diamonds
	Clubs
)

var suitNames = map[Suit]string{Spades: "♠", Hearts: "♥", Diamonds: "♦", Clubs: "♣"}

func (s Suit) String() string {
	if n, ok := suitNames[s]; ok {
		return n
	}
	return fmt.Sprintf("Suit(%d)", int(s))
}

type Card struct {
	Rank int
	Suit Suit
}

func (c Card) String() string { return fmt.Sprintf("%d%v", c.Rank, c.Suit) }

func next(s Suit) Suit { return (s + 1) % 4 }

func main() {
	fmt.Println(Hearts+1, Clubs-Spades, Hearts*2, Clubs+1)
	fmt.Printf("%v %d %s %q\n", Diamonds-1, Diamonds-1, Diamonds-1, Diamonds-1)
	fmt.Println(next(Clubs), next(Hearts), Suit(2))
	s := Spades
	s += 3
	fmt.Println(s, s == Clubs, -s)
	fmt.Println(Card{10, Hearts}, Card{Rank: 1, Suit: Spades + 2})
	fmt.Println([]Suit{Hearts + 2, Clubs &^ 1})
	fmt.Printf("%v|%6v|%-6v|\n", Card{7, Clubs}, Hearts, Spades+1)
	fmt.Println(fmt.Sprint(Hearts, Clubs), fmt.Sprint(Hearts+0, " ", 3))
	const favorite = Diamonds
	const alias = favorite + 0
	fmt.Println(favorite, alias, favorite == alias)
	var any1 any = Hearts | Diamonds
	fmt.Println(any1)
	x := []any{Spades, Suit(9), int(Hearts)}
	fmt.Println(x...)
}
