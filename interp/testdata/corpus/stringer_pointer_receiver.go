package main

import "fmt"

type Account struct {
	Owner   string
	Balance int
}

func (a *Account) String() string { return fmt.Sprintf("%s: $%d", a.Owner, a.Balance) }

func (a *Account) Deposit(n int) { a.Balance += n }

func main() {
	acc := Account{"ana", 10}
	acc.Deposit(5)
	fmt.Println(&acc)
	fmt.Println(acc)
	fmt.Printf("%v %+v\n", acc, &acc)
	list := []*Account{{"bo", 1}, {"cy", 2}}
	fmt.Println(list)
	vals := []Account{{"dee", 3}}
	fmt.Println(vals)
	var s fmt.Stringer = &acc
	fmt.Println(s)
	for _, a := range list {
		a.Deposit(100)
	}
	fmt.Println(list[0], list[1])
	for _, v := range vals {
		v.Deposit(100) // changes a copy
	}
	fmt.Println(vals[0].Balance)
	for i := range vals {
		vals[i].Deposit(100)
	}
	fmt.Println(vals[0].Balance)
}
