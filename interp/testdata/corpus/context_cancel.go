package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func produce(ctx context.Context, out chan<- int) error {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			close(out)
			return ctx.Err()
		case out <- i:
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	errc := make(chan error, 1)
	go func() { errc <- produce(ctx, out) }()
	sum := 0
	for v := range out {
		sum += v
		if v == 10 {
			cancel()
			break
		}
	}
	err := <-errc
	fmt.Println(sum, err, errors.Is(err, context.Canceled))
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Hour)
	defer cancel2()
	_, hasDeadline := ctx2.Deadline()
	fmt.Println(hasDeadline, ctx2.Err())
	ctx3 := context.WithValue(context.Background(), "user", "ann")
	fmt.Println(ctx3.Value("user"))
}
