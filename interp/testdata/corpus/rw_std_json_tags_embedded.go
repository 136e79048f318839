package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Audit struct {
	CreatedBy string `json:"created_by"`
	Version   int    `json:"version"`
}

type Customer struct {
	ID       int               `json:"id"`
	Name     string            `json:"name"`
	Email    string            `json:"email,omitempty"`
	Password string            `json:"-"`
	Tags     []string          `json:"tags"`
	Address  *Address          `json:"address,omitempty"`
	Meta     map[string]string `json:"meta,omitempty"`
	Audit
	score int
}

func main() {
	c := Customer{ID: 1, Name: "Ann", Password: "secret", Tags: []string{"vip"},
		Address: &Address{Street: "Main 1"}, Audit: Audit{"admin", 2}, score: 9}
	b, err := json.Marshal(c)
	fmt.Println(string(b), err)
	empty, _ := json.Marshal(Customer{})
	fmt.Println(string(empty))
	pretty, _ := json.MarshalIndent(map[string]any{"list": []Customer{{ID: 2, Name: "Bo"}}}, "", "  ")
	fmt.Println(string(pretty))
	var back Customer
	err = json.Unmarshal(b, &back)
	fmt.Println(err, back.Name, back.Address.Street, back.CreatedBy, back.Version, back.Password == "")
	type Pt struct{ X, Y int }
	bs, _ := json.Marshal([]Pt{{1, 2}, {3, 4}})
	fmt.Println(string(bs))
}
