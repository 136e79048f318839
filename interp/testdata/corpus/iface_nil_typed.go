package main

import "fmt"

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprint("code ", e.Code) }

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{500}
	}
	return p // a typed nil is not a nil error
}

func safe(fail bool) error {
	if fail {
		return &MyErr{404}
	}
	return nil
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil)
	fmt.Printf("%T %v\n", err, err == (*MyErr)(nil))
	err = safe(false)
	fmt.Println(err == nil)
	err = safe(true)
	fmt.Println(err, err == nil)
	var e1, e2 error
	fmt.Println(e1 == e2)
	var i any
	fmt.Println(i == nil, fmt.Sprint(i))
	var p *MyErr
	i = p
	fmt.Println(i == nil, i.(*MyErr) == nil)
}
