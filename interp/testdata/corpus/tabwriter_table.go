package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

type row struct {
	Name  string
	Qty   int
	Price float64
}

func main() {
	rows := []row{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"fig", 12, 0.2}}
	var out strings.Builder
	w := tabwriter.NewWriter(&out, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "name\tqty\tprice\t")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t%.2f\t\n", r.Name, r.Qty, r.Price)
	}
	w.Flush()
	fmt.Print(out.String())
	total := 0.0
	for _, r := range rows {
		total += float64(r.Qty) * r.Price
	}
	fmt.Printf("total: %.2f\n", total)
}
