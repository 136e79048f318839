package main

import (
	"fmt"
	"sync"
)

type Config struct {
	Host string
	Port int
}

var (
	once     sync.Once
	config   *Config
	loadRuns int
)

func loadConfig() {
	loadRuns++
	config = &Config{Host: "localhost", Port: 8080}
}

func GetConfig() *Config {
	once.Do(loadConfig)
	return config
}

type Registry struct {
	init  sync.Once
	items map[string]int
}

func (r *Registry) Get(name string) int {
	r.init.Do(func() {
		fmt.Println("initialising registry")
		r.items = map[string]int{"a": 1, "b": 2}
	})
	return r.items[name]
}

func main() {
	var wg sync.WaitGroup
	ports := make([]int, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ports[i] = GetConfig().Port
		}()
	}
	wg.Wait()
	fmt.Println(ports, loadRuns)
	fmt.Printf("%+v\n", *GetConfig())
	var r Registry
	fmt.Println(r.Get("a"), r.Get("b"), r.Get("c"))
}
