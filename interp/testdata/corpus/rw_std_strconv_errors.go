package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Field struct {
	Name string
	Raw  string
}

func parseFields(fs []Field) (map[string]int64, []error) {
	out := map[string]int64{}
	var errs []error
	for _, f := range fs {
		v, err := strconv.ParseInt(f.Raw, 0, 16)
		if err != nil {
			errs = append(errs, fmt.Errorf("field %s: %w", f.Name, err))
			continue
		}
		out[f.Name] = v
	}
	return out, errs
}

func main() {
	vals, errs := parseFields([]Field{{"a", "0x1F"}, {"b", "-12"}, {"c", "99999"}, {"d", "1e3"}, {"e", "0b101"}})
	fmt.Println(vals)
	for _, e := range errs {
		var ne *strconv.NumError
		errors.As(e, &ne)
		fmt.Println(e, "|", ne.Func, ne.Num, errors.Is(e, strconv.ErrRange), errors.Is(e, strconv.ErrSyntax))
	}
	fmt.Println(strconv.Quote("tab\there \"q\""), strconv.QuoteRune('☺'), strconv.QuoteToASCII("é"))
	s, err := strconv.Unquote(`"a\nb"`)
	fmt.Printf("%q %v\n", s, err)
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.000012, 'e', 3, 64))
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatUint(255, 2), strconv.Itoa(007))
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)
	f, _ := strconv.ParseFloat("2.5e-1", 64)
	fmt.Println(f, strconv.AppendInt([]byte("n="), 42, 10), string(strconv.AppendQuote(nil, "x")))
	u, err := strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
}
