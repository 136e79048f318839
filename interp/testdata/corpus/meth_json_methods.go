package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

type Level int

func (l Level) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("L%d", int(l))), nil }

func (l *Level) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "L%d", (*int)(l))
	return err
}

type Money int64

func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"$%d.%02d"`, m/100, m%100)), nil
}

func (m *Money) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	var d, c int64
	fmt.Sscanf(strings.TrimPrefix(s, "$"), "%d.%d", &d, &c)
	*m = Money(d*100 + c)
	return nil
}

type Item struct {
	Name   string           `json:"name"`
	Price  Money            `json:"price"`
	Extra  *Money           `json:"extra,omitempty"`
	Levels map[Level]string `json:"levels,omitempty"`
	Lv     Level            `json:"lv"`
	Hist   []Money          `json:"hist"`
	When   time.Duration    `json:"when"`
	Attrs  map[string]Money `json:"attrs,omitempty"`
	skip   int
}

type Order struct {
	ID    int     `json:"id"`
	Items []Item  `json:"items"`
	Total Money   `json:"total"`
	Note  *string `json:"note"`
}

func main() {
	e := Money(5)
	o := Order{ID: 1, Items: []Item{{Name: "pen", Price: 199, Extra: &e, Levels: map[Level]string{2: "b", 1: "a"}, Lv: 3, Hist: []Money{1, 250}, When: time.Second}}, Total: 199}
	b, err := json.Marshal(o)
	fmt.Println(string(b), err)
	b2, _ := json.MarshalIndent(o.Items[0].Price, "", " ")
	fmt.Println(string(b2))
	var back Order
	err = json.Unmarshal(b, &back)
	fmt.Println(err, back.ID, len(back.Items))
	fmt.Println(back.Total, back.Items[0].Price, *back.Items[0].Extra, back.Items[0].Levels, back.Items[0].Lv, back.Items[0].Hist)
	var m map[string]Money
	fmt.Println(json.Unmarshal([]byte(`{"a":"$1.50","b":"$0.07"}`), &m), m)
	var lv []Level
	fmt.Println(json.Unmarshal([]byte(`["L4","L7"]`), &lv), lv)
	fmt.Println(json.Unmarshal([]byte(`{"id":"x"}`), &back))
	fmt.Println(json.Unmarshal([]byte(`{"items":[{"name":5}]}`), &back))
	var anyv any
	json.Unmarshal(b, &anyv)
	fmt.Println(anyv.(map[string]any)["total"])
	bb, _ := json.Marshal([]any{Money(1), Level(2), map[string]any{"m": Money(3)}})
	fmt.Println(string(bb))
}
