package main

import (
	"encoding/json"
	"fmt"
)

type Base struct {
	ID      int    `json:"id"`
	Created string `json:"created"`
}

type Article struct {
	Base
	Title string   `json:"title"`
	Tags  []string `json:"tags,omitempty"`
	draft bool
}

func main() {
	a := Article{Base: Base{ID: 7, Created: "2024-01-02"}, Title: "Go cells", Tags: []string{"go"}}
	b, err := json.Marshal(a)
	fmt.Println(string(b), err)
	out, _ := json.MarshalIndent(Article{Title: "empty"}, "", "  ")
	fmt.Println(string(out))
	var back Article
	err = json.Unmarshal([]byte(`{"id":9,"created":"x","title":"t","draft":true}`), &back)
	fmt.Println(back.ID, back.Title, back.draft, err)
}
