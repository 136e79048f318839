package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Account struct {
	Balance int
}

var ErrInsufficient = errors.New("insufficient funds")

type TxError struct {
	Op     string
	Amount int
	Err    error
}

func (e TxError) Error() string {
	return e.Op + " " + strconv.Itoa(e.Amount) + ": " + e.Err.Error()
}

func (e TxError) Unwrap() error { return e.Err }

func (a *Account) Withdraw(n int) error {
	if n > a.Balance {
		return TxError{"withdraw", n, ErrInsufficient}
	}
	a.Balance -= n
	return nil
}

type Validator interface {
	Validate() error
}

type Email string

func (e Email) Validate() error {
	for _, c := range e {
		if c == '@' {
			return nil
		}
	}
	return fmt.Errorf("email %q: missing @", string(e))
}

type Age int

func (a Age) Validate() error {
	if a < 0 {
		return errors.New("age: negative")
	}
	return nil
}

func validateAll(vs ...Validator) []error {
	var errs []error
	for _, v := range vs {
		if err := v.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func main() {
	acc := &Account{100}
	for _, amt := range []int{30, 100, 50} {
		if err := acc.Withdraw(amt); err != nil {
			fmt.Println("error:", err)
			fmt.Println("  insufficient:", errors.Is(err, ErrInsufficient))
			var tx TxError
			if errors.As(err, &tx) {
				fmt.Println("  op:", tx.Op, "amount:", tx.Amount)
			}
			switch e := err.(type) {
			case TxError:
				fmt.Println("  tx error", e.Amount)
			default:
				fmt.Println("  other")
			}
			continue
		}
		fmt.Println("ok, balance", acc.Balance)
	}
	errs := validateAll(Email("a@b"), Email("nope"), Age(3), Age(-1))
	fmt.Println(len(errs), errors.Join(errs...))
	for _, e := range errs {
		fmt.Printf("%T: %v\n", e, e)
	}
}
