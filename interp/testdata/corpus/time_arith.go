package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Date(2024, time.February, 27, 22, 30, 0, 0, time.UTC)
	end := start.Add(36*time.Hour + 45*time.Minute)
	fmt.Println(start.Format("2006-01-02 15:04"), "->", end.Format(time.RFC3339))
	fmt.Println(end.Sub(start), end.Sub(start).Hours())
	fmt.Println(end.Weekday(), end.YearDay(), end.Month())
	fmt.Println(start.AddDate(0, 1, 3).Format("Jan 2, 2006"))
	d := 90*time.Minute + 30*time.Second
	fmt.Println(d, d.Minutes(), d.Truncate(time.Hour), d.Round(time.Hour))
	t, err := time.Parse("2006-01-02", "2023-12-25")
	fmt.Println(t.Weekday(), err)
	fmt.Println(start.Before(end), start.Equal(start.UTC()), end.Truncate(24*time.Hour).Format(time.Kitchen))
	deadline := start.Add(10 * 24 * time.Hour)
	days := int(deadline.Sub(start).Hours() / 24)
	fmt.Printf("%d days, unix %d\n", days, start.Unix())
}
