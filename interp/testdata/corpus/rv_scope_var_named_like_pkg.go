package main

import (
	"fmt"
	"strings"
)

type Request struct {
	path  string
	query map[string]string
}

func parse(url string) Request {
	path, rawQuery, _ := strings.Cut(url, "?")
	r := Request{path: path, query: map[string]string{}}
	for _, kv := range strings.Split(rawQuery, "&") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			r.query[k] = v
		}
	}
	return r
}

func main() {
	url := "/search?q=go&page=2"
	req := parse(url)
	path := req.path
	fmt.Println(path, req.query)
	time := 42
	errors := []string{"e1", "e2"}
	sort := "asc"
	bytes := len(url)
	json := `{"a":1}`
	fmt.Println(time, errors, sort, bytes, json)
	rand := 4
	math := rand * 2
	fmt.Println(rand, math)
	os := "linux"
	io := strings.ToUpper(os)
	fmt.Println(io)
	filepath := path + "/index.html"
	fmt.Println(filepath)
	log := []string{}
	log = append(log, "started")
	fmt.Println(log)
}
