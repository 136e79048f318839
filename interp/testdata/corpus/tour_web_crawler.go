package main

import (
	"fmt"
	"sort"
	"sync"
)

type Fetcher interface {
	Fetch(url string) (body string, urls []string, err error)
}

type fakeResult struct {
	body string
	urls []string
}

type fakeFetcher map[string]*fakeResult

func (f fakeFetcher) Fetch(url string) (string, []string, error) {
	if res, ok := f[url]; ok {
		return res.body, res.urls, nil
	}
	return "", nil, fmt.Errorf("not found: %s", url)
}

var fetcher = fakeFetcher{
	"https://golang.org/":         &fakeResult{"The Go Programming Language", []string{"https://golang.org/pkg/", "https://golang.org/cmd/"}},
	"https://golang.org/pkg/":     &fakeResult{"Packages", []string{"https://golang.org/", "https://golang.org/pkg/fmt/"}},
	"https://golang.org/pkg/fmt/": &fakeResult{"Package fmt", []string{"https://golang.org/", "https://golang.org/pkg/"}},
}

type visited struct {
	mu   sync.Mutex
	seen map[string]string
}

func Crawl(url string, depth int, f Fetcher, v *visited, wg *sync.WaitGroup) {
	defer wg.Done()
	if depth <= 0 {
		return
	}
	v.mu.Lock()
	if _, ok := v.seen[url]; ok {
		v.mu.Unlock()
		return
	}
	v.seen[url] = "pending"
	v.mu.Unlock()
	body, urls, err := f.Fetch(url)
	v.mu.Lock()
	if err != nil {
		v.seen[url] = err.Error()
	} else {
		v.seen[url] = body
	}
	v.mu.Unlock()
	for _, u := range urls {
		wg.Add(1)
		go Crawl(u, depth-1, f, v, wg)
	}
}

func main() {
	v := &visited{seen: map[string]string{}}
	var wg sync.WaitGroup
	wg.Add(1)
	Crawl("https://golang.org/", 4, fetcher, v, &wg)
	wg.Wait()
	keys := make([]string, 0)
	for k := range v.seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s %q\n", k, v.seen[k])
	}
}
