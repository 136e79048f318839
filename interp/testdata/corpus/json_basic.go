package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Address struct {
	City string `json:"city"`
	Zip  string `json:"zip,omitempty"`
}

type User struct {
	Name    string            `json:"name"`
	Age     int               `json:"age"`
	Emails  []string          `json:"emails"`
	Address *Address          `json:"address,omitempty"`
	Meta    map[string]string `json:"meta,omitempty"`
	Skip    string            `json:"-"`
}

func main() {
	u := User{Name: "Ann", Age: 31, Emails: []string{"a@x.org"}, Address: &Address{City: "Oslo"}, Skip: "no"}
	b, _ := json.Marshal(u)
	fmt.Println(string(b))
	var back User
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println(err)
	}
	fmt.Println(back.Name, back.Age, back.Address.City, back.Skip == "")
	var generic map[string]any
	json.Unmarshal([]byte(`{"n": 1.5, "list": [1, "two", null], "ok": true}`), &generic)
	fmt.Println(generic["n"], generic["list"], generic["ok"])
	dec := json.NewDecoder(strings.NewReader(`{"city":"Rome"} {"city":"Lima","zip":"15001"}`))
	for {
		var a Address
		if err := dec.Decode(&a); err != nil {
			break
		}
		fmt.Printf("%+v\n", a)
	}
	pretty, _ := json.MarshalIndent(map[string]int{"b": 2, "a": 1}, "", "  ")
	fmt.Println(string(pretty))
}
