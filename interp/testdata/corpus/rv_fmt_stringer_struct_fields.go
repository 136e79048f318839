package main

import "fmt"

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Account struct {
	Owner   string
	Balance Money
	Limit   *Money
	History []Money
	ByTag   map[string]Money
}

type Ledger struct {
	Main    Account
	Backup  *Account
	Entries [2]Money
}

func main() {
	lim := Money(50000)
	acc := Account{
		Owner:   "ann",
		Balance: 12345,
		Limit:   &lim,
		History: []Money{100, 250},
		ByTag:   map[string]Money{"food": 999},
	}
	fmt.Println(acc.Balance, *acc.Limit)
	fmt.Printf("%v\n", acc.History)
	fmt.Printf("%v\n", acc.ByTag)
	fmt.Println(acc.History[1], acc.ByTag["food"])
	plain := Account{Owner: "bob", Balance: 7}
	fmt.Printf("%v\n", plain)
	fmt.Printf("%+v\n", plain)
	l := Ledger{Main: plain, Entries: [2]Money{1, 20000}}
	fmt.Printf("%v\n", l)
	fmt.Printf("%+v\n", l.Entries)
	fmt.Println(l.Main.Balance + 3)
	sum := Money(0)
	for _, m := range acc.History {
		sum += m
	}
	fmt.Println("sum", sum)
}
