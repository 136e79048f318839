package main

import (
	"context"
	"errors"
	"fmt"
)

func counter(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case out <- i:
			}
		}
	}()
	return out
}

type ctxKey string

func handle(ctx context.Context) string {
	user, ok := ctx.Value(ctxKey("user")).(string)
	if !ok {
		return "anonymous"
	}
	return "user " + user
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var got []int
	for n := range counter(ctx) {
		got = append(got, n)
		if n == 4 {
			cancel()
			break
		}
	}
	fmt.Println(got)
	<-ctx.Done()
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
	vctx := context.WithValue(context.Background(), ctxKey("user"), "ann")
	fmt.Println(handle(vctx), "|", handle(context.Background()))
	tctx, tcancel := context.WithTimeout(context.Background(), 0)
	defer tcancel()
	<-tctx.Done()
	fmt.Println(tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))
}
