package main

import (
	"errors"
	"fmt"
)

type Both struct{ code int }

func (b Both) Error() string  { return fmt.Sprintf("error code %d", b.code) }
func (b Both) String() string { return fmt.Sprintf("both(%d)", b.code) }

type Loud string

func (l Loud) String() string { return string(l) + "!" }

type Quiet struct{ msg string }

func (q *Quiet) Error() string {
	if q == nil {
		return "quiet(nil)"
	}
	return "quiet: " + q.msg
}

func mayFail(fail bool) error {
	var q *Quiet
	if fail {
		q = &Quiet{"boom"}
	}
	return q
}

func main() {
	b := Both{7}
	fmt.Println(b)
	fmt.Printf("%v %s %d\n", b, b, b)
	fmt.Println([]Both{{1}, {2}})
	var err error = b
	fmt.Println(err, err.Error())
	fmt.Println(Loud("hey"), []Loud{"a", "b"})
	fmt.Printf("%v %s %q %x\n", Loud("yo"), Loud("yo"), Loud("yo"), Loud("yo"))
	e1 := mayFail(false)
	fmt.Println(e1 == nil, e1)
	e2 := mayFail(true)
	fmt.Println(e2 == nil, e2)
	joined := errors.Join(Both{3}, errors.New("plain"))
	fmt.Println(joined)
	var target Both
	fmt.Println(errors.As(joined, &target), target.code, target)
	wrapped := fmt.Errorf("ctx: %w", Both{4})
	fmt.Println(wrapped, errors.Unwrap(wrapped))
	fmt.Printf("%v|%+v\n", struct{ E error }{Both{5}}, struct{ E error }{&Quiet{"m"}})
}
