package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Item struct {
	SKU string  `json:"sku"`
	Qty int     `json:"qty"`
	Px  float64 `json:"price"`
}

type Order struct {
	ID    string          `json:"id"`
	Items []Item          `json:"items"`
	Notes map[string]bool `json:"notes"`
	Raw   json.RawMessage `json:"raw"`
}

func (o Order) Total() float64 {
	t := 0.0
	for _, it := range o.Items {
		t += float64(it.Qty) * it.Px
	}
	return t
}

func main() {
	in := `{"id":"o-1","items":[{"sku":"a","qty":2,"price":1.25},{"sku":"b","qty":1,"price":10}],
	"notes":{"gift":true},"raw":{"any":[1,2]}}`
	var o Order
	if err := json.Unmarshal([]byte(in), &o); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(o.ID, len(o.Items), o.Items[1].SKU, o.Notes["gift"], string(o.Raw))
	fmt.Printf("%.2f\n", o.Total())
	fmt.Printf("%+v\n", o.Items[0])
	out, _ := json.Marshal(o)
	fmt.Println(string(out))
	dec := json.NewDecoder(strings.NewReader(`{"sku":"x","qty":1} {"sku":"y","qty":2}`))
	for dec.More() {
		var it Item
		if err := dec.Decode(&it); err != nil {
			break
		}
		fmt.Println(it.SKU, it.Qty)
	}
	var list []Item
	json.Unmarshal([]byte(`[{"sku":"q"}]`), &list)
	fmt.Printf("%v %d\n", list, len(list))
}
